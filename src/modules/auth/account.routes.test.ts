import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildUser, loginAs, nextTotp } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { RECOVERY_CODE_COUNT } from "./recovery-codes.service.js";

interface SessionItem {
  ref: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

describe("account security: lockout notice, sessions, recovery codes", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function outboxTo(email: string) {
    return t.deps.database.db.selectFrom("mail_outbox").select(["subject", "text_body"]).where("to_address", "=", email).execute();
  }

  async function inboxKinds(userId: string) {
    const rows = await t.deps.database.db.selectFrom("notifications").select("kind").where("user_id", "=", userId).execute();
    return rows.map((r) => r.kind);
  }

  it("tells the owner once, by inbox and mail, when the account locks", async () => {
    const user = await buildUser(t, "ppk");
    const client = t.client();
    for (let i = 0; i < 5; i++) await client.post("/api/v1/auth/login", { email: user.email, password: "Salah#Sandi123" });
    // Further attempts while locked are refused before counting, so they send nothing more.
    for (let i = 0; i < 3; i++) expectProblem(await client.post("/api/v1/auth/login", { email: user.email, password: "Salah#Sandi123" }), 423, "ACCOUNT_LOCKED");
    expect(await inboxKinds(user.id)).toEqual(["auth.account_locked"]);
    const mails = await outboxTo(user.email);
    expect(mails.map((m) => m.subject)).toEqual(["Akun Anda dikunci sementara / Your account is temporarily locked"]);
    expect(mails[0]?.text_body).toContain("/lupa-sandi");
    // A second lockout later is a second notice (from another address: one address is rate-limited).
    t.clock.advance(16 * 60_000);
    const again = t.client();
    for (let i = 0; i < 5; i++) await again.post("/api/v1/auth/login", { email: user.email, password: "Salah#Sandi123" });
    expect(await inboxKinds(user.id)).toEqual(["auth.account_locked", "auth.account_locked"]);
  });

  it("lists the user's own sessions with address and browser, never a token", async () => {
    const user = await buildUser(t, "helpdesk");
    const laptop = await loginAs(t, user);
    const phone = await loginAs(t, user);
    expectProblem(await t.client().get("/api/v1/auth/sessions"), 401, "UNAUTHENTICATED");
    const r = await laptop.get<{ items: SessionItem[] }>("/api/v1/auth/sessions");
    expect(r.status, r.text).toBe(200);
    expect(r.body.items).toHaveLength(2);
    expect(r.body.items.filter((s) => s.current)).toHaveLength(1);
    expect(r.body.items.map((s) => s.ip).sort()).toEqual([laptop.remoteAddress, phone.remoteAddress].sort());
    const stored = await t.deps.database.db.selectFrom("sessions").select("id").where("user_id", "=", user.id).execute();
    for (const s of stored) expect(r.text).not.toContain(s.id);
    for (const cookie of [laptop.cookieHeader, phone.cookieHeader]) expect(r.text).not.toContain(cookie.split("lpse_session=")[1]?.split(";")[0]);
    // Another user sees only its own.
    const other = await loginAs(t, await buildUser(t, "auditor"));
    expect((await other.get<{ items: SessionItem[] }>("/api/v1/auth/sessions")).body.items).toHaveLength(1);
  });

  it("updates 'last seen' as the session is used, at most once a minute", async () => {
    const user = await buildUser(t, "auditor");
    const client = await loginAs(t, user);
    const first = (await client.get<{ items: SessionItem[] }>("/api/v1/auth/sessions")).body.items[0];
    t.clock.advance(5 * 60_000);
    await client.get("/api/v1/auth/me");
    const later = (await client.get<{ items: SessionItem[] }>("/api/v1/auth/sessions")).body.items[0];
    expect(Date.parse(later?.lastSeenAt ?? "") - Date.parse(first?.lastSeenAt ?? "")).toBeGreaterThanOrEqual(5 * 60_000);
  });

  it("revokes one session, or all but the current one, and not someone else's", async () => {
    const user = await buildUser(t, "helpdesk");
    const a = await loginAs(t, user);
    const b = await loginAs(t, user);
    const c = await loginAs(t, user);
    const list = (await a.get<{ items: SessionItem[] }>("/api/v1/auth/sessions")).body.items;
    const bRef = (await b.get<{ items: SessionItem[] }>("/api/v1/auth/sessions")).body.items.find((s) => s.current)?.ref ?? "";
    expect(list.map((s) => s.ref)).toContain(bRef);

    const stranger = await loginAs(t, await buildUser(t, "helpdesk"));
    expectProblem(await stranger.delete(`/api/v1/auth/sessions/${bRef}`), 404, "NOT_FOUND");
    expect((await b.get("/api/v1/auth/me")).status).toBe(200);

    expect((await a.delete(`/api/v1/auth/sessions/${bRef}`)).status).toBe(204);
    expectProblem(await b.get("/api/v1/auth/me"), 401, "UNAUTHENTICATED");
    expectProblem(await a.delete(`/api/v1/auth/sessions/${bRef}`), 404, "NOT_FOUND");

    const others = await a.post<{ revoked: number }>("/api/v1/auth/sessions/revoke-others");
    expect(others.body).toEqual({ revoked: 1 });
    expectProblem(await c.get("/api/v1/auth/me"), 401, "UNAUTHENTICATED");
    expect((await a.get("/api/v1/auth/me")).status).toBe(200);
    const types = await t.deps.database.db.selectFrom("events").select("type").where("subject_id", "=", user.id).execute();
    expect(types.map((e) => e.type)).toEqual(expect.arrayContaining(["auth.session_revoked", "auth.other_sessions_revoked"]));
  });

  it("lets the LPSE administrator end every session of an account, which stays enabled", async () => {
    const admin = await loginAs(t, await buildUser(t, "admin_ppe"));
    const user = await buildUser(t, "auditor");
    const session = await loginAs(t, user);
    expectProblem(await session.post(`/api/v1/users/${user.id}/revoke-sessions`), 403, "FORBIDDEN");
    const r = await admin.post<{ status: string }>(`/api/v1/users/${user.id}/revoke-sessions`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.status).toBe("active");
    expectProblem(await session.get("/api/v1/auth/me"), 401, "UNAUTHENTICATED");
    const event = await t.deps.database.db.selectFrom("events").select("payload").where("subject_id", "=", user.id).where("type", "=", "user.sessions_revoked").executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toEqual({ revokedSessions: 1 });
    expect((await loginAs(t, user).then((c) => c.get("/api/v1/auth/me"))).status).toBe(200);
  });

  it("gives ten recovery codes at enrolment, each working once instead of the authenticator, logged and notified", async () => {
    const user = await buildUser(t, "pokja");
    await t.deps.database.db.updateTable("users").set({ totp_secret: null, totp_enrolled_at: null }).where("id", "=", user.id).execute();
    const client = t.client();
    const login = await client.post<{ enrollment: { secret: string } }>("/api/v1/auth/login", { email: user.email, password: user.password });
    const enrolled = await client.post<{ recoveryCodes: string[] }>("/api/v1/auth/totp/enroll", { code: nextTotp(t, login.body.enrollment.secret) });
    expect(enrolled.status, enrolled.text).toBe(200);
    const codes = enrolled.body.recoveryCodes;
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    const stored = await t.deps.database.db.selectFrom("recovery_codes").select("code_hash").where("user_id", "=", user.id).execute();
    expect(stored).toHaveLength(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(JSON.stringify(stored)).not.toContain(code.replaceAll("-", ""));

    const first = codes[0] ?? "";
    const lost = t.client();
    await lost.post("/api/v1/auth/login", { email: user.email, password: user.password });
    expectProblem(await lost.post("/api/v1/auth/totp/recovery", { code: "aaaa-bbbb-cccc-dddd" }), 401, "INVALID_TOTP", "body.code");
    // Typed in capitals and without dashes, it still matches.
    const ok = await lost.post<{ status: string }>("/api/v1/auth/totp/recovery", { code: first.replaceAll("-", " ").toUpperCase() });
    expect(ok.status, ok.text).toBe(200);
    expect((await lost.get("/api/v1/auth/me")).status).toBe(200);
    expect((await lost.get<{ remaining: number }>("/api/v1/auth/recovery-codes")).body).toEqual({ enrolled: true, remaining: RECOVERY_CODE_COUNT - 1 });
    expect(await inboxKinds(user.id)).toContain("auth.recovery_code_used");
    const event = await t.deps.database.db.selectFrom("events").select("payload").where("subject_id", "=", user.id).where("type", "=", "user.recovery_code_used").executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toMatchObject({ remaining: RECOVERY_CODE_COUNT - 1 });

    const replay = t.client();
    await replay.post("/api/v1/auth/login", { email: user.email, password: user.password });
    expectProblem(await replay.post("/api/v1/auth/totp/recovery", { code: first }), 401, "INVALID_TOTP", "body.code");
    const failures = await t.deps.database.db.selectFrom("users").select("failed_logins").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(failures.failed_logins).toBe(1);
  });

  it("regenerates the codes from the account page: the old ones stop working", async () => {
    const user = await buildUser(t, "pokja");
    const client = await loginAs(t, user);
    expect((await client.get("/api/v1/auth/recovery-codes")).body).toEqual({ enrolled: true, remaining: 0 });
    const one = (await client.post<{ codes: string[] }>("/api/v1/auth/recovery-codes")).body.codes;
    const two = (await client.post<{ codes: string[] }>("/api/v1/auth/recovery-codes")).body.codes;
    expect(two).toHaveLength(RECOVERY_CODE_COUNT);
    const stale = t.client();
    await stale.post("/api/v1/auth/login", { email: user.email, password: user.password });
    expectProblem(await stale.post("/api/v1/auth/totp/recovery", { code: one[0] }), 401, "INVALID_TOTP");
    expect((await stale.post("/api/v1/auth/totp/recovery", { code: two[0] })).status).toBe(200);

    const vendorish = await loginAs(t, await buildUser(t, "auditor"));
    expectProblem(await vendorish.post("/api/v1/auth/recovery-codes"), 409, "CONFLICT");
  });
});
