import type { Actor } from "../../server/actor.js";

/** Helpdesk staff and the LPSE administrator handle tickets and write the knowledge base. */
export function canManageTickets(actor: Actor): boolean {
  return actor.role === "helpdesk" || actor.role === "admin_ppe";
}

/** The head of the LPSE and auditors read the register and its reports (standard 5 evidence). */
export function canReadTickets(actor: Actor): boolean {
  return canManageTickets(actor) || actor.role === "kepala_lpse" || actor.role === "auditor";
}

/** SLA targets are an LPSE setting: the administrator changes them, the readers see them. */
export function canEditSla(actor: Actor): boolean {
  return actor.role === "admin_ppe";
}

/** The submitter with an account sees its own ticket, without internal notes. */
export function isOwnTicket(actor: Actor, ticket: { submitter_user_id: string | null }): boolean {
  return ticket.submitter_user_id !== null && ticket.submitter_user_id === actor.id;
}
