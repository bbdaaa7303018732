import type { Actor } from "../../server/actor.js";
import { AGENCY_ROLES, type Role } from "./roles.js";

/** Who may see the user list: the LPSE administrator (all) and agency administrators (their agency). */
export function canListUsers(actor: Actor): boolean {
  return actor.role === "admin_ppe" || actor.role === "admin_agency";
}

/**
 * The LPSE administrator creates any staff account; an agency administrator creates the accounts of
 * its own agency (PPK, Pokja, PA/KPA, ...) from their appointment decrees. Vendors register themselves.
 */
export function canCreateUser(actor: Actor, target: { role: Role; agencyId: string | null }): boolean {
  if (target.role === "vendor") return false;
  if (actor.role === "admin_ppe") return true;
  return actor.role === "admin_agency" && AGENCY_ROLES.includes(target.role) && target.agencyId === actor.agencyId;
}

/** Disable, enable, reset the second factor. Nobody does it to their own account. */
export function canManageUser(actor: Actor, target: { id: string; role: Role; agencyId: string | null }): boolean {
  if (actor.id === target.id) return false;
  if (actor.role === "admin_ppe") return true;
  return actor.role === "admin_agency" && AGENCY_ROLES.includes(target.role) && target.agencyId === actor.agencyId;
}

/** Whether the caller may know the account exists at all (scope: the whole LPSE, or one agency). */
export function canSeeUser(actor: Actor, target: { agencyId: string | null }): boolean {
  if (actor.role === "admin_ppe") return true;
  return actor.role === "admin_agency" && target.agencyId !== null && target.agencyId === actor.agencyId;
}
