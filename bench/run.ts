import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";

/*
 * `npm run bench`: every benchmark, one after another, each in its own process so none inherits another's
 * heap or warm caches. Sizes come from BENCH_* variables (see each file); `npx tsx bench/<name>.ts` runs one.
 * Prints how long each took and the total (the whole run is meant to stay within 15 minutes at the default
 * sizes), with the machine's load before each: other work on the machine skews every figure.
 */

const BENCHMARKS = ["opening", "log", "start", "search", "surge"];
const only = process.argv.slice(2);
let failed = 0;
const durations: string[] = [];
const started = Date.now();
for (const name of BENCHMARKS.filter((b) => only.length === 0 || only.includes(b))) {
  const load = os.loadavg()[0]?.toFixed(2);
  const t0 = Date.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, `${name}.ts`)], { stdio: "inherit" });
  durations.push(`${name.padEnd(8)} ${((Date.now() - t0) / 1000).toFixed(0).padStart(5)} s   (load before: ${load})`);
  if (run.status !== 0) {
    console.error(`benchmark ${name} failed (exit ${run.status ?? run.signal})`);
    failed++;
  }
}
console.log(`\n== durations ==\n${durations.join("\n")}\ntotal    ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s`);
process.exit(failed === 0 ? 0 : 1);
