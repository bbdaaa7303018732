/**
 * Tables of the LPSE standards assessment (`src/modules/standards/`). Part of the `DB` type in schema.ts.
 * One installation is one LPSE, so the tables carry no LPSE column yet (see docs/ARCHITECTURE.md).
 */

export type CycleStatus = "open" | "signed_off";
export type CriterionStatus = "met" | "partially_met" | "not_met" | "not_applicable";
export type FindingPriority = "high" | "medium" | "low";
export type FindingStatus = "open" | "done" | "verified";

/** An assessment cycle, pinned to the catalog version it was opened with; `met_count` is fixed at sign-off. */
export interface StandardCyclesTable {
  id: string;
  period: string;
  catalog_version: number;
  status: CycleStatus;
  opened_by: string;
  opened_at: string;
  met_count: number | null;
  signed_off_by: string | null;
  signed_off_at: string | null;
  sign_off_note: string | null;
}

/** The internal assessment team (tim penilai internal) of a cycle. */
export interface StandardTeamMembersTable {
  cycle_id: string;
  user_id: string;
  appointed_at: string;
}

export interface StandardCoordinatorsTable {
  cycle_id: string;
  standard_code: string;
  user_id: string;
  appointed_at: string;
}

export interface CriterionAssessmentsTable {
  cycle_id: string;
  criterion_code: string;
  status: CriterionStatus;
  reason: string | null;
  notes: string;
  assessed_by: string;
  assessed_at: string;
}

/** Evidence (bukti): an uploaded file in the content-addressed store, or a link to a platform page or URL. */
export interface CriterionEvidenceTable {
  id: string;
  cycle_id: string;
  criterion_code: string;
  kind: "file" | "link";
  title: string;
  url: string | null;
  content_type: string | null;
  size: number | null;
  sha256: string | null;
  added_by: string;
  added_at: string;
}

/** A finding (temuan) with its corrective-action request (tindakan korektif). */
export interface StandardFindingsTable {
  id: string;
  cycle_id: string;
  number: number;
  standard_code: string;
  criterion_code: string | null;
  description: string;
  action: string;
  priority: FindingPriority;
  owner_id: string;
  due_date: string;
  status: FindingStatus;
  raised_by: string;
  raised_at: string;
  done_note: string | null;
  done_at: string | null;
  verified_by: string | null;
  verified_at: string | null;
  verify_note: string | null;
}

/** The LKPP's external verification of a standard, confirmed by letter. */
export interface LkppVerificationsTable {
  cycle_id: string;
  standard_code: string;
  result: "met" | "not_met";
  letter_number: string;
  letter_date: string;
  recorded_by: string;
  recorded_at: string;
}
