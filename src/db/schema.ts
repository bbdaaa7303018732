import type { PackagesTable, PackageHpsItemsTable, PackageAssignmentsTable, PackageCommitteeMembersTable, PackageSchedulesTable, ScheduleChangesTable, CountersTable, TenderParticipantsTable, TenderQuestionsTable, TenderDocumentsTable, VendorDocumentsTable, OcdsReleasesTable, VendorRecordsTable, PackageDocumentsTable } from "./schema.procurement.js";
import type {
  OpeningKeysTable,
  TenderKeysTable,
  TenderKeySharesTable,
  BidsTable,
  BidUploadsTable,
  OpeningSharesTable,
  TenderOpeningsTable,
  BidOpeningsTable,
  BidFindingsTable,
  TenderResultsTable,
  ObjectionsTable,
  AwardsTable,
  DirectProcurementsTable,
  TenderFailuresTable,
  ObjectionAppealsTable,
  ContractsTable,
  EvaluationMinutesTable,
  WinnerProposalsTable,
} from "./schema.selection.js";
import type { RestoreDrillsTable } from "./schema.operations.js";
import type { PackageSearchFtsTable, PackageSearchTable } from "./schema.search.js";
import type { CriterionLiveSnapshotsTable } from "./schema.live-evidence.js";
import type {
  StandardCyclesTable,
  StandardTeamMembersTable,
  StandardCoordinatorsTable,
  CriterionAssessmentsTable,
  CriterionEvidenceTable,
  StandardFindingsTable,
  LkppVerificationsTable,
} from "./schema.standards.js";
import type { LpsePeersTable, PeerSummariesTable, StandardTemplatesTable, StudyVisitActionsTable, StudyVisitsTable } from "./schema.peers.js";
import type { HelpdeskArticlesTable, HelpdeskCommentsTable, HelpdeskTicketsTable } from "./schema.helpdesk.js";
import type { RegisterAssetsTable, RegisterChangesTable, RegisterRisksTable, RegisterRiskTasksTable } from "./schema.registers.js";
import type {
  AccessGrantsTable,
  AccessReviewItemsTable,
  AccessReviewsTable,
  CapacitySamplesTable,
  PatchRecordsTable,
  VulnerabilityFindingsTable,
  VulnerabilityScansTable,
} from "./schema.operations-registers.js";
import type {
  ServerRoomDevicesTable,
  ServerRoomPermitsTable,
  ServerRoomVisitsTable,
  StaffCertificatesTable,
  StaffCompetencesTable,
  StaffMembersTable,
  TrainingAttendanceTable,
  TrainingsTable,
} from "./schema.people.js";
import type {
  BudgetLinesTable,
  BudgetRealisationsTable,
  BudgetYearsTable,
  SupplierReviewMeasurementsTable,
  SupplierReviewsTable,
  SupplierSlaTargetsTable,
  SuppliersTable,
} from "./schema.budget-suppliers.js";
import type { ImprovementRequestsTable, SurveyInvitationsTable, SurveyResponsesTable, SurveysTable } from "./schema.surveys.js";
import type { ComplianceRegulationsTable, SoftwareLicenceInstallationsTable, SoftwareLicencesTable } from "./schema.compliance.js";

export type { PackagesTable, PackageHpsItemsTable, PackageAssignmentsTable, PackageCommitteeMembersTable, PackageSchedulesTable, ScheduleChangesTable, CountersTable, TenderParticipantsTable, TenderQuestionsTable, TenderDocumentsTable, VendorDocumentsTable, OcdsReleasesTable, VendorRecordsTable, PackageDocumentsTable } from "./schema.procurement.js";

/**
 * The one database type. Column conventions, identical on SQLite and PostgreSQL:
 * ids are text (UUID v4), times are ISO-8601 UTC strings with milliseconds (they sort as text),
 * booleans are integers 0/1, JSON is text. See docs/ARCHITECTURE.md, "Data".
 */
export interface DB {
  restore_drills: RestoreDrillsTable;
  helpdesk_tickets: HelpdeskTicketsTable;
  helpdesk_comments: HelpdeskCommentsTable;
  helpdesk_articles: HelpdeskArticlesTable;
  register_assets: RegisterAssetsTable;
  compliance_regulations: ComplianceRegulationsTable;
  software_licences: SoftwareLicencesTable;
  software_licence_installations: SoftwareLicenceInstallationsTable;
  register_risks: RegisterRisksTable;
  register_risk_tasks: RegisterRiskTasksTable;
  register_changes: RegisterChangesTable;
  capacity_samples: CapacitySamplesTable;
  access_grants: AccessGrantsTable;
  budget_years: BudgetYearsTable;
  budget_lines: BudgetLinesTable;
  budget_realisations: BudgetRealisationsTable;
  suppliers: SuppliersTable;
  supplier_sla_targets: SupplierSlaTargetsTable;
  supplier_reviews: SupplierReviewsTable;
  supplier_review_measurements: SupplierReviewMeasurementsTable;
  access_reviews: AccessReviewsTable;
  access_review_items: AccessReviewItemsTable;
  patch_records: PatchRecordsTable;
  vulnerability_scans: VulnerabilityScansTable;
  vulnerability_findings: VulnerabilityFindingsTable;
  surveys: SurveysTable;
  survey_invitations: SurveyInvitationsTable;
  survey_responses: SurveyResponsesTable;
  improvement_requests: ImprovementRequestsTable;
  staff_members: StaffMembersTable;
  staff_competences: StaffCompetencesTable;
  staff_certificates: StaffCertificatesTable;
  trainings: TrainingsTable;
  training_attendance: TrainingAttendanceTable;
  server_room_permits: ServerRoomPermitsTable;
  server_room_visits: ServerRoomVisitsTable;
  server_room_devices: ServerRoomDevicesTable;
  settings: SettingsTable;
  holidays: HolidaysTable;
  agencies: AgenciesTable;
  work_units: WorkUnitsTable;
  vendors: VendorsTable;
  vendor_registrations: VendorRegistrationsTable;
  vendor_licences: VendorLicencesTable;
  vendor_verifications: VendorVerificationsTable;
  packages: PackagesTable;
  package_search: PackageSearchTable;
  package_search_fts: PackageSearchFtsTable;
  package_hps_items: PackageHpsItemsTable;
  package_assignments: PackageAssignmentsTable;
  package_committee_members: PackageCommitteeMembersTable;
  package_schedules: PackageSchedulesTable;
  schedule_changes: ScheduleChangesTable;
  counters: CountersTable;
  tender_participants: TenderParticipantsTable;
  tender_questions: TenderQuestionsTable;
  tender_documents: TenderDocumentsTable;
  ocds_releases: OcdsReleasesTable;
  vendor_documents: VendorDocumentsTable;
  vendor_records: VendorRecordsTable;
  package_documents: PackageDocumentsTable;
  opening_keys: OpeningKeysTable;
  tender_keys: TenderKeysTable;
  tender_key_shares: TenderKeySharesTable;
  bids: BidsTable;
  opening_shares: OpeningSharesTable;
  bid_uploads: BidUploadsTable;
  bid_findings: BidFindingsTable;
  tender_results: TenderResultsTable;
  objections: ObjectionsTable;
  awards: AwardsTable;
  direct_procurements: DirectProcurementsTable;
  tender_failures: TenderFailuresTable;
  objection_appeals: ObjectionAppealsTable;
  contracts: ContractsTable;
  evaluation_minutes: EvaluationMinutesTable;
  winner_proposals: WinnerProposalsTable;
  tender_openings: TenderOpeningsTable;
  bid_openings: BidOpeningsTable;
  users: UsersTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  recovery_codes: RecoveryCodesTable;
  events: EventsTable;
  log_state: LogStateTable;
  tree_heads: TreeHeadsTable;
  notifications: NotificationsTable;
  mail_outbox: MailOutboxTable;
  standard_cycles: StandardCyclesTable;
  standard_team_members: StandardTeamMembersTable;
  standard_coordinators: StandardCoordinatorsTable;
  criterion_assessments: CriterionAssessmentsTable;
  criterion_evidence: CriterionEvidenceTable;
  standard_findings: StandardFindingsTable;
  lkpp_verifications: LkppVerificationsTable;
  criterion_live_snapshots: CriterionLiveSnapshotsTable;
  lpse_peers: LpsePeersTable;
  peer_summaries: PeerSummariesTable;
  standard_templates: StandardTemplatesTable;
  study_visits: StudyVisitsTable;
  study_visit_actions: StudyVisitActionsTable;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface HolidaysTable {
  date: string; // YYYY-MM-DD in the LPSE's zone
  name: string;
  kind: "national" | "cuti_bersama";
  created_at: string;
}

export interface AgenciesTable {
  id: string;
  code: string;
  name: string;
  kind: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface WorkUnitsTable {
  id: string;
  agency_id: string;
  code: string;
  name: string;
  created_at: string;
}

export interface VendorsTable {
  id: string;
  name: string;
  business_form: string;
  npwp: string;
  status: "draft" | "submitted" | "verified" | "rejected";
  verified_at: string | null;
  created_at: string;
  nib: string | null;
  pkp: number | null;
  address_street: string | null;
  address_city: string | null;
  address_province: string | null;
  postal_code: string | null;
  phone: string | null;
  contact_email: string | null;
  website: string | null;
  submitted_at: string | null;
  rejection_reason: string | null;
  updated_at: string | null;
}

export interface VendorRegistrationsTable {
  id: string;
  email: string;
  token_hash: string; // SHA-256 of the emailed token; the token itself is never stored
  expires_at: string;
  created_at: string;
  completed_at: string | null;
}

export interface VendorLicencesTable {
  id: string;
  vendor_id: string;
  kind: string;
  number: string;
  issuer: string;
  kbli_codes: string; // JSON array of 5-digit KBLI codes
  valid_from: string;
  valid_until: string | null;
  created_at: string;
}

export interface VendorVerificationsTable {
  id: string;
  vendor_id: string;
  verifier_id: string;
  decision: "approved" | "rejected";
  mode: "in_person" | "video_call";
  reason: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  agency_id: string | null;
  vendor_id: string | null;
  password_hash: string;
  status: "active" | "disabled";
  totp_secret: string | null;
  totp_enrolled_at: string | null;
  totp_last_counter: number | null;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface PasswordResetsTable {
  id: string;
  user_id: string;
  token_hash: string; // SHA-256 of the emailed token; the token itself is never stored
  expires_at: string;
  created_at: string;
  used_at: string | null;
  superseded_at: string | null;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string; // SHA-256 of the normalised code; the code is shown once and never stored
  created_at: string;
  used_at: string | null;
}

export interface SessionsTable {
  id: string; // SHA-256 of the cookie token; the token itself is never stored
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  second_factor_done: number;
  pending_totp_secret: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface EventsTable {
  idx: number;
  time: string;
  actor_id: string | null;
  type: string;
  subject_type: string | null;
  subject_id: string | null;
  payload: string;
  payload_hash: string;
  visibility: "public" | "internal";
  leaf_hash: string;
}

export interface LogStateTable {
  id: number;
  size: number;
}

export interface TreeHeadsTable {
  tree_size: number;
  root_hash: string;
  timestamp: string;
  key_id: string;
  signature: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string; // e.g. "tender.addendum"
  title_id: string;
  title_en: string;
  body_id: string;
  body_en: string;
  link: string | null; // an app path such as /app/...
  created_at: string;
  read_at: string | null;
}

export type MailStatus = "pending" | "sending" | "sent" | "failed";

export interface MailOutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  status: MailStatus;
  attempts: number;
  next_attempt_at: string; // while 'sending': when the claim expires
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
