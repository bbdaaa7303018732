/** Table types of the procurement data: packages, their schedules and documents, tender participation, vendors' records and documents, OCDS releases (merged into `DB` in schema.ts). */

export interface PackagesTable {
  id: string;
  agency_id: string;
  work_unit_id: string;
  ppk_id: string;
  rup_code: string;
  name: string;
  fiscal_year: number;
  funding_source: string;
  pagu_sen: number; // integer sen; exact below 2^53
  hps_sen: number;
  category: string;
  method: string;
  evaluation_method: string;
  /** Percent (1-99) for sistem nilai and kualitas dan biaya; the price weight is the rest. */
  technical_weight: number | null;
  qualification: string;
  contract_type: string;
  kbli_codes: string; // JSON array
  qualification_requirements: string;
  status: "draft" | "published";
  hps_set_at: string;
  /** The failed tender this package re-tenders. */
  retender_of: string | null;
  tender_code: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PackageHpsItemsTable {
  id: string;
  package_id: string;
  position: number;
  description: string;
  unit: string;
  quantity_milli: number;
  unit_price_sen: number;
  total_sen: number;
}

export interface PackageAssignmentsTable {
  package_id: string;
  kind: "pokja" | "pejabat_pengadaan";
  decree_number: string; // the SK appointing the Pokja or official
  assigned_by: string;
  assigned_at: string;
}

export interface PackageCommitteeMembersTable {
  package_id: string;
  user_id: string;
}

export interface PackageSchedulesTable {
  package_id: string;
  position: number;
  stage: string;
  starts_at: string;
  ends_at: string;
}

export interface ScheduleChangesTable {
  id: string;
  package_id: string;
  changed_at: string;
  changed_by: string;
  reason_kind: "initial" | "force_majeure" | "technical_failure" | "document_change";
  reason_text: string;
  stages: string; // JSON: the schedule as it became
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface TenderParticipantsTable {
  package_id: string;
  vendor_id: string;
  joined_by: string;
  joined_at: string;
}

export interface TenderQuestionsTable {
  id: string;
  package_id: string;
  vendor_id: string;
  asked_by: string;
  question: string;
  asked_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

export interface TenderDocumentsTable {
  id: string;
  package_id: string;
  version: number;
  kind: "dokumen_pemilihan" | "adendum";
  title: string;
  content: string;
  published_by: string;
  published_at: string;
}

export interface VendorDocumentsTable {
  id: string;
  vendor_id: string;
  kind: string;
  original_name: string;
  content_type: string; // detected from the content
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface OcdsReleasesTable {
  id: string; // the release id
  ocid: string;
  package_id: string;
  tag: string; // JSON array of release tags
  date: string;
  release: string; // the release JSON exactly as published; never updated
  seq: number; // from the ocds_release_seq counter: increases in commit order, for seek pagination
}

export interface VendorRecordsTable {
  id: string;
  vendor_id: string;
  kind: string; // deeds, owners, managers, experts, equipment, experience, tax-reports
  data: string; // JSON, validated by the kind's schema
  created_at: string;
  updated_at: string;
}

export interface PackageDocumentsTable {
  id: string;
  package_id: string;
  kind: string;
  original_name: string;
  content_type: string; // detected from the content
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}

