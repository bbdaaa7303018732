import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/commands.js";
import { runCli } from "../../src/cli/main.js";
import { type Manifest, readManifest } from "../../src/modules/backups/backup.manifest.js";
import { joinTender } from "../../src/modules/tenders/participation.service.js";
import { projectRoot } from "../../src/server/paths.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { tempDir, TEST_DIALECT } from "../support/database.js";
import { buildVendor, loginAs, TEST_PASSWORD, type TestUser } from "../support/factories.js";
import { HttpSession } from "../support/http-session.js";
import { emptyRestoreTarget } from "../support/restore-target.js";
import { giveOpeningKeys, runCeremonyAs, sealEnvelope } from "../support/sealed-bids.js";
import { openBiddingNow } from "../support/schedule.js";
import { actorOf, buildPublishedTender } from "../support/tenders.js";

const VENDORS = 4;
const BIDS_EACH = 6;
const FILE_BYTES = 400_000;

const pgDumpMissing = TEST_DIALECT === "postgres" && spawnSync("pg_dump", ["--version"]).error !== undefined;
const title = pgDumpMissing
  ? "a backup taken while sealed bids arrive (SKIPPED on PostgreSQL: pg_dump is not installed on this machine; install postgresql-client)"
  : "a backup taken while sealed bids arrive, restored into a fresh installation";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function captureIo(env: Record<string, string | undefined>): Io & { stdout: string[]; stderr: string[] } {
  const stdin = new PassThrough();
  stdin.end("");
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (s) => stdout.push(s), err: (s) => stderr.push(s), env, stdin, stdout, stderr };
}

function sha256File(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/**
 * The backup is consistent while the service works: vendors upload sealed bids to a server process while
 * `openlpse backup` runs; the backup restores into an empty installation whose server shows the log head
 * the manifest recorded, holds the same document bytes and every bid acknowledged before the backup began,
 * and passes `openlpse verify`. A backup with one altered byte is refused, naming the file.
 */
describe.skipIf(pgDumpMissing)(title, () => {
  let t: TestApp;
  let env: Record<string, string>;
  const children = new Set<ChildProcess>();
  let tender: Awaited<ReturnType<typeof buildPublishedTender>>;
  const vendors: (TestUser & { vendorId: string })[] = [];
  const sealedByVendor = new Map<string, Buffer[]>();
  const backupRoot = tempDir("openlpse-backups-");

  async function startProcess(processEnv: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
    const port = await freePort();
    const proc = spawn(process.execPath, [path.join(projectRoot(), "bin", "openlpse.js"), "start"], { env: { ...process.env, ...processEnv, PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"] });
    children.add(proc);
    const stop = () =>
      new Promise<void>((resolve) => {
        children.delete(proc);
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill("SIGTERM");
      });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200; i++) {
      if (await fetch(`${url}/health/ready`).then((r) => r.ok, () => false)) return { url, stop };
      if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("server did not start");
  }

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    env = { DATA_DIR: t.testDb.dataDir, HOST: "127.0.0.1", LOG_LEVEL: "error", BACKUP_DIR: backupRoot, ...(t.testDb.databaseUrl ? { DATABASE_URL: t.testDb.databaseUrl } : {}) };
    tender = await buildPublishedTender(t);
    await giveOpeningKeys(t, tender.pokja);
    const made = await runCeremonyAs(await loginAs(t, tender.pokja[0] as TestUser), tender.tenderCode);
    for (let i = 0; i < VENDORS; i++) {
      const v = await buildVendor(t, "verified", `CV Cadangan ${i + 1}`);
      await joinTender(t.deps.database.db, { ...actorOf(v), vendorId: v.vendorId }, tender.tenderCode, new Date("2026-12-01T03:00:00Z"));
      vendors.push(v);
      const list: Buffer[] = [];
      for (let j = 0; j < BIDS_EACH; j++) {
        const file = new Uint8Array(FILE_BYTES).map((_, k) => (k * (i + 5) + j) % 251);
        list.push(await sealEnvelope(tender.tenderCode, v.vendorId, made.publicKey, { price: String(1_500_000_000 + i * 1000 + j), items: [], validityDays: 60, files: [{ name: "teknis.pdf", kind: "teknis" }] }, [file]));
      }
      sealedByVendor.set(v.vendorId, list);
    }
    // The server process runs on the real clock: the schedule moves so that bidding is open now.
    await openBiddingNow(t.deps.database.db, tender.packageId, new Date());
    await t.app.close();
  }, 120_000);

  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await t?.testDb.destroy();
    fs.rmSync(backupRoot, { recursive: true, force: true });
  });

  it("restores the log head, the documents and every bid acknowledged before it began, and refuses a tampered copy", async () => {
    const original = await startProcess(env);
    const receipts: { bidId: string; sha256: string }[] = [];
    let inFlight = 0;
    let backupRun: Promise<{ code: number; io: ReturnType<typeof captureIo>; acknowledgedBefore: string[]; inFlightAtStart: number }> | null = null;
    const sessions = await Promise.all(
      vendors.map(async (v) => {
        const session = new HttpSession(original.url);
        await session.logIn(v.email, TEST_PASSWORD);
        return { v, session };
      }),
    );
    await Promise.all(
      sessions.map(async ({ v, session }) => {
        for (const envelope of sealedByVendor.get(v.vendorId) ?? []) {
          inFlight += 1;
          const r = await session.fetch("POST", `/api/v1/tenders/${tender.tenderCode}/bids`, { bytes: envelope });
          inFlight -= 1;
          expect(r.status, await r.clone().text()).toBe(201);
          receipts.push((await r.json()) as { bidId: string; sha256: string });
          if (!backupRun && receipts.length >= VENDORS) {
            const acknowledgedBefore = receipts.map((x) => x.bidId);
            const inFlightAtStart = inFlight;
            const io = captureIo(env);
            backupRun = runCli(["backup"], io).then((code) => ({ code, io, acknowledgedBefore, inFlightAtStart }));
          }
        }
      }),
    );
    const backup = await (backupRun as unknown as Promise<{ code: number; io: ReturnType<typeof captureIo>; acknowledgedBefore: string[]; inFlightAtStart: number }>);
    await original.stop();
    expect(backup.code, backup.io.stderr.join("\n")).toBe(0);
    // The backup ran while other uploads were under way.
    expect(backup.inFlightAtStart).toBeGreaterThan(0);
    expect(receipts).toHaveLength(VENDORS * BIDS_EACH);

    const dir = /Backup written: (.+)$/.exec(backup.io.stdout[0] ?? "")?.[1] ?? "";
    const manifest: Manifest = readManifest(dir);
    expect(manifest.dialect).toBe(TEST_DIALECT);

    const target = await emptyRestoreTarget();
    try {
      const restore = captureIo(target.env);
      expect(await runCli(["restore", "--from", dir], restore), restore.stderr.join("\n")).toBe(0);

      // The restored installation serves the head the manifest recorded.
      const restored = await startProcess({ ...target.env, HOST: "127.0.0.1", LOG_LEVEL: "error" });
      const head = (await (await fetch(`${restored.url}/api/v1/log/head`)).json()) as { treeSize: number; rootHash: string };
      await restored.stop();
      expect({ size: head.treeSize, rootHash: head.rootHash }).toEqual(manifest.logHead);

      // Every document byte as in the original, every bid acknowledged before the backup began.
      const documents = manifest.files.filter((f) => f.path.startsWith("files/"));
      expect(documents.length).toBeGreaterThanOrEqual(backup.acknowledgedBefore.length);
      for (const f of documents) {
        const rel = f.path.slice("files/".length).split("/");
        const copy = sha256File(path.join(target.dataDir, "files", ...rel));
        expect(copy).toBe(f.sha256);
        expect(copy).toBe(sha256File(path.join(t.testDb.dataDir, "files", ...rel)));
      }
      const verify = captureIo(target.env);
      expect(await runCli(["verify"], verify), verify.stderr.join("\n")).toBe(0);
      const { openDatabase } = await import("../../src/db/database.js");
      const db = openDatabase({ dataDir: target.dataDir, databaseUrl: target.env.DATABASE_URL });
      try {
        const bids = await db.db.selectFrom("bids").select(["id", "sha256"]).execute();
        const ids = new Set(bids.map((b) => b.id));
        for (const id of backup.acknowledgedBefore) expect(ids.has(id), `bid ${id} acknowledged before the backup`).toBe(true);
        for (const b of bids) expect(sha256File(path.join(target.dataDir, "files", b.sha256.slice(0, 2), b.sha256))).toBe(b.sha256);
        expect(await db.db.selectFrom("events").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).toEqual({ n: manifest.logHead.size });
      } finally {
        await db.close();
      }
    } finally {
      await target.destroy();
    }

    // One altered byte in a stored bid: the restore names the file and writes nothing.
    const victim = manifest.files.find((f) => f.path.startsWith("files/"))!;
    const file = path.join(dir, ...victim.path.split("/"));
    const bytes = fs.readFileSync(file);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0x01;
    fs.writeFileSync(file, bytes);
    const second = await emptyRestoreTarget();
    try {
      const refused = captureIo(second.env);
      expect(await runCli(["restore", "--from", dir], refused)).toBe(1);
      expect(refused.stderr.join("\n")).toContain(`${victim.path}: corrupted`);
      expect(fs.existsSync(second.dataDir)).toBe(false);
    } finally {
      await second.destroy();
    }
  }, 180_000);
});
