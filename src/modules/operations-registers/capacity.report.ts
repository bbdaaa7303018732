import type { Queryable } from "../../db/database.js";
import { monthRange } from "../helpdesk/helpdesk.report.js";
import { getSettings } from "../settings/settings.service.js";
import { percent } from "./capacity.sampler.js";
import * as repo from "./operations-registers.repository.js";
import { BREACHES, type CapacityReport, type CapacitySample } from "./operations-registers.schemas.js";

/** A stored sample as the API shows it (bigint columns read as numbers, percentages derived). */
export function presentSample(row: repo.SampleRow): CapacitySample {
  const memTotal = Number(row.system_memory_total_bytes);
  const diskTotal = Number(row.disk_total_bytes);
  return {
    id: row.id,
    takenAt: row.taken_at,
    loadPercent: Math.round((row.load_centi * 10) / row.cpu_count) / 10,
    cpuCount: row.cpu_count,
    processRssBytes: Number(row.process_rss_bytes),
    systemMemoryTotalBytes: memTotal,
    memoryUsedPercent: percent(memTotal - Number(row.system_memory_free_bytes), memTotal),
    diskTotalBytes: diskTotal,
    diskFreeBytes: Number(row.disk_free_bytes),
    diskFreePercent: percent(Number(row.disk_free_bytes), diskTotal),
    databaseBytes: Number(row.database_bytes),
    activeSessions: row.active_sessions,
    activeUsers: row.active_users,
    uploadBytes: Number(row.upload_bytes),
    bidsNearDeadline: row.bids_near_deadline,
    breaches: JSON.parse(row.breaches) as CapacitySample["breaches"],
  };
}

/** The 95th percentile by the nearest-rank method: the smallest value at or above 95 % of the samples. */
export function p95(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.95 * sorted.length) - 1] ?? null;
}

const figure = (values: number[]) => ({ peak: values.length ? Math.max(...values) : null, p95: p95(values) });

/** Peaks, p95, threshold breaches and database growth over one month's samples. */
export function summariseSamples(month: string, samples: CapacitySample[], thresholds: CapacityReport["thresholds"]): CapacityReport {
  const of = (pick: (s: CapacitySample) => number) => figure(samples.map(pick));
  const breaches = Object.fromEntries(BREACHES.map((b) => [b, samples.filter((s) => s.breaches.includes(b)).length])) as CapacityReport["breaches"];
  const first = samples[0]?.databaseBytes ?? null;
  const last = samples.at(-1)?.databaseBytes ?? null;
  const growth = first !== null && last !== null ? last - first : null;
  return {
    month,
    samples: samples.length,
    figures: {
      loadPercent: of((s) => s.loadPercent),
      memoryUsedPercent: of((s) => s.memoryUsedPercent),
      processRssBytes: of((s) => s.processRssBytes),
      databaseBytes: of((s) => s.databaseBytes),
      activeSessions: of((s) => s.activeSessions),
      activeUsers: of((s) => s.activeUsers),
      uploadBytes: of((s) => s.uploadBytes),
      bidsNearDeadline: of((s) => s.bidsNearDeadline),
    },
    diskFreePercentLowest: samples.length ? Math.min(...samples.map((s) => s.diskFreePercent)) : null,
    uploadBytesTotal: samples.reduce((sum, s) => sum + s.uploadBytes, 0),
    breaches,
    breachedSamples: samples.filter((s) => s.breaches.length > 0),
    databaseGrowth: { firstBytes: first, lastBytes: last, growthBytes: growth, growthPercent: growth !== null && first ? percent(growth, first) : null },
    thresholds,
  };
}

/** The monthly capacity report over the samples taken in the month (LPSE zone). */
export async function capacityReport(db: Queryable, month: string): Promise<CapacityReport> {
  const settings = await getSettings(db);
  const { from, to } = monthRange(month, settings.timeZone);
  const rows = await repo.listSamplesBetween(db, from.toISOString(), to.toISOString());
  const ops = settings.operations!;
  return summariseSamples(month, rows.map(presentSample), { diskFreeMinPercent: ops.diskFreeMinPercent, memoryMaxPercent: ops.memoryMaxPercent, cpuLoadMaxPercent: ops.cpuLoadMaxPercent });
}
