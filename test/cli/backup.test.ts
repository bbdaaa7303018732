import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/commands.js";
import { runCli } from "../../src/cli/main.js";
import { listBackups, readManifest } from "../../src/modules/backups/backup.manifest.js";
import { BackupScheduler } from "../../src/modules/backups/backup.scheduler.js";
import { updateSettings, getSettings } from "../../src/modules/settings/settings.service.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { tempDir } from "../support/database.js";
import { buildAgency, buildUser, buildVendor, loginAs } from "../support/factories.js";
import { expectProblem } from "../support/problems.js";
import { emptyRestoreTarget } from "../support/restore-target.js";

function captureIo(env: Record<string, string | undefined>, stdinText = ""): Io & { stdout: string[]; stderr: string[] } {
  const stdin = new PassThrough();
  stdin.end(stdinText);
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (s) => stdout.push(s), err: (s) => stderr.push(s), env, stdin, stdout, stderr };
}

const PASSPHRASE = "kunci cadangan Madiun 2026";

/** Backups with a passphrase, their refusal when damaged or aimed at a used target, drills and the schedule. */
describe("openlpse backup, restore and drill", () => {
  let t: TestApp;
  let env: Record<string, string | undefined>;
  let backupRoot: string;
  let document: { sha256: string; bytes: Buffer };

  beforeAll(async () => {
    t = await createTestApp();
    backupRoot = tempDir("openlpse-backups-");
    env = { DATA_DIR: t.testDb.dataDir, DATABASE_URL: t.testDb.databaseUrl, LOG_LEVEL: "silent", BACKUP_DIR: backupRoot };
    for (let i = 0; i < 3; i++) await buildAgency(t);
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 256));
    const stored = await t.deps.fileStore.put(Readable.from([bytes]), 10_000_000);
    document = { sha256: stored.sha256, bytes };
    await t.deps.eventLog.publishHead(t.clock.now());
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(backupRoot, { recursive: true, force: true });
  });

  it("makes an encrypted backup, refuses the wrong passphrase and restores with the right one", async () => {
    const io = captureIo(env, `${PASSPHRASE}\n`);
    expect(await runCli(["backup", "--passphrase-stdin"], io), io.stderr.join("\n")).toBe(0);
    const [latest] = listBackups(backupRoot);
    const manifest = readManifest(latest!.dir);
    expect(manifest.encryption?.kdf).toBe("scrypt");
    expect(manifest.logHead.size).toBe(await t.deps.eventLog.size());
    expect(manifest.logHead.rootHash).toBe(await t.deps.eventLog.rootAt(manifest.logHead.size));
    expect(manifest.migrations).toContain("20261126T1120-restore-drills");
    const entry = manifest.files.find((f) => f.path.endsWith(document.sha256));
    expect(entry).toMatchObject({ size: document.bytes.length, sha256: document.sha256 });
    // Stored encrypted: the document's bytes are not in the backup as they are.
    expect(entry!.storedSha256).not.toBe(document.sha256);

    const target = await emptyRestoreTarget();
    try {
      const wrong = captureIo(target.env, "bukan kata sandinya\n");
      expect(await runCli(["restore", "--from", latest!.dir, "--passphrase-stdin"], wrong)).toBe(1);
      expect(wrong.stderr.join("\n")).toMatch(/Wrong passphrase/);
      expect(fs.existsSync(target.dataDir)).toBe(false);

      const right = captureIo(target.env, `${PASSPHRASE}\n`);
      expect(await runCli(["restore", "--from", latest!.dir, "--passphrase-stdin"], right), right.stderr.join("\n")).toBe(0);
      expect(right.stdout.join("\n")).toMatch(/as in the manifest[\s\S]*Event log OK/);
      const restored = fs.readFileSync(path.join(target.dataDir, "files", document.sha256.slice(0, 2), document.sha256));
      expect(restored.equals(document.bytes)).toBe(true);
      expect(fs.readFileSync(path.join(target.dataDir, "keys", "log-signing-key.pem"), "utf8")).toBe(fs.readFileSync(t.deps.config.signingKeyPath, "utf8"));

      const again = captureIo(target.env, `${PASSPHRASE}\n`);
      expect(await runCli(["restore", "--from", latest!.dir, "--passphrase-stdin"], again)).toBe(1);
      expect(again.stderr.join("\n")).toMatch(/is not empty/);
    } finally {
      await target.destroy();
    }
  });

  it("names a corrupted file and restores nothing", async () => {
    const io = captureIo(env);
    expect(await runCli(["backup", "--out", path.join(backupRoot, "manual")], io)).toBe(0);
    const dir = listBackups(path.join(backupRoot, "manual"))[0]!.dir;
    const rel = `files/${document.sha256.slice(0, 2)}/${document.sha256}`;
    const file = path.join(dir, rel);
    const bytes = fs.readFileSync(file);
    bytes[1000] = (bytes[1000] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);
    const target = await emptyRestoreTarget();
    try {
      const restore = captureIo(target.env);
      expect(await runCli(["restore", "--from", dir], restore)).toBe(1);
      expect(restore.stderr.join("\n")).toContain(`${rel}: corrupted`);
      expect(fs.existsSync(target.dataDir)).toBe(false);
    } finally {
      await target.destroy();
    }
  });

  it("refuses a backup made by a newer version, naming the migrations it does not know", async () => {
    const dir = listBackups(path.join(backupRoot, "manual"))[0]!.dir;
    const newer = `${dir}-newer`;
    fs.cpSync(dir, newer, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(newer, "manifest.json"), "utf8")) as { migrations: string[] };
    manifest.migrations.push("20991231T0000-from-the-future");
    fs.writeFileSync(path.join(newer, "manifest.json"), JSON.stringify(manifest));
    const target = await emptyRestoreTarget();
    try {
      const restore = captureIo(target.env);
      expect(await runCli(["restore", "--from", newer], restore)).toBe(1);
      expect(restore.stderr.join("\n")).toMatch(/newer OpenLPSE .*20991231T0000-from-the-future/);
      expect(fs.existsSync(target.dataDir)).toBe(false);
    } finally {
      await target.destroy();
      fs.rmSync(newer, { recursive: true, force: true });
    }
  });

  it("records a drill of the latest backup, shown to the administrator, the head of the LPSE and auditors only", async () => {
    const before = await t.deps.eventLog.size();
    const io = captureIo(env, `${PASSPHRASE}\n`);
    expect(await runCli(["drill", "--passphrase-stdin"], io), io.stderr.join("\n")).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/Drill OK: backup openlpse-backup-/);
    const event = await t.deps.database.db.selectFrom("events").select(["type", "idx"]).where("idx", "=", before).executeTakeFirstOrThrow();
    expect(event.type).toBe("backup.drill_recorded");

    const auditor = await loginAs(t, await buildUser(t, "auditor"));
    const r = await auditor.get<{ items: { ok: boolean; restoreSeconds: number; verifySeconds: number; backupAgeSeconds: number; logIndex: number; backupName: string }[] }>("/api/v1/operations/drills");
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0]).toMatchObject({ ok: true, logIndex: before });
    expect(r.body.items[0]!.restoreSeconds).toBeGreaterThan(0);
    expect(r.body.items[0]!.backupAgeSeconds).toBeGreaterThanOrEqual(0);

    const admin = await loginAs(t, await buildUser(t, "admin_ppe"));
    expect((await admin.get("/api/v1/operations/drills")).status).toBe(200);
    const vendor = await loginAs(t, await buildVendor(t));
    expectProblem(await vendor.get("/api/v1/operations/drills"), 403, "FORBIDDEN");
    expectProblem(await t.client().get("/api/v1/operations/drills"), 401, "UNAUTHENTICATED");
    expectProblem(await admin.get("/api/v1/operations/drills?limit=0"), 400, "VALIDATION_FAILED", "query.limit");

    // A drill without a backup to restore fails, and is recorded as failed.
    const empty = captureIo({ ...env, BACKUP_DIR: path.join(backupRoot, "none") });
    expect(await runCli(["drill"], empty)).toBe(1);
    expect(empty.stderr.join("\n")).toMatch(/No complete backup found/);
    const after = await auditor.get<{ items: { ok: boolean }[] }>("/api/v1/operations/drills");
    expect(after.body.items.map((d) => d.ok)).toEqual([false, true]);
  });

  it("takes scheduled backups when due and keeps the newest N", async () => {
    const dir = path.join(backupRoot, "scheduled");
    const quiet = t.app.log;
    const scheduler = new BackupScheduler({ ...t.deps, config: { ...t.deps.config, backupDir: dir, backupPassphraseFile: undefined } }, quiet);
    expect(await scheduler.tick()).toEqual({ kind: "off" });
    const settings = await getSettings(t.deps.database.db);
    await updateSettings(t.deps.database.db, null, { ...settings, backups: { intervalHours: 6, keep: 2 } }, t.clock.now());

    expect((await scheduler.tick()).kind).toBe("made");
    t.clock.advance(5 * 3_600_000);
    expect(await scheduler.tick()).toEqual({ kind: "not_due" });
    t.clock.advance(3_600_000);
    expect((await scheduler.tick()).kind).toBe("made");
    t.clock.advance(6 * 3_600_000);
    const third = await scheduler.tick();
    expect(third.kind).toBe("made");
    const kept = listBackups(dir);
    expect(kept).toHaveLength(2);
    expect(third.kind === "made" && third.removed).toHaveLength(1);
    expect(kept[0]!.manifest.createdAt).toBe(t.clock.now().toISOString());
    const sha = createHash("sha256").update(fs.readFileSync(path.join(kept[0]!.dir, "files", document.sha256.slice(0, 2), document.sha256))).digest("hex");
    expect(sha).toBe(document.sha256);
  });
});
