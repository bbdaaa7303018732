/**
 * Tables of the people and premises registers: LPSE staff, their competence matrix, certificates,
 * trainings and attendance (LPSE standard 8); server-room permits, visits and devices (standard 9).
 * Dates are YYYY-MM-DD in the LPSE's zone; times are ISO-8601 UTC. Part of the `DB` type in schema.ts.
 */

export interface StaffMembersTable {
  id: string;
  name: string;
  /** Nomor Induk Pegawai, for civil servants; contract staff have none. */
  nip: string | null;
  position: string;
  /** The role held in the service (e.g. koordinator helpdesk). */
  service_role: string;
  nda_signed_on: string | null;
  contract_ends_on: string | null;
  created_by: string;
  created_at: string;
}

/** One cell of the competence matrix: levels 1 (basic) to 4 (expert). */
export interface StaffCompetencesTable {
  staff_id: string;
  competence: string;
  required_level: number;
  current_level: number;
  updated_at: string;
}

export interface StaffCertificatesTable {
  id: string;
  staff_id: string;
  name: string;
  issuer: string;
  number: string;
  valid_until: string | null;
  created_by: string;
  created_at: string;
}

export interface TrainingsTable {
  id: string;
  title: string;
  provider: string;
  /** The competence the training builds, and the level a participant who passes reaches. */
  competence: string;
  level_awarded: number;
  starts_on: string;
  ends_on: string;
  hours: number;
  created_by: string;
  created_at: string;
}

export interface TrainingAttendanceTable {
  id: string;
  training_id: string;
  staff_id: string;
  /** 0/1 */
  passed: number;
  result: string;
  /** The staff member's current level before and after the attendance was recorded (null: no change). */
  level_before: number | null;
  level_after: number | null;
  recorded_by: string;
  recorded_at: string;
}

export interface ServerRoomPermitsTable {
  id: string;
  person: string;
  organisation: string;
  purpose: string;
  valid_from: string;
  valid_until: string;
  requested_by: string;
  requested_at: string;
  approved_by: string | null;
  approved_at: string | null;
  approval_note: string | null;
  revoked_by: string | null;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface ServerRoomVisitsTable {
  id: string;
  permit_id: string;
  escort: string;
  badge_number: string;
  entered_at: string;
  exited_at: string | null;
  recorded_by: string;
  created_at: string;
}

/** A device carried in or out during a visit, with its serial number. */
export interface ServerRoomDevicesTable {
  id: string;
  visit_id: string;
  description: string;
  serial_number: string;
  direction: "in" | "out";
  recorded_at: string;
}
