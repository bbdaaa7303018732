import type { Actor } from "../../server/actor.js";

/** The LPSE administrator creates, sends and closes satisfaction surveys (standard 15). */
export function canManageSurveys(actor: Actor): boolean {
  return actor.role === "admin_ppe";
}

/** The head of the LPSE and auditors read the results (evidence for standard 15); never who answered. */
export function canReadSurveys(actor: Actor): boolean {
  return canManageSurveys(actor) || actor.role === "kepala_lpse" || actor.role === "auditor";
}

/** Any signed-in user, vendors included, may file an improvement request. */
export function canFileImprovement(_actor: Actor): boolean {
  return true;
}

/** The administrator and the helpdesk triage improvement requests and answer the requester. */
export function canTriageImprovements(actor: Actor): boolean {
  return actor.role === "admin_ppe" || actor.role === "helpdesk";
}

/** Who reads every request: those who triage them, the head of the LPSE and auditors. Others read their own. */
export function canReadAllImprovements(actor: Actor): boolean {
  return canTriageImprovements(actor) || actor.role === "kepala_lpse" || actor.role === "auditor";
}
