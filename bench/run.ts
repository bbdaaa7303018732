import { spawnSync } from "node:child_process";
import path from "node:path";

/*
 * `npm run bench`: every benchmark, one after another, each in its own process so none inherits another's
 * heap or warm caches. Sizes come from BENCH_* variables (see each file); `npx tsx bench/<name>.ts` runs one.
 */

const BENCHMARKS = ["opening", "log", "start", "search"];
const only = process.argv.slice(2);
let failed = 0;
for (const name of BENCHMARKS.filter((b) => only.length === 0 || only.includes(b))) {
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, `${name}.ts`)], { stdio: "inherit" });
  if (run.status !== 0) {
    console.error(`benchmark ${name} failed (exit ${run.status ?? run.signal})`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
