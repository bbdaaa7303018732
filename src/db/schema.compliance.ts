/** Tables of the compliance registers (LPSE standard 16; standard 1.3). Part of the `DB` type in schema.ts. */

/** One regulation the LPSE works under, from a law (UU) to an internal SOP. Dates are YYYY-MM-DD. */
export interface ComplianceRegulationsTable {
  id: string;
  title: string;
  /** As cited, e.g. "Perpres 16/2018". */
  number: string;
  kind: string;
  issued_on: string;
  valid_until: string | null;
  /** When the LPSE plans to check it is still current. */
  review_on: string | null;
  /** in_force, revoked or replaced. */
  status: string;
  /** The regulation that replaced it, as cited, when status is replaced. */
  replaced_by: string | null;
  link: string | null;
  notes: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One software licence; seats null means unlimited (typical of open source). */
export interface SoftwareLicencesTable {
  id: string;
  product: string;
  vendor: string;
  licence_type: string;
  seats: number | null;
  valid_until: string | null;
  /** Integer sen; exact below 2^53. */
  cost_sen: number | string | bigint | null;
  notes: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A licence installed on an asset of the asset register; one seat each. */
export interface SoftwareLicenceInstallationsTable {
  id: string;
  licence_id: string;
  asset_id: string;
  installed_on: string | null;
  notes: string | null;
  created_by: string;
  created_at: string;
}
