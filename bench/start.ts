import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { percentile, report, scratchDir, seconds, size } from "./lib.js";

/*
 * Start and idle: the built server (`npm run build`) started as an operator starts it, on a fresh data
 * directory (the first start creates the database, runs every migration and makes the keys) and again on
 * the same one; the time from spawning to the first answered request, and the resident memory once idle.
 * The limit it is compared with: a bare `node -e` process answering HTTP, started the same way.
 */

const STARTS = size("START_RUNS", 5);
const IDLE_SECONDS = size("START_IDLE_SECONDS", 5);
const root = path.resolve(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? "0");
  return kb / 1024;
}

/** Spawns the command, waits for the first 200 on `probe`, and returns the seconds it took and the process. */
async function startAndWait(args: string[], env: Record<string, string>, probe: string) {
  const port = await freePort();
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}${probe}`;
  for (let i = 0; i < 600; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return { seconds: seconds(start), child };
    if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill("SIGKILL");
  throw new Error(`${args.join(" ")} did not answer within a minute`);
}

async function stop(child: ReturnType<typeof spawn>): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

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
