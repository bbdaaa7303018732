import type { Actor } from "../../server/actor.js";
import { canListCycles } from "./standards.policy.js";

/** Importing a peer's summary and recording study visits: the head of the LPSE or its administrator. */
export function canManagePeers(actor: Actor): boolean {
  return actor.role === "kepala_lpse" || actor.role === "admin_ppe";
}

/** The comparison, the peers and the visits: the LPSE's own staff, like the cycle list. */
export function canCompare(actor: Actor): boolean {
  return canListCycles(actor);
}
