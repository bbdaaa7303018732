/** Role codes and their scopes, shared with the server (one role per account). */
import { AGENCY_ROLES, LPSE_WIDE_ROLES, ROLES, type Role } from "../../../src/modules/users/roles.js";
export { AGENCY_ROLES, LPSE_WIDE_ROLES, ROLES, type Role };

/** Roles an administrator creates on the users page; vendor accounts come with their company's registration. */
export const STAFF_ROLES: readonly Role[] = [...LPSE_WIDE_ROLES, ...AGENCY_ROLES];

export function isAgencyRole(role: Role): boolean {
  return AGENCY_ROLES.includes(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
