/** Tables of running the service (operations): restore drills. Part of the `DB` type in schema.ts. */

/** One restore drill: the latest backup restored somewhere temporary and verified; timings in milliseconds. */
export interface RestoreDrillsTable {
  id: string;
  started_at: string;
  backup_name: string;
  backup_created_at: string | null;
  backup_age_seconds: number | null;
  restore_ms: number;
  verify_ms: number;
  ok: number;
  log_size: number | null;
  detail: string;
  log_index: number;
}
