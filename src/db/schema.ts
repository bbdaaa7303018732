/**
 * The one database type. Column conventions, identical on SQLite and PostgreSQL:
 * ids are text (UUID v4), times are ISO-8601 UTC strings with milliseconds (they sort as text),
 * booleans are integers 0/1, JSON is text. See docs/ARCHITECTURE.md, "Data".
 */
export interface DB {
  settings: SettingsTable;
  holidays: HolidaysTable;
  agencies: AgenciesTable;
  work_units: WorkUnitsTable;
  vendors: VendorsTable;
  users: UsersTable;
  sessions: SessionsTable;
  events: EventsTable;
  log_state: LogStateTable;
  tree_heads: TreeHeadsTable;
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
  status: "registered" | "verified" | "rejected";
  verified_at: string | null;
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
