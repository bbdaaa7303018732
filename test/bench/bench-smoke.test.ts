import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/*
 * The benchmarks themselves run with `npm run bench` and their figures go to docs/PERFORMANCE.md; here
 * they only run at toy sizes, so a change that breaks one is caught. Nothing about speed is asserted.
 */

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..");

async function bench(name: string, env: Record<string, string>) {
  await run(process.execPath, ["--import", "tsx", path.join(root, "bench", `${name}.ts`)], { cwd: root, env: { ...process.env, ...env }, timeout: 120_000 });
  return JSON.parse(fs.readFileSync(path.join(root, "bench", "results", `${name}.json`), "utf8")) as { figures: Record<string, number>; sizes: Record<string, number> };
}

describe("benchmarks at toy sizes", () => {
  it("opens sealed bids and compares with raw AES-GCM", async () => {
    const result = await bench("opening", { BENCH_OPENING_BIDS: "3", BENCH_OPENING_BID_MB: "0.25" });
    expect(result.sizes).toEqual({ bids: 3, bidMB: 0.25 });
    expect(result.figures.openMBps).toBeGreaterThan(0);
    expect(result.figures.rawAesGcmMBps).toBeGreaterThan(0);
  }, 120_000);

  it("grows, proves and verifies the event log", async () => {
    const result = await bench("log", { BENCH_LOG_EVENTS: "3000", BENCH_LOG_DURABLE_APPENDS: "50" });
    expect(result.sizes).toEqual({ events: 3000, durableAppends: 50 });
    expect(result.figures.verifySeconds).toBeGreaterThan(0);
    expect(result.figures.inclusionProofP95Ms).toBeGreaterThan(0);
  }, 120_000);

  it("runs a deadline surge against the built server and checks every receipt", async () => {
    const result = await bench("surge", { BENCH_SURGE_VENDORS: "4", BENCH_SURGE_BID_MB: "0.25", BENCH_SURGE_CONCURRENCY: "2", BENCH_SURGE_WINDOW_SECONDS: "30", BENCH_SURGE_DATABASES: "sqlite" });
    expect(result.sizes).toMatchObject({ vendors: 4, bidMB: 0.25, concurrency: 2 });
    expect(result.figures.sqliteAcknowledged).toBe(4);
    expect(result.figures.sqliteLost).toBe(0);
    expect(result.figures.rawDurableWriteMBps).toBeGreaterThan(0);
  }, 120_000);
});
