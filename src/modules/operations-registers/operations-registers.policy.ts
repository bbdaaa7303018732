import type { Actor } from "../../server/actor.js";

/** The LPSE administrator keeps the operations registers (capacity, server access, patches and scans). */
export function canManageOperations(actor: Actor): boolean {
  return actor.role === "admin_ppe";
}

/** The head of the LPSE and auditors read them (evidence for standards 7, 10 and 11). */
export function canReadOperations(actor: Actor): boolean {
  return canManageOperations(actor) || actor.role === "kepala_lpse" || actor.role === "auditor";
}
