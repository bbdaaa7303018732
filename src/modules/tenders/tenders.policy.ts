import type { Actor } from "../../server/actor.js";

/** The committee assigned to the package (Pokja Pemilihan or Pejabat Pengadaan) sets its schedule and publishes it. */
export function canRunSelection(actor: Actor, pkg: { isCommitteeMember: boolean }): boolean {
  return (actor.role === "pokja" || actor.role === "pejabat_pengadaan") && pkg.isCommitteeMember;
}
