import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildAgency, buildUser, loginAs, TEST_PASSWORD, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";

describe("user accounts", () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, "admin_ppe");
  });
  afterAll(() => t.close());

  it("creates a Pokja member with an agency; 401 → 400 → 403 → 201", async () => {
    const agency = await buildAgency(t);
    const body = { name: "Eko Prasetyo", email: "eko.pokja@uji.test", role: "pokja", agencyId: agency.id, password: TEST_PASSWORD };
    expectProblem(await t.client().post("/api/v1/users", body), 401, "UNAUTHENTICATED");
    const client = await loginAs(t, admin);
    expectProblem(await client.post("/api/v1/users", { ...body, email: "bukan-email" }), 400, "VALIDATION_FAILED", "body.email");
    expectProblem(await client.post("/api/v1/users", { ...body, role: "superuser" }), 400, "VALIDATION_FAILED", "body.role");
    const weak = expectProblem(await client.post("/api/v1/users", { ...body, password: "password1" }), 400, "PASSWORD_POLICY", "body.password");
    expect(weak.messages.en).toContain("upper-case");
    expect(weak.messages.id).toContain("simbol");
    expectProblem(await client.post("/api/v1/users", { ...body, agencyId: undefined }), 400, "VALIDATION_FAILED", "body.agencyId");
    expectProblem(await client.post("/api/v1/users", { ...body, role: "auditor" }), 400, "VALIDATION_FAILED", "body.agencyId");

    const helpdesk = await loginAs(t, await buildUser(t, "helpdesk"));
    expectProblem(await helpdesk.post("/api/v1/users", body), 403, "FORBIDDEN");

    const created = await client.post<{ id: string; role: string; agencyId: string; totpEnrolled: boolean; status: string }>("/api/v1/users", body);
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ role: "pokja", agencyId: agency.id, totpEnrolled: false, status: "active", email: "eko.pokja@uji.test" });
    expect(created.text).not.toContain("password");
    expectProblem(await client.post("/api/v1/users", { ...body, email: "EKO.POKJA@uji.test" }), 409, "CONFLICT", "body.email");
  });

  it("scopes an agency administrator to its own agency", async () => {
    const own = await buildAgency(t);
    const other = await buildAgency(t);
    const agencyAdmin = await loginAs(t, await buildUser(t, "admin_agency", { agencyId: own.id }));
    const outsider = await buildUser(t, "ppk", { agencyId: other.id });
    const mine = await agencyAdmin.post<{ id: string }>("/api/v1/users", { name: "Yudi Hartono", email: "yudi.ppk@uji.test", role: "ppk", agencyId: own.id, password: TEST_PASSWORD });
    expect(mine.status, mine.text).toBe(201);
    expectProblem(
      await agencyAdmin.post("/api/v1/users", { name: "Orang Lain", email: "lain@uji.test", role: "ppk", agencyId: other.id, password: TEST_PASSWORD }),
      403,
      "FORBIDDEN",
    );
    expectProblem(
      await agencyAdmin.post("/api/v1/users", { name: "Verif Baru", email: "verif.baru@uji.test", role: "verifikator", password: TEST_PASSWORD }),
      403,
      "FORBIDDEN",
    );
    const list = await agencyAdmin.get<{ items: { id: string; agencyId: string }[] }>("/api/v1/users");
    expect(list.body.items.every((u) => u.agencyId === own.id)).toBe(true);
    expect(list.body.items.map((u) => u.id)).toContain(mine.body.id);
    // Another agency's account is not acknowledged to exist.
    expectProblem(await agencyAdmin.post(`/api/v1/users/${outsider.id}/disable`), 404, "NOT_FOUND");
  });

  it("disables an account, ending its sessions, and enables it again", async () => {
    const client = await loginAs(t, admin);
    const auditor = await buildUser(t, "auditor");
    const auditorClient = await loginAs(t, auditor);
    const disabled = await client.post<{ status: string }>(`/api/v1/users/${auditor.id}/disable`);
    expect(disabled.status, disabled.text).toBe(200);
    expect(disabled.body.status).toBe("disabled");
    expectProblem(await auditorClient.get("/api/v1/auth/me"), 401, "UNAUTHENTICATED");
    expectProblem(await t.client().post("/api/v1/auth/login", { email: auditor.email, password: auditor.password }), 403, "FORBIDDEN");
    expect((await client.post<{ status: string }>(`/api/v1/users/${auditor.id}/enable`)).body.status).toBe("active");
    expect((await t.client().post("/api/v1/auth/login", { email: auditor.email, password: auditor.password })).status).toBe(200);
    expectProblem(await client.post(`/api/v1/users/${admin.id}/disable`), 403, "FORBIDDEN");
    expectProblem(await client.post("/api/v1/users/0c5c1bd4-34a2-4f0e-8d8e-1b4f1e0b9a77/disable"), 404, "NOT_FOUND");
  });

  it("resets the second factor so the user enrolls again", async () => {
    const client = await loginAs(t, admin);
    const ppk = await buildUser(t, "ppk");
    const r = await client.post<{ totpEnrolled: boolean }>(`/api/v1/users/${ppk.id}/reset-second-factor`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.totpEnrolled).toBe(false);
    const login = await t.client().post<{ status: string }>("/api/v1/auth/login", { email: ppk.email, password: ppk.password });
    expect(login.body.status).toBe("totp_enrollment_required");
  });

  it("keeps a vendor out of the user administration API", async () => {
    const vendor = await loginAs(t, await buildUser(t, "vendor"));
    expectProblem(await vendor.get("/api/v1/users"), 403, "FORBIDDEN");
    expectProblem(await vendor.post(`/api/v1/users/${admin.id}/disable`), 403, "FORBIDDEN");
  });
});
