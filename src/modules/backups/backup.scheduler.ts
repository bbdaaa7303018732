import fs from "node:fs";
import type { FastifyBaseLogger } from "fastify";
import type { AppDeps } from "../../server/app.js";
import { getSettings } from "../settings/settings.service.js";
import { listBackups } from "./backup.manifest.js";
import { createBackup } from "./backup.service.js";

/** How often the server looks whether a scheduled backup is due. */
export const BACKUP_CHECK_MS = 60_000;

export type TickResult = { kind: "off" } | { kind: "not_due" } | { kind: "busy" } | { kind: "made"; dir: string; removed: string[] } | { kind: "failed"; error: string };

/**
 * Scheduled backups, run by the server process. Each check reads the schedule from the LPSE settings
 * (interval hours, keep N; interval 0 is off) and makes a backup when the newest complete one in
 * BACKUP_DIR is older than the interval, then deletes all but the newest N. Due-ness is read from the
 * backups themselves, so a restart neither skips nor doubles one.
 */
export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(private readonly deps: Pick<AppDeps, "config" | "database" | "clock">, private readonly log: FastifyBaseLogger) {}

  start(intervalMs = BACKUP_CHECK_MS): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One check: make a backup if one is due. */
  async tick(): Promise<TickResult> {
    if (this.running) return { kind: "busy" };
    this.running = true;
    try {
      const { backups } = await getSettings(this.deps.database.db);
      if (!backups || backups.intervalHours === 0) return { kind: "off" };
      const now = this.deps.clock.now();
      const newest = listBackups(this.deps.config.backupDir)[0];
      if (newest && now.getTime() - Date.parse(newest.manifest.createdAt) < backups.intervalHours * 3_600_000) return { kind: "not_due" };
      const passphrase = this.deps.config.backupPassphraseFile ? fs.readFileSync(this.deps.config.backupPassphraseFile, "utf8").replace(/\r?\n$/, "") : undefined;
      const made = await createBackup(this.deps.config, { outRoot: this.deps.config.backupDir, passphrase, now });
      const removed: string[] = [];
      for (const old of listBackups(this.deps.config.backupDir).slice(backups.keep)) {
        fs.rmSync(old.dir, { recursive: true, force: true });
        removed.push(old.name);
      }
      this.log.info({ backup: made.dir, logSize: made.manifest.logHead.size, files: made.manifest.files.length, removed }, "scheduled backup made");
      return { kind: "made", dir: made.dir, removed };
    } catch (error) {
      this.log.error({ err: error }, "scheduled backup failed");
      return { kind: "failed", error: (error as Error).message };
    } finally {
      this.running = false;
    }
  }
}
