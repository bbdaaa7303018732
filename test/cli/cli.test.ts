import { spawnSync } from "node:child_process";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/commands.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { buildAgency, buildUser } from "../support/factories.js";
import { projectRoot } from "../../src/server/paths.js";

function captureIo(env: Record<string, string | undefined>, stdinText = ""): Io & { stdout: string[]; stderr: string[] } {
  const stdin = new PassThrough();
  stdin.end(stdinText);
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (s) => stdout.push(s), err: (s) => stderr.push(s), env, stdin, stdout, stderr };
}

describe("openlpse CLI", () => {
  let t: TestApp;
  let env: Record<string, string | undefined>;
  beforeAll(async () => {
    t = await createTestApp();
    env = { DATA_DIR: t.testDb.dataDir, DATABASE_URL: t.testDb.databaseUrl, LOG_LEVEL: "silent" };
    for (let i = 0; i < 6; i++) await buildAgency(t);
    await buildUser(t, "auditor");
    await t.deps.eventLog.publishHead(t.clock.now());
    await buildAgency(t);
    await t.deps.eventLog.publishHead(t.clock.now());
  });
  afterAll(() => t.close());

  it("verifies an untouched log", async () => {
    const io = captureIo(env);
    expect(await runCli(["verify"], io)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/Event log OK: 8 events, 2 signed tree heads/);
  });

  it("names the event whose row was edited directly in the database", async () => {
    const db = t.deps.database.db;
    const original = await db.selectFrom("events").selectAll().where("idx", "=", 3).executeTakeFirstOrThrow();
    await db.updateTable("events").set({ payload: original.payload.replace("Dinas Uji", "Dinas Palsu") }).where("idx", "=", 3).execute();
    const io = captureIo(env);
    expect(await runCli(["verify"], io)).toBe(1);
    expect(io.stderr.join("\n")).toMatch(/event 3\b/);
    await db.updateTable("events").set({ payload: original.payload }).where("idx", "=", 3).execute();

    await db.updateTable("events").set({ type: "agency.deleted" }).where("idx", "=", 5).execute();
    const altered = captureIo(env);
    expect(await runCli(["verify"], altered)).toBe(1);
    expect(altered.stderr.join("\n")).toMatch(/event 5\b/);
    await db.updateTable("events").set({ type: original.type }).where("idx", "=", 5).execute();

    await db.deleteFrom("events").where("idx", "=", 7).execute();
    const missing = captureIo(env);
    expect(await runCli(["verify"], missing)).toBe(1);
    expect(missing.stderr.join("\n")).toMatch(/7/);
  });

  it("creates an Admin PPE from stdin and refuses a weak password", async () => {
    const io = captureIo(env, "Kuat#Sekali2026\n");
    expect(await runCli(["admin", "create", "--email", "admin2@uji.test", "--name", "Admin Kedua", "--password-stdin"], io)).toBe(0);
    const row = await t.deps.database.db.selectFrom("users").select(["role", "email"]).where("email", "=", "admin2@uji.test").executeTakeFirstOrThrow();
    expect(row.role).toBe("admin_ppe");
    const weak = captureIo(env, "lemah\n");
    expect(await runCli(["admin", "create", "--email", "admin3@uji.test", "--name", "Admin Ketiga", "--password-stdin"], weak)).toBe(1);
    expect(weak.stderr.join("\n")).toMatch(/Password: at least 10 characters/);
  });

  it("shows the signing key", async () => {
    const io = captureIo(env);
    expect(await runCli(["keys", "show"], io)).toBe(0);
    expect(io.stdout.join("\n")).toContain(t.deps.eventLog.key.keyId);
  });

  it("gives usage and exit 2 for unknown commands, bad arguments and bad configuration", async () => {
    const unknown = captureIo(env);
    expect(await runCli(["frobnicate"], unknown)).toBe(2);
    expect(unknown.stderr.join("\n")).toMatch(/unknown command "frobnicate"[\s\S]*Usage: openlpse/);
    const badArgs = captureIo(env);
    expect(await runCli(["admin", "create", "--email"], badArgs)).toBe(2);
    const extra = captureIo(env);
    expect(await runCli(["verify", "now"], extra)).toBe(2);
    const badConfig = captureIo({ ...env, PORT: "tiga-ribu" });
    expect(await runCli(["migrate"], badConfig)).toBe(2);
    expect(badConfig.stderr.join("\n")).toMatch(/PORT: must be a number/);
  });

  it("runs as the package bin with the same exit codes", () => {
    const bin = path.join(projectRoot(), "bin", "openlpse.js");
    const r = spawnSync(process.execPath, [bin, "nope"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Usage: openlpse");
    const bad = spawnSync(process.execPath, [bin, "migrate"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: "mysql://x" } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("DATABASE_URL");
  });
});
