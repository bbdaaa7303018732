/**
 * Tables of the operations registers: capacity samples (LPSE standard 7), server access grants and their
 * reviews (standard 10), patches and vulnerability scans (standard 11). Part of the `DB` type in schema.ts.
 * Byte counts are bigint columns: read them through Number() (PostgreSQL returns them as text).
 */

/** One measurement of the platform, taken by the sampler; `breaches` is a JSON array of threshold names. */
export interface CapacitySamplesTable {
  id: string;
  taken_at: string;
  /** One-minute load average times 100 (integer, so the figure is the same on both databases). */
  load_centi: number;
  cpu_count: number;
  process_rss_bytes: number | string;
  system_memory_total_bytes: number | string;
  system_memory_free_bytes: number | string;
  disk_total_bytes: number | string;
  disk_free_bytes: number | string;
  database_bytes: number | string;
  active_sessions: number;
  active_users: number;
  upload_bytes: number | string;
  /** The process's upload counter when sampled, to take the next interval's difference. */
  upload_counter_bytes: number | string;
  bids_near_deadline: number;
  breaches: string;
}

export type AccessLevel = "read" | "operator" | "admin" | "root";

/** Who has access to which server or system, why, granted by whom, from when until when. */
export interface AccessGrantsTable {
  id: string;
  person: string;
  system: string;
  level: AccessLevel;
  reason: string;
  granted_by: string;
  starts_on: string;
  expires_on: string | null;
  revoked_on: string | null;
  revoked_reason: string | null;
  last_reviewed_on: string | null;
  created_by: string;
  created_at: string;
}

/** A periodic access review: one decision per grant reviewed. */
export interface AccessReviewsTable {
  id: string;
  reviewed_on: string;
  reviewer_id: string;
  notes: string;
  created_at: string;
}

export interface AccessReviewItemsTable {
  review_id: string;
  grant_id: string;
  decision: "keep" | "revoke";
  note: string;
}

/** A patch or update applied to a system. */
export interface PatchRecordsTable {
  id: string;
  system: string;
  patch_id: string;
  applied_on: string;
  applied_by: string;
  related_change: string | null;
  notes: string;
  created_by: string;
  created_at: string;
}

export type FindingSeverity = "critical" | "high" | "medium" | "low";
export type RemediationStatus = "open" | "in_progress" | "remediated" | "accepted";

/** A vulnerability scan with its findings. */
export interface VulnerabilityScansTable {
  id: string;
  scanned_on: string;
  tool: string;
  scope: string;
  created_by: string;
  created_at: string;
}

export interface VulnerabilityFindingsTable {
  id: string;
  scan_id: string;
  title: string;
  severity: FindingSeverity;
  due_on: string;
  status: RemediationStatus;
  resolution_note: string | null;
  resolved_on: string | null;
  updated_at: string;
}
