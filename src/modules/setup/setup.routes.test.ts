import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { expectProblem } from "../../../test/support/problems.js";

describe("first-run setup", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const body = {
    lpseName: "LPSE Kabupaten Ngawi",
    region: "Kabupaten Ngawi, Jawa Timur",
    timeZone: "WIB",
    admin: { name: "Rina Wulandari", email: "admin@ngawi.test", password: "Ngawi#Aman2026" },
  };

  it("works once, while no Admin PPE exists, and only with a policy-compliant password", async () => {
    const client = t.client();
    expect((await client.get<{ setupNeeded: boolean }>("/api/v1/public/lpse")).body.setupNeeded).toBe(true);
    expectProblem(await client.post("/api/v1/setup", { ...body, admin: { ...body.admin, password: "pendek" } }), 400, "PASSWORD_POLICY", "body.admin.password");
    expectProblem(await client.post("/api/v1/setup", { ...body, timeZone: "GMT" }), 400, "VALIDATION_FAILED", "body.timeZone");
    expectProblem(await client.post("/api/v1/setup", { ...body, admin: { ...body.admin, email: "x" } }), 400, "VALIDATION_FAILED", "body.admin.email");
    expect(await t.deps.eventLog.size()).toBe(0);

    const r = await client.post("/api/v1/setup", body);
    expect(r.status, r.text).toBe(201);
    const pub = await client.get<{ setupNeeded: boolean; name: string }>("/api/v1/public/lpse");
    expect(pub.body).toMatchObject({ setupNeeded: false, name: "LPSE Kabupaten Ngawi" });

    expectProblem(await client.post("/api/v1/setup", { ...body, admin: { ...body.admin, email: "kedua@ngawi.test" } }), 409, "CONFLICT");
    const login = await client.post<{ status: string }>("/api/v1/auth/login", { email: body.admin.email, password: body.admin.password });
    expect(login.body.status).toBe("totp_enrollment_required");
  });
});
