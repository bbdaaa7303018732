import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/*
 * What every benchmark shares: its sizes from the environment (BENCH_<NAME>, so each runs alone or from
 * `npm run bench` with the same knobs), the machine it ran on, and one way to print and keep its figures.
 * Figures are compared with limits measured in the same run on the same machine, never with constants.
 */

/** A size or count from BENCH_<NAME>, or the default; refuses anything but a positive number. */
export function size(name: string, fallback: number): number {
  const raw = process.env[`BENCH_${name}`];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`BENCH_${name} must be a positive number, got ${raw}`);
  return value;
}

/** The p-th percentile (0–100) of the values, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function seconds(startNs: bigint): number {
  return Number(process.hrtime.bigint() - startNs) / 1e9;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1-minute load average when the benchmark started: other work on the machine skews every figure. */
  load: number;
  commit: string;
}

export function machine(): Machine {
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    // Not a git checkout (a release tarball): the figures still stand, without their commit.
  }
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    load: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    commit,
  };
}

export interface Goal {
  what: string;
  met: boolean;
}

export interface BenchResult {
  name: string;
  /** The sizes this run used. */
  sizes: Record<string, number>;
  /** Measured figures, with their unit in the key (e.g. "openMBps"). */
  figures: Record<string, number>;
  /** Figures divided by the same machine's limit measured in the run. */
  ratios: Record<string, number>;
  goals: Goal[];
  machine: Machine;
}

const round = (n: number) => (Number.isInteger(n) ? n : Math.round(n * 1000) / 1000);

/** Prints the result for a person and keeps it as JSON under bench/results/ (not committed). */
export function report(result: Omit<BenchResult, "machine">): BenchResult {
  const full: BenchResult = { ...result, machine: machine() };
  const lines = [`\n== ${full.name} ==`, `sizes: ${Object.entries(full.sizes).map(([k, v]) => `${k}=${v}`).join(", ")}`];
  for (const [k, v] of Object.entries(full.figures)) lines.push(`  ${k.padEnd(32)} ${round(v)}`);
  for (const [k, v] of Object.entries(full.ratios)) lines.push(`  ratio ${k.padEnd(26)} ${round(v)}`);
  for (const g of full.goals) lines.push(`  goal ${g.met ? "met   " : "MISSED"} ${g.what}`);
  lines.push(`machine: ${full.machine.cpu}, ${full.machine.cores} cores, ${full.machine.memoryGiB} GiB, ${full.machine.node}, load ${full.machine.load}, commit ${full.machine.commit}`);
  console.log(lines.join("\n"));
  const dir = path.join(import.meta.dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${full.name}.json`), `${JSON.stringify(full, null, 2)}\n`);
  return full;
}

/** A fresh directory for one run, removed when the process ends. */
export function scratchDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `openlpse-bench-${prefix}-`));
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
