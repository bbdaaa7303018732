import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { report, size } from "./lib.js";
import type { SurgeRun } from "./surge-run.js";

/*
 * Deadline surge: VENDORS vendors each upload a sealed bid (3 files, BID_MB of ciphertext in all) in the last
 * WINDOW_SECONDS before the deadline, CONCURRENCY at a time, on the default install (SQLite, local disk), on
 * PostgreSQL, and with two server processes sharing that PostgreSQL (scale-out). The limit: the same disk's
 * raw durable write rate for the same number and size of files, measured here by a plain Node script
 * (raw-write.ts) with the same concurrency. BENCH_SURGE_DATABASES=sqlite runs the default install only.
 */

const VENDORS = size("SURGE_VENDORS", 1000);
const BID_MB = size("SURGE_BID_MB", 2);
const CONCURRENCY = size("SURGE_CONCURRENCY", 50);
const PG_URL = process.env.OPENLPSE_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** Which surges to run: the default install alone, or also PostgreSQL with one and with two processes. */
const WITH_POSTGRES = (process.env.BENCH_SURGE_DATABASES ?? "sqlite,postgres") !== "sqlite";

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function surge(dialect: "sqlite" | "postgres", processes: number): SurgeRun {
  const out = execFileSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "surge-run.ts")], {
    env: { ...process.env, OPENLPSE_TEST_DATABASE: dialect, OPENLPSE_TEST_PG_URL: PG_URL, BENCH_SURGE_PROCESSES: String(processes) },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split("\n").at(-1) ?? "") as SurgeRun;
}

function rawWrite(bytes: number): { seconds: number; mbPerSecond: number } {
  const dir = path.join(os.tmpdir(), `openlpse-bench-raw-${process.pid}`);
  const out = execFileSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "raw-write.ts"), dir, String(VENDORS), String(bytes), String(CONCURRENCY)], { encoding: "utf8" });
  return JSON.parse(out.trim()) as { seconds: number; mbPerSecond: number };
}

async function main(): Promise<void> {
  const runs: SurgeRun[] = [surge("sqlite", 1)];
  if (WITH_POSTGRES && (await postgresReachable())) runs.push(surge("postgres", 1), surge("postgres", 2));
  else if (WITH_POSTGRES) console.log(`PostgreSQL at ${PG_URL} is not reachable: the PostgreSQL and scale-out surges are skipped`);
  const raw = rawWrite(runs[0]?.envelopeBytes || Math.round(BID_MB * 1_048_576));

  const figures: Record<string, number> = { rawDurableWriteMBps: raw.mbPerSecond };
  const ratios: Record<string, number> = {};
  const goals = [];
  for (const run of runs) {
    const name = `${run.dialect}${run.processes > 1 ? `x${run.processes}` : ""}`;
    Object.assign(figures, {
      [`${name}Acknowledged`]: run.acknowledged,
      [`${name}Failed`]: run.failed,
      [`${name}Lost`]: run.lost,
      [`${name}Unsent`]: run.unsent,
      [`${name}Seconds`]: run.seconds,
      [`${name}BidsPerSecond`]: run.bidsPerSecond,
      [`${name}MBps`]: run.mbPerSecond,
      [`${name}P50Ms`]: run.p50Ms,
      [`${name}P95Ms`]: run.p95Ms,
      [`${name}P99Ms`]: run.p99Ms,
      [`${name}PeakRssMiB`]: run.peakRssMiB,
      [`${name}ServerCpuSeconds`]: run.serverCpuSeconds,
      [`${name}LoadGeneratorCpuSeconds`]: run.loadCpuSeconds,
      [`${name}MachineBusyPercent`]: (100 * run.machineBusyCpuSeconds) / run.machineCpuSeconds,
    });
    ratios[`${name}ToRawDurableWrite`] = run.mbPerSecond / raw.mbPerSecond;
    if (Object.keys(run.errors).length > 0) console.log(`${name} refusals: ${JSON.stringify(run.errors)}`);
    goals.push(
      { what: `${name}: every bid acknowledged before the deadline, none lost`, met: run.acknowledged === VENDORS && run.lost === 0 },
      { what: `${name}: p99 time to receipt under 2 s`, met: run.p99Ms < 2000 },
      { what: `${name}: at least 60% of the raw durable write rate`, met: run.mbPerSecond / raw.mbPerSecond >= 0.6 },
      { what: `${name}: peak server RSS under 300 MB${run.processes > 1 ? " per process" : ""}`, met: run.peakRssMiB / run.processes < 300 },
    );
  }
  const one = runs.find((r) => r.dialect === "postgres" && r.processes === 1);
  const two = runs.find((r) => r.dialect === "postgres" && r.processes === 2);
  if (one && two) ratios.scaleOutTwoToOneProcess = two.bidsPerSecond / one.bidsPerSecond;
  report({ name: "surge", sizes: { vendors: VENDORS, bidMB: BID_MB, concurrency: CONCURRENCY, windowSeconds: size("SURGE_WINDOW_SECONDS", 60) }, figures, ratios, goals });
}

await main();
