import type { Actor } from "../../server/actor.js";

/** The LPSE administrator keeps the service budget (standard 13) and the supplier register (standard 14). */
export function canManageBudgetSuppliers(actor: Actor): boolean {
  return actor.role === "admin_ppe";
}

/** The head of the LPSE and auditors read them. */
export function canReadBudgetSuppliers(actor: Actor): boolean {
  return canManageBudgetSuppliers(actor) || actor.role === "kepala_lpse" || actor.role === "auditor";
}
