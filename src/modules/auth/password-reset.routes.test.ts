import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildUser, loginAs, TEST_PASSWORD } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { startSmtpServer, type TestSmtpServer } from "../../../test/support/smtp.js";
import { MailWorker, type WorkerLog } from "../notifications/mail-worker.js";
import { PASSWORD_RESET_TTL_MINUTES } from "./password-reset.service.js";

const NEW_PASSWORD = "Sandi#Baru2026x";
const silent: WorkerLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe("password reset by an emailed one-time link", () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let worker: MailWorker;
  beforeAll(async () => {
    t = await createTestApp();
    smtp = await startSmtpServer();
    worker = new MailWorker({ db: t.deps.database.db, clock: t.clock, smtpUrl: smtp.url, mailFrom: "LPSE Uji <lpse@uji.test>", pollIntervalMs: 1000, log: silent });
  });
  afterEach(() => {
    smtp.received.length = 0;
  });
  afterAll(async () => {
    await worker.stop();
    await smtp.close();
    await t.close();
  });

  /** Deliver the outbox through the real SMTP server and return what arrived for `to`. */
  async function mailsTo(to: string) {
    await worker.runOnce();
    return smtp.received.filter((m) => m.to.includes(to));
  }

  function tokenIn(text: string): string {
    const match = /\/lupa-sandi\/atur\?token=([\w-]+)/.exec(text);
    if (!match?.[1]) throw new Error(`no reset link in: ${text}`);
    return match[1];
  }

  async function requestLink(email: string): Promise<string> {
    const r = await t.client().post("/api/v1/auth/password-reset", { email });
    expect(r.status, r.text).toBe(202);
    const mails = await mailsTo(email.toLowerCase());
    expect(mails).toHaveLength(1);
    smtp.received.length = 0;
    return tokenIn(mails[0]?.text ?? "");
  }

  it("answers an unknown address exactly like a known one, and mails only the known one", async () => {
    const user = await buildUser(t, "ppk");
    const before = await t.deps.eventLog.size();
    const unknown = await t.client().post("/api/v1/auth/password-reset", { email: "tidak.ada@uji.test" });
    const known = await t.client().post("/api/v1/auth/password-reset", { email: user.email.toUpperCase() });
    expect([unknown.status, unknown.text]).toEqual([202, known.text]);
    expect(known.status).toBe(202);
    await worker.runOnce();
    expect(smtp.received.map((m) => m.to)).toEqual([[user.email]]);
    const mail = smtp.received[0];
    expect(mail?.subject).toBe("Atur ulang kata sandi / Reset your password");
    expect(mail?.text).toContain(`${PASSWORD_RESET_TTL_MINUTES} menit`);
    // Only the known address wrote anything (one event; the token's hash, never the token).
    expect(await t.deps.eventLog.size()).toBe(before + 1);
    const row = await t.deps.database.db.selectFrom("password_resets").selectAll().where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toBe(tokenIn(mail?.text ?? ""));
  });

  it("mails nothing to a disabled account", async () => {
    const admin = await loginAs(t, await buildUser(t, "admin_ppe"));
    const user = await buildUser(t, "auditor");
    expect((await admin.post(`/api/v1/users/${user.id}/disable`)).status).toBe(200);
    expect((await t.client().post("/api/v1/auth/password-reset", { email: user.email })).status).toBe(202);
    expect(await mailsTo(user.email)).toEqual([]);
  });

  it("sets a new password, ends every session, clears the lockout, logs and notifies; the link works once", async () => {
    const user = await buildUser(t, "pokja");
    const session = await loginAs(t, user);
    expect((await session.get("/api/v1/auth/me")).status).toBe(200);
    await t.deps.database.db.updateTable("users").set({ failed_logins: 3 }).where("id", "=", user.id).execute();
    const token = await requestLink(user.email);

    expectProblem(await t.client().post("/api/v1/auth/password-reset/complete", { token, password: "pendek" }), 400, "VALIDATION_FAILED", "body.password");
    expectProblem(await t.client().post("/api/v1/auth/password-reset/complete", { token, password: "semuahurufkecil123!" }), 400, "PASSWORD_POLICY", "body.password");
    const done = await t.client().post("/api/v1/auth/password-reset/complete", { token, password: NEW_PASSWORD });
    expect(done.status, done.text).toBe(204);

    expectProblem(await session.get("/api/v1/auth/me"), 401, "UNAUTHENTICATED");
    expectProblem(await t.client().post("/api/v1/auth/login", { email: user.email, password: TEST_PASSWORD }), 401, "INVALID_CREDENTIALS");
    expect((await loginAs(t, { ...user, password: NEW_PASSWORD }).then((c) => c.get("/api/v1/auth/me"))).status).toBe(200);
    const row = await t.deps.database.db.selectFrom("users").select(["failed_logins", "locked_until"]).where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 0, locked_until: null });

    const events = await t.deps.database.db.selectFrom("events").select(["type", "payload"]).where("subject_id", "=", user.id).where("type", "=", "user.password_reset").execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.payload ?? "{}")).toMatchObject({ revokedSessions: 1 });
    const notice = await mailsTo(user.email);
    expect(notice.map((m) => m.subject)).toEqual(["Kata sandi Anda diubah / Your password was changed"]);

    const again = expectProblem(await t.client().post("/api/v1/auth/password-reset/complete", { token, password: "Sandi#Lain2026y" }), 404, "NOT_FOUND", "body.token");
    expect(again.messages.en).toMatch(/already used/);
  });

  it("refuses a wrong token, an expired link, and an earlier link once a newer one is issued", async () => {
    const user = await buildUser(t, "helpdesk");
    expectProblem(await t.client().post("/api/v1/auth/password-reset/complete", { token: "x".repeat(43), password: NEW_PASSWORD }), 404, "NOT_FOUND", "body.token");

    const first = await requestLink(user.email);
    const second = await requestLink(user.email);
    expectProblem(await t.client().post("/api/v1/auth/password-reset/complete", { token: first, password: NEW_PASSWORD }), 404, "NOT_FOUND", "body.token");

    t.clock.advance(PASSWORD_RESET_TTL_MINUTES * 60_000 + 1000);
    expectProblem(await t.client().post("/api/v1/auth/password-reset/complete", { token: second, password: NEW_PASSWORD }), 404, "NOT_FOUND", "body.token");
    // Nothing changed: the old password still works.
    expect((await t.client().post("/api/v1/auth/login", { email: user.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it("sends at most three links an hour to one account", async () => {
    const user = await buildUser(t, "auditor");
    for (let i = 0; i < 4; i++) expect((await t.client().post("/api/v1/auth/password-reset", { email: user.email })).status).toBe(202);
    expect(await mailsTo(user.email)).toHaveLength(3);
  });
});
