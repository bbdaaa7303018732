import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import type { AppDeps } from "../../server/app.js";
import { databaseBytes } from "../metrics/metrics.routes.js";
import { getSettings } from "../settings/settings.service.js";
import type { OperationsSettings } from "../settings/settings.schemas.js";
import * as repo from "./operations-registers.repository.js";
import type { BREACHES } from "./operations-registers.schemas.js";

/** A bid counts as "near the deadline" when it arrives within this time before its tender's bid-upload stage ends. */
export const NEAR_DEADLINE_MS = 60 * 60 * 1000;

/** What the machine and the process report at the moment of sampling. */
export interface MachineReadings {
  loadCenti: number;
  cpuCount: number;
  processRssBytes: number;
  systemMemoryTotalBytes: number;
  systemMemoryFreeBytes: number;
  diskTotalBytes: number;
  diskFreeBytes: number;
  databaseBytes: number;
}

type Breach = (typeof BREACHES)[number];
type Thresholds = Pick<OperationsSettings, "diskFreeMinPercent" | "memoryMaxPercent" | "cpuLoadMaxPercent">;

/** The same measurements /metrics publishes (database size, free space of DATA_DIR, memory), plus the load. */
export async function readMachine(deps: Pick<AppDeps, "database" | "config">): Promise<MachineReadings> {
  const disk = await fs.promises.statfs(deps.config.dataDir);
  return {
    loadCenti: Math.round((os.loadavg()[0] ?? 0) * 100),
    cpuCount: Math.max(1, os.availableParallelism()),
    processRssBytes: process.memoryUsage().rss,
    systemMemoryTotalBytes: os.totalmem(),
    systemMemoryFreeBytes: os.freemem(),
    diskTotalBytes: disk.blocks * disk.bsize,
    diskFreeBytes: disk.bavail * disk.bsize,
    databaseBytes: await databaseBytes(deps),
  };
}

/** Percentages shown and compared, to one decimal. */
export const percent = (part: number, whole: number): number => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : 0);

/** Which thresholds the readings break. */
export function breachesOf(r: Pick<MachineReadings, "loadCenti" | "cpuCount" | "systemMemoryTotalBytes" | "systemMemoryFreeBytes" | "diskTotalBytes" | "diskFreeBytes">, t: Thresholds): Breach[] {
  const breaches: Breach[] = [];
  if (percent(r.diskFreeBytes, r.diskTotalBytes) < t.diskFreeMinPercent) breaches.push("disk_free");
  if (percent(r.systemMemoryTotalBytes - r.systemMemoryFreeBytes, r.systemMemoryTotalBytes) > t.memoryMaxPercent) breaches.push("memory");
  if (r.loadCenti / r.cpuCount > t.cpuLoadMaxPercent) breaches.push("cpu_load");
  return breaches;
}

/**
 * Take one sample now and store it: machine readings, live sessions and their users, bytes uploaded since the
 * previous sample (from the process's upload counter; after a restart the counter starts again at 0) and bids
 * that arrived since the previous sample within the last hour before their tender's bid-upload deadline.
 */
export async function takeCapacitySample(deps: Pick<AppDeps, "database" | "config" | "clock">, uploadCounterBytes: number): Promise<repo.SampleRow> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const at = now.toISOString();
  const settings = await getSettings(db);
  const previous = await repo.latestSample(db);
  const machine = await readMachine(deps);
  const sessions = await repo.listLiveSessions(db, at);
  const previousCounter = previous ? Number(previous.upload_counter_bytes) : 0;
  const since = previous?.taken_at ?? new Date(now.getTime() - settings.operations!.capacitySampleMinutes * 60_000).toISOString();
  const bids = await repo.listBidsWithUploadEnd(db, since, at);
  const nearDeadline = bids.filter((b) => {
    const before = Date.parse(b.ends_at) - Date.parse(b.submitted_at);
    return before >= 0 && before <= NEAR_DEADLINE_MS;
  }).length;
  const row: repo.SampleRow = {
    id: randomUUID(),
    taken_at: at,
    load_centi: machine.loadCenti,
    cpu_count: machine.cpuCount,
    process_rss_bytes: machine.processRssBytes,
    system_memory_total_bytes: machine.systemMemoryTotalBytes,
    system_memory_free_bytes: machine.systemMemoryFreeBytes,
    disk_total_bytes: machine.diskTotalBytes,
    disk_free_bytes: machine.diskFreeBytes,
    database_bytes: machine.databaseBytes,
    active_sessions: sessions.length,
    active_users: new Set(sessions.map((s) => s.user_id)).size,
    upload_bytes: uploadCounterBytes >= previousCounter ? uploadCounterBytes - previousCounter : uploadCounterBytes,
    upload_counter_bytes: uploadCounterBytes,
    bids_near_deadline: nearDeadline,
    breaches: JSON.stringify(breachesOf(machine, settings.operations!)),
  };
  await repo.insertSample(db, row);
  return row;
}

/**
 * Run from the server's minute tick: take a sample when the configured interval has passed since the last one
 * (never when the interval is 0). Returns the sample taken, if any.
 */
export async function sampleCapacityIfDue(deps: Pick<AppDeps, "database" | "config" | "clock">, uploadCounterBytes: number): Promise<repo.SampleRow | null> {
  const minutes = (await getSettings(deps.database.db)).operations!.capacitySampleMinutes;
  if (minutes === 0) return null;
  const last = await repo.latestSample(deps.database.db);
  if (last && deps.clock.now().getTime() - Date.parse(last.taken_at) < minutes * 60_000) return null;
  return takeCapacitySample(deps, uploadCounterBytes);
}
