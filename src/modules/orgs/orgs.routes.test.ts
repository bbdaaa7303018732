import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildAgency, buildUser, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";

describe("agencies and work units", () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, "admin_ppe");
  });
  afterAll(() => t.close());

  it("walks 401 → 400 → 403 → 201 for creating an agency", async () => {
    const anonymous = t.client();
    expectProblem(await anonymous.post("/api/v1/agencies", { code: "DLH", name: "Dinas Lingkungan Hidup", kind: "dinas" }), 401, "UNAUTHENTICATED");

    const client = await loginAs(t, admin);
    const bad = expectProblem(await client.post("/api/v1/agencies", { code: "DLH", name: "", kind: "dinas" }), 400, "VALIDATION_FAILED", "body.name");
    expect(bad.messages.id).toContain("body.name");

    const ppk = await loginAs(t, await buildUser(t, "ppk"));
    expectProblem(await ppk.post("/api/v1/agencies", { code: "DLH", name: "Dinas Lingkungan Hidup", kind: "dinas" }), 403, "FORBIDDEN");

    const created = await client.post<{ id: string; code: string; active: boolean; workUnitCount: number }>("/api/v1/agencies", {
      code: "DLH",
      name: "Dinas Lingkungan Hidup",
      kind: "dinas",
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ code: "DLH", name: "Dinas Lingkungan Hidup", kind: "dinas", active: true, workUnitCount: 0 });

    const list = await client.get<{ items: { code: string }[] }>("/api/v1/agencies");
    expect(list.body.items.map((a) => a.code)).toContain("DLH");
  });

  it("refuses a duplicate code, unknown fields, bad JSON and oversized bodies without changing anything", async () => {
    const client = await loginAs(t, admin);
    const sizeBefore = await t.deps.eventLog.size();
    await buildAgency(t, { code: "DUP-1" });
    const afterSeed = await t.deps.eventLog.size();
    expect(afterSeed).toBe(sizeBefore + 1);

    expectProblem(await client.post("/api/v1/agencies", { code: "DUP-1", name: "Dinas Lain", kind: "dinas" }), 409, "CONFLICT", "body.code");
    expectProblem(await client.post("/api/v1/agencies", { code: "NEW-1", name: "Dinas Baru", kind: "dinas", extra: 1 }), 400, "VALIDATION_FAILED", "body.extra");
    expectProblem(await client.post("/api/v1/agencies", { code: "NEW-1", name: "Dinas Baru", kind: "kementerian" }), 400, "VALIDATION_FAILED", "body.kind");
    expectProblem(await client.post("/api/v1/agencies", { code: "bad code!", name: "Dinas Baru", kind: "dinas" }), 400, "VALIDATION_FAILED", "body.code");
    const token = await client.csrfToken();
    expectProblem(await client.raw("POST", "/api/v1/agencies", { payload: "{not json", headers: { "content-type": "application/json", "x-csrf-token": token } }), 400, "MALFORMED_BODY", "body");
    const huge = { code: "BIG", name: "x".repeat(2 * 1024 * 1024), kind: "dinas" };
    expectProblem(await client.post("/api/v1/agencies", huge), 413, "PAYLOAD_TOO_LARGE");

    expect(await t.deps.eventLog.size()).toBe(afterSeed);
    const list = await client.get<{ items: { code: string }[] }>("/api/v1/agencies");
    expect(list.body.items.filter((a) => a.code === "NEW-1" || a.code === "BIG")).toHaveLength(0);
  });

  it("updates an agency and validates ids", async () => {
    const client = await loginAs(t, admin);
    const agency = await buildAgency(t);
    const r = await client.patch<{ name: string; active: boolean }>(`/api/v1/agencies/${agency.id}`, { name: "Dinas Nama Baru", active: false });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ name: "Dinas Nama Baru", active: false });
    expectProblem(await client.patch(`/api/v1/agencies/${agency.id}`, {}), 400, "VALIDATION_FAILED");
    expectProblem(await client.patch("/api/v1/agencies/not-a-uuid", { name: "Dinas X" }), 400, "VALIDATION_FAILED", "params.agencyId");
    expectProblem(await client.patch("/api/v1/agencies/7d0a6a3e-3f57-4a8e-9b0e-1f2d3c4b5a69", { name: "Dinas X" }), 404, "NOT_FOUND");
  });

  it("lets an agency administrator add work units to its own agency only", async () => {
    const own = await buildAgency(t);
    const other = await buildAgency(t);
    const agencyAdmin = await loginAs(t, await buildUser(t, "admin_agency", { agencyId: own.id }));

    const created = await agencyAdmin.post<{ code: string; agencyId: string }>(`/api/v1/agencies/${own.id}/work-units`, { code: "BM-01", name: "Bidang Bina Marga" });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ code: "BM-01", agencyId: own.id });
    expectProblem(await agencyAdmin.post(`/api/v1/agencies/${own.id}/work-units`, { code: "BM-01", name: "Lagi" }), 409, "CONFLICT", "body.code");
    expectProblem(await agencyAdmin.post(`/api/v1/agencies/${other.id}/work-units`, { code: "X-01", name: "Bidang Lain" }), 403, "FORBIDDEN");

    const units = await agencyAdmin.get<{ items: { code: string }[] }>(`/api/v1/agencies/${own.id}/work-units`);
    expect(units.body.items.map((u) => u.code)).toEqual(["BM-01"]);
    const agencies = await agencyAdmin.get<{ items: { id: string; workUnitCount: number }[] }>("/api/v1/agencies");
    expect(agencies.body.items.find((a) => a.id === own.id)?.workUnitCount).toBe(1);
  });

  it("keeps vendors out of the staff agency API", async () => {
    const vendor = await loginAs(t, await buildUser(t, "vendor"));
    expectProblem(await vendor.get("/api/v1/agencies"), 403, "FORBIDDEN");
  });
});
