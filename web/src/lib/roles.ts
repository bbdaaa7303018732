/** Role codes as the API sends them (one role per account). */
export const ROLES = [
  "admin_ppe",
  "admin_agency",
  "verifikator",
  "helpdesk",
  "pa_kpa",
  "ppk",
  "pokja",
  "pejabat_pengadaan",
  "auditor",
  "vendor",
] as const;
export type Role = (typeof ROLES)[number];

/** Work for the whole LPSE: no agency. */
export const LPSE_WIDE_ROLES: readonly Role[] = ["admin_ppe", "verifikator", "helpdesk", "auditor"];
/** Belong to one agency (OPD): the agency is required. */
export const AGENCY_ROLES: readonly Role[] = ["admin_agency", "pa_kpa", "ppk", "pokja", "pejabat_pengadaan"];
/** Roles an administrator creates on the users page; vendor accounts come with their company's registration. */
export const STAFF_ROLES: readonly Role[] = [...LPSE_WIDE_ROLES, ...AGENCY_ROLES];

export function isAgencyRole(role: Role): boolean {
  return AGENCY_ROLES.includes(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
