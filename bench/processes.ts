import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import { seconds } from "./lib.js";

/*
 * The processes a benchmark starts (servers, load generators): a free loopback port, waiting for the first
 * answer, resident memory from /proc, and a clean stop. Every child is killed when the benchmark exits, also
 * when it fails half-way, so no server is left running.
 */

const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Resident memory of a process in MiB (Linux). */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? "0") / 1024;
}

/** CPU seconds (user + system) a process has used so far (Linux, clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds the whole machine spent busy and in total since boot, over all cores. */
export function machineCpu(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    const { user, nice, sys, irq, idle } = cpu.times;
    busy += (user + nice + sys + irq) / 1000;
    total += (user + nice + sys + irq + idle) / 1000;
  }
  return { busy, total };
}

/** Spawns a Node process; it is killed with the benchmark if still running. */
export function spawnNode(args: string[], env: Record<string, string>, stdio: "ignore" | "pipe" = "ignore"): ChildProcess {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: [stdio, stdio, "inherit"] });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/** Spawns the command on a free port, waits for the first 200 on `probe`, and returns the seconds it took, the process and its URL. */
export async function startAndWait(args: string[], env: Record<string, string>, probe: string) {
  const port = await freePort();
  const start = process.hrtime.bigint();
  const child = spawnNode(args, { ...env, PORT: String(port), HOST: "127.0.0.1" });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 6000; i++) {
    if (await fetch(`${url}${probe}`).then((r) => r.ok, () => false)) return { seconds: seconds(start), child, url };
    if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill("SIGKILL");
  throw new Error(`${args.join(" ")} did not answer within a minute`);
}

/** Stops a process with SIGTERM and waits for it to exit. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
