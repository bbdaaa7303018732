import type { Actor } from "../../server/actor.js";

/** What the caller is in one cycle: on its internal assessment team, and/or owner of a corrective action. */
export interface CycleInvolvement {
  isMember: boolean;
  ownsAction: boolean;
}

/** The head of the LPSE opens cycles, appoints the team and coordinators, signs off and records LKPP's verdict. */
export function canManageStandards(actor: Actor): boolean {
  return actor.role === "kepala_lpse";
}

/** Reading a cycle: the head, the auditor, the team, and owners of its corrective actions. */
export function canViewCycle(actor: Actor, involvement: CycleInvolvement): boolean {
  return canManageStandards(actor) || actor.role === "auditor" || involvement.isMember || involvement.ownsAction;
}

/** Statuses, notes, evidence, findings and verification: members of the cycle's team only. */
export function canAssess(actor: Actor, involvement: CycleInvolvement): boolean {
  return involvement.isMember;
}

/** The owner of a corrective action reports it done. */
export function canMarkActionDone(actor: Actor, finding: { ownerId: string }): boolean {
  return actor.id === finding.ownerId;
}

/** An assessor verifies a corrective action, never its own. */
export function canVerifyAction(actor: Actor, finding: { ownerId: string }, involvement: CycleInvolvement): boolean {
  return involvement.isMember && actor.id !== finding.ownerId;
}

/** The cycle list: the LPSE's own staff (vendors and agency officials have no part in it). */
export function canListCycles(actor: Actor): boolean {
  return actor.vendorId === null && actor.agencyId === null;
}
