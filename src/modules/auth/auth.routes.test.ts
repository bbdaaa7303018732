import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildUser, loginAs, nextTotp, TEST_PASSWORD } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { totpCode } from "./totp.js";

describe("login, second factor, sessions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("logs in a role without a second factor directly and reports its permissions", async () => {
    const helpdesk = await buildUser(t, "helpdesk");
    const client = t.client();
    const r = await client.post<{ status: string; user: { role: string; permissions: Record<string, boolean> } }>("/api/v1/auth/login", {
      email: helpdesk.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.status).toBe("ok");
    expect(r.body.user.role).toBe("helpdesk");
    expect(r.body.user.permissions).toEqual({ manageAgencies: false, manageUsers: false, manageSettings: false, viewEventLog: true });
    const cookie = String(r.headers["set-cookie"]);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect((await client.get("/api/v1/auth/me")).status).toBe(200);
  });

  it("requires the authenticator code for an enrolled Pokja member and refuses a replayed code", async () => {
    const pokja = await buildUser(t, "pokja");
    const client = t.client();
    const first = await client.post<{ status: string }>("/api/v1/auth/login", { email: pokja.email, password: pokja.password });
    expect(first.body.status).toBe("totp_required");
    // Half-logged-in is not logged in.
    expectProblem(await client.get("/api/v1/auth/me"), 401, "SECOND_FACTOR_REQUIRED");
    expectProblem(await client.post("/api/v1/auth/totp", { code: "12345" }), 400, "VALIDATION_FAILED", "body.code");
    const code = nextTotp(t, pokja.totpSecret ?? "");
    const ok = await client.post<{ status: string; user: { role: string } }>("/api/v1/auth/totp", { code });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.user.role).toBe("pokja");

    const replay = t.client();
    await replay.post("/api/v1/auth/login", { email: pokja.email, password: pokja.password });
    expectProblem(await replay.post("/api/v1/auth/totp", { code }), 401, "INVALID_TOTP");
  });

  it("enrolls a second factor at first login for a privileged role", async () => {
    const admin = await buildUser(t, "verifikator");
    // Remove the enrollment the factory made, as for a brand-new account.
    await t.deps.database.db.updateTable("users").set({ totp_secret: null, totp_enrolled_at: null }).where("id", "=", admin.id).execute();
    const client = t.client();
    const r = await client.post<{ status: string; enrollment: { secret: string; otpauthUrl: string; qrDataUrl: string } }>("/api/v1/auth/login", {
      email: admin.email,
      password: admin.password,
    });
    expect(r.body.status).toBe("totp_enrollment_required");
    expect(r.body.enrollment.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(r.body.enrollment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expectProblem(await client.post("/api/v1/auth/totp/enroll", { code: "000000" }), 401, "INVALID_TOTP");
    t.clock.advance(30_000);
    const done = await client.post<{ status: string }>("/api/v1/auth/totp/enroll", { code: totpCode(r.body.enrollment.secret, t.clock.now()) });
    expect(done.status, done.text).toBe(200);
    const row = await t.deps.database.db.selectFrom("users").select(["totp_secret", "totp_enrolled_at"]).where("id", "=", admin.id).executeTakeFirstOrThrow();
    expect(row.totp_secret).toBe(r.body.enrollment.secret);
    expect(row.totp_enrolled_at).not.toBeNull();
  });

  it("refuses wrong passwords with one message whether or not the account exists, and locks after five", async () => {
    const user = await buildUser(t, "auditor");
    const client = t.client();
    const unknown = expectProblem(await client.post("/api/v1/auth/login", { email: "nobody@uji.test", password: "Salah#Sandi123" }), 401, "INVALID_CREDENTIALS");
    const wrong = expectProblem(await client.post("/api/v1/auth/login", { email: user.email, password: "Salah#Sandi123" }), 401, "INVALID_CREDENTIALS");
    expect(wrong.messages).toEqual(unknown.messages);
    for (let i = 0; i < 3; i++) await client.post("/api/v1/auth/login", { email: user.email, password: "Salah#Sandi123" });
    expectProblem(await client.post("/api/v1/auth/login", { email: user.email, password: "Salah#Sandi123" }), 423, "ACCOUNT_LOCKED");
    // Even the right password is refused while locked.
    const locked = expectProblem(await client.post("/api/v1/auth/login", { email: user.email, password: user.password }), 423, "ACCOUNT_LOCKED");
    expect(locked.messages.en).toMatch(/locked/);
    const events = await t.deps.database.db.selectFrom("events").select("type").where("subject_id", "=", user.id).execute();
    expect(events.map((e) => e.type)).toContain("user.locked");
    t.clock.advance(16 * 60_000);
    expect((await client.post("/api/v1/auth/login", { email: user.email, password: user.password })).status).toBe(200);
  });

  it("rate-limits login attempts per client address", async () => {
    const client = t.client();
    let last = 0;
    for (let i = 0; i < 11; i++) {
      const r = await client.raw("POST", "/api/v1/auth/login", {
        body: { email: `x${i}@uji.test`, password: "Salah#Sandi123" },
        headers: { "x-csrf-token": await client.csrfToken() },
      });
      last = r.status;
      if (r.status === 429) {
        expectProblem(r, 429, "RATE_LIMITED");
        expect(r.headers["retry-after"]).toBeDefined();
      }
    }
    expect(last).toBe(429);
  });

  it("needs the CSRF token on every state-changing call", async () => {
    const user = await buildUser(t, "helpdesk");
    const client = t.client();
    expectProblem(await client.raw("POST", "/api/v1/auth/login", { body: { email: user.email, password: user.password } }), 403, "CSRF_INVALID");
    await client.csrfToken();
    expectProblem(
      await client.raw("POST", "/api/v1/auth/login", { body: { email: user.email, password: user.password }, headers: { "x-csrf-token": "forged" } }),
      403,
      "CSRF_INVALID",
    );
  });

  it("revokes the session on logout and at expiry", async () => {
    const user = await buildUser(t, "auditor");
    const client = await loginAs(t, user);
    const stolenCookie = client.cookieHeader;
    expect((await client.post("/api/v1/auth/logout")).status).toBe(204);
    const replay = t.client();
    const r = await replay.raw("GET", "/api/v1/auth/me", { headers: { cookie: stolenCookie } });
    expectProblem(r, 401, "UNAUTHENTICATED");

    const again = await loginAs(t, user);
    expect((await again.get("/api/v1/auth/me")).status).toBe(200);
    t.clock.advance(9 * 3_600_000);
    expectProblem(await again.get("/api/v1/auth/me"), 401, "UNAUTHENTICATED");
  });

  it("answers in English when asked", async () => {
    const client = t.client();
    client.language = "en";
    const r = expectProblem(await client.get("/api/v1/auth/me"), 401, "UNAUTHENTICATED");
    expect(r.detail).toBe("Please log in first");
    client.language = "id";
    expect((expectProblem(await client.get("/api/v1/auth/me"), 401, "UNAUTHENTICATED")).detail).toBe("Silakan masuk terlebih dahulu");
  });
});
