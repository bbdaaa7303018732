import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createTestApp } from "../test/support/app.js";
import { percentile, scratchDir, size } from "./lib.js";
import { cpuSeconds, machineCpu, rssMiB, spawnNode, startAndWait, stop } from "./processes.js";
import type { SentBid, SurgeLoadConfig } from "./surge-load.js";
import { buildSurgeFixture, closeBiddingAt } from "./surge-setup.js";

/*
 * One deadline surge on one database (OPENLPSE_TEST_DATABASE, as for the suite) with PROCESSES server
 * processes sharing it: the fixture is made in-process, the built server runs it on the real clock, a load
 * generator in another process sends the bids, and afterwards every receipt is checked against the database
 * and the file store. Prints one line of JSON (SurgeRun) last; bench/surge.ts runs it per configuration.
 */

const VENDORS = size("SURGE_VENDORS", 1000);
const BID_MB = size("SURGE_BID_MB", 2);
const WINDOW_SECONDS = size("SURGE_WINDOW_SECONDS", 60);
const CONCURRENCY = size("SURGE_CONCURRENCY", 50);
const PROCESSES = size("SURGE_PROCESSES", 1);
/** Where the servers write CPU profiles (node --cpu-prof), to see where the time goes; none unless set. */
const PROFILE_DIR = process.env.BENCH_SURGE_PROFILE_DIR;
const root = path.resolve(import.meta.dirname, "..");
/** The envelope's own bytes (prefix, header, the sealed bid document, a GCM tag per chunk) on top of the files. */
const ENVELOPE_OVERHEAD = 4096;

export interface SurgeRun {
  dialect: string;
  processes: number;
  sent: number;
  acknowledged: number;
  failed: number;
  errors: Record<string, number>;
  lost: number;
  unsent: number;
  seconds: number;
  bidsPerSecond: number;
  mbPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  peakRssMiB: number;
  envelopeBytes: number;
  /** Where the machine's CPU went during the surge, in core-seconds: the servers, the load generator, all of it. */
  serverCpuSeconds: number;
  loadCpuSeconds: number;
  machineBusyCpuSeconds: number;
  machineCpuSeconds: number;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, "dist", "server"))) throw new Error("build first: npm run build");
  const t = await createTestApp();
  const fixture = await buildSurgeFixture(t, VENDORS);
  // Bidding stays open while the servers start and the bids are sealed; the deadline is set at "go".
  await closeBiddingAt(t.deps.database.db, fixture.packageId, new Date(Date.now() + 3_600_000));
  await t.app.close();
  const env = {
    DATA_DIR: t.testDb.dataDir,
    LOG_LEVEL: "error",
    ...(t.testDb.databaseUrl ? { DATABASE_URL: t.testDb.databaseUrl } : {}),
  };
  const bin = path.join(root, "bin", "openlpse.js");
  const servers: Awaited<ReturnType<typeof startAndWait>>[] = [];
  const nodeFlags = PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  for (let i = 0; i < PROCESSES; i++) servers.push(await startAndWait([...nodeFlags, bin, "start"], env, "/api/health"));

  const totalFileBytes = Math.round(BID_MB * 1_048_576) - ENVELOPE_OVERHEAD;
  const scratch = scratchDir("surge");
  const config: SurgeLoadConfig = {
    urls: servers.map((s) => s.url),
    tenderCode: fixture.tenderCode,
    tenderPublicKey: fixture.tenderPublicKey,
    vendors: fixture.vendors,
    fileBytes: [0.6, 0.25, 0.15].map((share) => Math.floor(totalFileBytes * share)),
    concurrency: CONCURRENCY,
    out: path.join(scratch, "sent.jsonl"),
  };
  fs.writeFileSync(path.join(scratch, "config.json"), JSON.stringify(config));
  const load = spawnNode(["--import", "tsx", path.join(import.meta.dirname, "surge-load.ts"), path.join(scratch, "config.json")], {}, "pipe");
  const output = readline.createInterface({ input: load.stdout as NodeJS.ReadableStream });
  let loadReport = { cpuSeconds: Number.NaN };
  output.on("line", (line) => {
    if (line.startsWith("{")) loadReport = JSON.parse(line) as typeof loadReport;
  });
  await new Promise<void>((resolve, reject) => {
    output.on("line", (line) => line === "ready" && resolve());
    load.once("exit", (code) => reject(new Error(`load generator exited with ${code} before it was ready`)));
  });

  // The last WINDOW_SECONDS before the deadline start now.
  const deadline = new Date(Date.now() + WINDOW_SECONDS * 1000);
  const db = t.testDb.database.db;
  await closeBiddingAt(db, fixture.packageId, deadline);
  let peakRss = 0;
  const sampler = setInterval(() => {
    const total = servers.reduce((sum, s) => sum + (s.child.exitCode === null ? rssMiB(s.child.pid as number) : 0), 0);
    peakRss = Math.max(peakRss, total);
  }, 50);
  const started = process.hrtime.bigint();
  const serverCpuBefore = servers.reduce((sum, s) => sum + cpuSeconds(s.child.pid as number), 0);
  const machineBefore = machineCpu();
  const finished = new Promise((resolve) => load.once("exit", resolve));
  load.stdin?.write(`go ${deadline.getTime()}\n`);
  await finished;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  const serverCpu = servers.reduce((sum, s) => sum + cpuSeconds(s.child.pid as number), 0) - serverCpuBefore;
  const machineAfter = machineCpu();
  for (const s of servers) await stop(s.child);

  const sent = fs.readFileSync(config.out, "utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as SentBid);
  const acknowledged = sent.filter((b) => b.receipt);
  const errors: Record<string, number> = {};
  for (const b of sent.filter((x) => !x.receipt)) errors[b.error ?? "unknown"] = (errors[b.error ?? "unknown"] ?? 0) + 1;

  // Nothing acknowledged lost: each receipt's bid is the vendor's current bid, with its log event, and the
  // stored envelope hashes to the receipt's SHA-256.
  let lost = 0;
  for (const b of acknowledged) {
    const receipt = b.receipt as NonNullable<SentBid["receipt"]>;
    const row = await db.selectFrom("bids").select(["sha256", "log_index", "vendor_id"]).where("id", "=", receipt.bidId).executeTakeFirst();
    const event = await db.selectFrom("events").select("type").where("idx", "=", receipt.logIndex).executeTakeFirst();
    const file = path.join(t.testDb.dataDir, "files", receipt.sha256.slice(0, 2), receipt.sha256);
    const intact = fs.existsSync(file) && createHash("sha256").update(fs.readFileSync(file)).digest("hex") === receipt.sha256;
    if (!row || row.sha256 !== receipt.sha256 || row.vendor_id !== b.vendorId || event?.type !== "bid.submitted" || !intact) lost++;
  }
  await t.testDb.destroy();

  const latencies = acknowledged.map((b) => b.ms);
  const bytes = acknowledged.reduce((sum, b) => sum + b.bytes, 0);
  const run: SurgeRun = {
    dialect: t.testDb.databaseUrl ? "postgres" : "sqlite",
    processes: PROCESSES,
    sent: sent.length,
    acknowledged: acknowledged.length,
    failed: sent.length - acknowledged.length,
    errors,
    lost,
    unsent: VENDORS - sent.length,
    seconds,
    bidsPerSecond: acknowledged.length / seconds,
    mbPerSecond: bytes / 1_048_576 / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    peakRssMiB: peakRss,
    envelopeBytes: acknowledged[0]?.bytes ?? 0,
    serverCpuSeconds: serverCpu,
    loadCpuSeconds: loadReport.cpuSeconds,
    machineBusyCpuSeconds: machineAfter.busy - machineBefore.busy,
    machineCpuSeconds: machineAfter.total - machineBefore.total,
  };
  console.log(JSON.stringify(run));
}

await main();
