import type { Actor } from "../../server/actor.js";

interface TenderScope {
  agencyId: string;
  /** The caller sits on the tender's Pokja. */
  isCommitteeMember: boolean;
}

/**
 * The evaluation minutes and the winner proposal are read by the committee, the package's agency's PPK and
 * PA/KPA, and the auditors (APIP); nobody else.
 */
export function canReadMinutes(actor: Actor, tender: TenderScope): boolean {
  if (actor.role === "auditor") return true;
  if (actor.role === "pokja" || actor.role === "pejabat_pengadaan") return tender.isCommitteeMember;
  return (actor.role === "ppk" || actor.role === "pa_kpa") && actor.agencyId === tender.agencyId;
}

/** Only the committee issues the minutes (the final version whose SHA-256 is logged). */
export function canIssueMinutes(actor: Actor, tender: TenderScope): boolean {
  return actor.role === "pokja" && tender.isCommitteeMember;
}

/** Above the ceilings the PA/KPA of the package's agency names the winner (Perpres 16/2018 art. 9). */
export function canDecideWinner(actor: Actor, tender: Pick<TenderScope, "agencyId">): boolean {
  return actor.role === "pa_kpa" && actor.agencyId === tender.agencyId;
}
