import type { DrillRow } from "./backups.repository.js";
import type { Drill } from "./backups.schemas.js";

export function presentDrill(r: DrillRow): Drill {
  return {
    id: r.id,
    startedAt: r.started_at,
    backupName: r.backup_name,
    backupCreatedAt: r.backup_created_at,
    backupAgeSeconds: r.backup_age_seconds,
    restoreSeconds: r.restore_ms / 1000,
    verifySeconds: r.verify_ms / 1000,
    ok: r.ok === 1,
    logSize: r.log_size,
    detail: r.detail,
    logIndex: r.log_index,
  };
}
