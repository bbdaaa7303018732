import type { Actor } from "../../server/actor.js";

/** The LPSE administrator keeps the asset and risk registers (standards 3 and 4). */
export function canManageRegisters(actor: Actor): boolean {
  return actor.role === "admin_ppe";
}

/** Helpdesk staff, the Kepala LPSE and auditors read them (evidence for the standards). */
export function canReadRegisters(actor: Actor): boolean {
  return canManageRegisters(actor) || actor.role === "helpdesk" || actor.role === "kepala_lpse" || actor.role === "auditor";
}

/** LPSE staff who run the platform propose changes: the administrator, helpdesk staff and the Kepala LPSE. */
export function canProposeChange(actor: Actor): boolean {
  return actor.role === "admin_ppe" || actor.role === "helpdesk" || actor.role === "kepala_lpse";
}

/** The Kepala LPSE or the administrator approve or reject a change, never the one who proposed it. */
export function canDecideChange(actor: Actor, change: { requested_by: string | null }): boolean {
  return (actor.role === "kepala_lpse" || actor.role === "admin_ppe") && change.requested_by !== actor.id;
}

/** The administrator carries out an approved change; the administrator or the Kepala LPSE review it afterwards. */
export function canImplementChange(actor: Actor): boolean {
  return actor.role === "admin_ppe";
}

export function canReviewChange(actor: Actor): boolean {
  return actor.role === "admin_ppe" || actor.role === "kepala_lpse";
}
