/** The roles of an LPSE (Perpres 16/2018 and LKPP's SPSE duty descriptions). One role per account. */
export const ROLES = [
  "kepala_lpse",
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

/** Roles that work for the whole LPSE rather than for one agency (OPD). */
export const LPSE_WIDE_ROLES: readonly Role[] = ["kepala_lpse", "admin_ppe", "verifikator", "helpdesk", "auditor"];

/** Roles that belong to one agency and need an agency id. */
export const AGENCY_ROLES: readonly Role[] = ["admin_agency", "pa_kpa", "ppk", "pokja", "pejabat_pengadaan"];

/** The LPSE information-security policy requires a second factor for these roles. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ["kepala_lpse", "admin_ppe", "admin_agency", "verifikator", "ppk", "pokja"];

export const ROLE_NAMES: Record<Role, { id: string; en: string }> = {
  kepala_lpse: { id: "Kepala LPSE", en: "Head of the LPSE" },
  admin_ppe: { id: "Admin PPE", en: "LPSE administrator" },
  admin_agency: { id: "Admin Agency", en: "Agency administrator" },
  verifikator: { id: "Verifikator", en: "Vendor verifier" },
  helpdesk: { id: "Helpdesk", en: "Helpdesk" },
  pa_kpa: { id: "PA/KPA", en: "Budget holder (PA/KPA)" },
  ppk: { id: "PPK", en: "Commitment official (PPK)" },
  pokja: { id: "Pokja Pemilihan", en: "Tender committee (Pokja)" },
  pejabat_pengadaan: { id: "Pejabat Pengadaan", en: "Procurement official" },
  auditor: { id: "Auditor", en: "Auditor" },
  vendor: { id: "Penyedia", en: "Vendor" },
};

export function requiresSecondFactor(role: Role): boolean {
  return SECOND_FACTOR_ROLES.includes(role);
}

export function isAgencyRole(role: Role): boolean {
  return AGENCY_ROLES.includes(role);
}
