import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { appendEvent } from "../../log/event-log.js";
import type { AppDeps } from "../../server/app.js";
import type { Config } from "../../server/config.js";
import { listBackups, readManifest } from "./backup.manifest.js";
import * as repo from "./backups.repository.js";
import { restoreBackup } from "./restore.service.js";

export interface DrillOutcome {
  row: repo.DrillRow;
  /** What the restore's verification printed, or why it failed. */
  lines: string[];
}

/** A throw-away PostgreSQL database on the same server, for the drill's restore. */
async function scratchDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `openlpse_drill_${randomBytes(6).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/**
 * A restore drill (LPSE standard 12, continuity): restore the latest backup (or `from`) into a temporary
 * data directory (and a temporary PostgreSQL database), verify it as `openlpse verify` does, and record the
 * backup's age, the restore and verify times and the outcome, in `restore_drills` and in the event log.
 */
export async function runDrill(deps: Pick<AppDeps, "config" | "database" | "clock">, options: { from?: string | undefined; passphrase?: string | undefined } = {}): Promise<DrillOutcome> {
  const startedAt = deps.clock.now();
  const from = options.from ?? listBackups(deps.config.backupDir)[0]?.dir;
  const lines: string[] = [];
  let createdAt: string | null = null;
  let restoreMs = 0;
  let verifyMs = 0;
  let ok = false;
  let logSize: number | null = null;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "openlpse-drill-"));
  let database: { url: string; drop(): Promise<void> } | null = null;
  try {
    if (!from) throw new Error(`No complete backup found in ${deps.config.backupDir}`);
    createdAt = readManifest(from).createdAt;
    const dataDir = path.join(scratch, "data");
    if (deps.config.databaseUrl) database = await scratchDatabase(deps.config.databaseUrl);
    const target: Config = { ...deps.config, dataDir, databaseUrl: database?.url, signingKeyPath: path.join(dataDir, "keys", "log-signing-key.pem") };
    const report = await restoreBackup(from, target, { passphrase: options.passphrase });
    ({ restoreMs, verifyMs, ok } = report);
    logSize = report.logHead.size;
    lines.push(...report.check.passed, ...report.check.problems);
  } catch (error) {
    lines.push((error as Error).message);
  } finally {
    await database?.drop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const ageSeconds = createdAt ? Math.max(0, Math.round((startedAt.getTime() - Date.parse(createdAt)) / 1000)) : null;
  const detail = (ok ? lines.join("\n") : lines.join("\n") || "failed").slice(0, 4000);
  const row = await deps.database.db.transaction().execute(async (trx) => {
    const id = randomUUID();
    const draft = {
      id,
      started_at: startedAt.toISOString(),
      backup_name: from ? path.basename(from) : "(none)",
      backup_created_at: createdAt,
      backup_age_seconds: ageSeconds,
      restore_ms: Math.round(restoreMs),
      verify_ms: Math.round(verifyMs),
      ok: ok ? 1 : 0,
      log_size: logSize,
      detail,
    };
    const { index } = await appendEvent(
      trx,
      { actorId: null, type: "backup.drill_recorded", subject: { type: "restore_drill", id }, payload: { ...draft, ok }, visibility: "internal" },
      deps.clock.now(),
    );
    const full = { ...draft, log_index: index };
    await repo.insertDrill(trx, full);
    return full;
  });
  return { row, lines };
}
