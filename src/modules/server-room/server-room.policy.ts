import type { Actor } from "../../server/actor.js";
import { canManageOperations, canReadOperations } from "../operations-registers/operations-registers.policy.js";

/** The LPSE administrator requests permits and logs visits (standard 9, Pengelolaan Keamanan Perangkat). */
export function canManageServerRoom(actor: Actor): boolean {
  return canManageOperations(actor);
}

/** The Kepala LPSE and auditors read the permits and the visit log. */
export function canReadServerRoom(actor: Actor): boolean {
  return canReadOperations(actor);
}

/** Standard 9 asks for approval by the head of the LPSE; approving is never the requester's own decision. */
export function canApprovePermit(actor: Actor): boolean {
  return actor.role === "kepala_lpse";
}

/** The same person may not request and approve one permit (separation of duties). */
export function isOwnRequest(actor: Actor, permit: { requested_by: string }): boolean {
  return permit.requested_by === actor.id;
}

/** The administrator who keeps the register, or the Kepala LPSE who approves, may withdraw a permit. */
export function canRevokePermit(actor: Actor): boolean {
  return canManageServerRoom(actor) || canApprovePermit(actor);
}
