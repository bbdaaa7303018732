import type { Actor } from "../../server/actor.js";

/** The LPSE administrator keeps the regulation and software-licence registers. */
export function canManageCompliance(actor: Actor): boolean {
  return actor.role === "admin_ppe";
}

/** The head of the LPSE and auditors read them (evidence for standards 1 and 16). */
export function canReadCompliance(actor: Actor): boolean {
  return canManageCompliance(actor) || actor.role === "kepala_lpse" || actor.role === "auditor";
}
