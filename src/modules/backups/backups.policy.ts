import type { Actor } from "../../server/actor.js";

/** Restore drills are continuity evidence (LPSE standard 12): the administrator, the head of the LPSE and auditors read them. */
export function canViewDrills(actor: Actor): boolean {
  return actor.role === "admin_ppe" || actor.role === "kepala_lpse" || actor.role === "auditor";
}
