import fs from "node:fs";
import path from "node:path";
import { percentile, report, scratchDir, size } from "./lib.js";
import { rssMiB, startAndWait, stop } from "./processes.js";

/*
 * Start and idle: the built server (`npm run build`) started as an operator starts it, on a fresh data
 * directory (the first start creates the database, runs every migration and makes the keys) and again on
 * the same one; the time from spawning to the first answered request, and the resident memory once idle.
 * The limit it is compared with: a bare `node -e` process answering HTTP, started the same way.
 */

const STARTS = size("START_RUNS", 5);
const IDLE_SECONDS = size("START_IDLE_SECONDS", 5);
const root = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, "dist", "server"))) throw new Error("build first: npm run build");
  const dataDir = scratchDir("start");
  const env = { DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  const bin = path.join(root, "bin", "openlpse.js");

  const first = await startAndWait([bin, "start"], env, "/api/health");
  await stop(first.child);
  const again: number[] = [];
  let idleRss = 0;
  for (let i = 0; i < STARTS; i++) {
    const run = await startAndWait([bin, "start"], env, "/api/health");
    again.push(run.seconds);
    if (i === STARTS - 1) {
      await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
      idleRss = rssMiB(run.child.pid as number);
    }
    await stop(run.child);
  }

  const bare: number[] = [];
  let bareRss = 0;
  const bareScript = "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')";
  for (let i = 0; i < STARTS; i++) {
    const run = await startAndWait(["-e", bareScript], {}, "/");
    bare.push(run.seconds);
    if (i === STARTS - 1) bareRss = rssMiB(run.child.pid as number);
    await stop(run.child);
  }

  const startP50 = percentile(again, 50);
  report({
    name: "start",
    sizes: { starts: STARTS, idleSeconds: IDLE_SECONDS },
    figures: {
      firstStartSeconds: first.seconds,
      startP50Seconds: startP50,
      bareNodeStartP50Seconds: percentile(bare, 50),
      idleRssMiB: idleRss,
      bareNodeRssMiB: bareRss,
    },
    ratios: { startToBareNode: startP50 / percentile(bare, 50), idleRssToBareNode: idleRss / bareRss },
    goals: [],
  });
}

await main();
