import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { buildUser, buildVendor, loginAs } from "../../test/support/factories.js";

interface LogLine {
  level: number;
  event?: string;
  [field: string]: unknown;
}

/** The service log's lines for logins, failed logins and administrators' changes, read from a real app. */
describe("service-log lines for logins and administration", () => {
  let t: TestApp;
  const lines: string[] = [];
  const events = (name: string): LogLine[] => lines.map((l) => JSON.parse(l) as LogLine).filter((l) => l.event === name);

  beforeAll(async () => {
    t = await createTestApp({ logLines: lines });
  });
  afterAll(() => t.close());

  it("logs a failed login with the address tried, and a login with who logged in", async () => {
    const vendor = await buildVendor(t);
    const client = t.client();
    const wrong = await client.post("/api/v1/auth/login", { email: vendor.email.toUpperCase(), password: "Salah#Sekali2026" });
    expect(wrong.status).toBe(401);
    const [failed] = events("auth.login_failed");
    expect(failed).toMatchObject({ level: 40, email: vendor.email.toLowerCase(), status: 401, route: "/api/v1/auth/login" });
    expect(JSON.stringify(failed)).not.toContain("Salah#Sekali2026");

    await loginAs(t, vendor);
    expect(events("auth.login").at(-1)).toMatchObject({ level: 30, userId: vendor.id, role: "vendor" });
  });

  it("logs administrators' changes with the route and outcome, not other users' reads", async () => {
    const admin = await loginAs(t, await buildUser(t, "admin_ppe"));
    expect(events("auth.login").at(-1)).toMatchObject({ role: "admin_ppe", secondFactor: true });
    const created = await admin.post("/api/v1/agencies", { code: "DPUPR", name: "Dinas Pekerjaan Umum", kind: "dinas" });
    expect(created.status, created.text).toBe(201);
    const refused = await admin.post("/api/v1/agencies", { code: "DPUPR", name: "", kind: "dinas" });
    expect(refused.status).toBe(400);
    await admin.get("/api/v1/agencies");
    const actions = events("admin.action");
    expect(actions.map((a) => [a.method, a.route, a.status])).toEqual([
      ["POST", "/api/v1/agencies", 201],
      ["POST", "/api/v1/agencies", 400],
    ]);
    expect(actions[0]).toMatchObject({ role: "admin_ppe", level: 30 });
  });

  it("logs a wrong recovery code as a failed login, and a recovery-code login as a login", async () => {
    const pokja = await buildUser(t, "pokja");
    const enrolled = await loginAs(t, pokja);
    const codes = (await enrolled.post<{ codes: string[] }>("/api/v1/auth/recovery-codes")).body.codes;
    const client = t.client();
    await client.post("/api/v1/auth/login", { email: pokja.email, password: pokja.password });
    expect((await client.post("/api/v1/auth/totp/recovery", { code: "salah-salah-salah" })).status).toBe(401);
    expect(events("auth.login_failed").at(-1)).toMatchObject({ route: "/api/v1/auth/totp/recovery", status: 401, userId: pokja.id });
    expect((await client.post("/api/v1/auth/totp/recovery", { code: codes[0] })).status).toBe(200);
    expect(events("auth.login").at(-1)).toMatchObject({ userId: pokja.id, recoveryCode: true, remaining: 9 });
    expect(lines.join("\n")).not.toContain(codes[0]);
  });

  it("keeps the secret of a personal link out of the request log", async () => {
    const secret = "rahasia-tautan-survei-123";
    expect((await t.client().get(`/api/v1/survey-form?token=${secret}`)).status).toBe(404);
    const logged = lines.filter((l) => l.includes("/api/v1/survey-form"));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join("\n")).not.toContain(secret);
    expect(logged.join("\n")).toContain("token=[disembunyikan]");
  });
});
