import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { expectProblem } from "../../../test/support/problems.js";
import type { Licence, Regulation } from "./compliance.schemas.js";
import { registerCallers } from "../../../test/support/register-callers.js";

/** The test clock: 10:00 WIB on Thursday 26 November 2026, so "today" is 2026-11-26 (alerts at 90 days). */
const NOW = new Date("2026-11-26T03:00:00.000Z");

const regulation = (overrides: Record<string, unknown> = {}) => ({
  title: "Pengadaan Barang/Jasa Pemerintah",
  number: "Perpres 16/2018",
  kind: "perpres",
  issuedOn: "2018-03-16",
  status: "replaced",
  replacedBy: "Perpres 12/2021",
  link: "https://peraturan.bpk.go.id/Details/73586",
  ...overrides,
});

const licence = (overrides: Record<string, unknown> = {}) => ({ product: "Microsoft Office 2021", vendor: "Microsoft", licenceType: "perpetual", seats: 1, cost: "4250000.50", ...overrides });

describe("compliance registers: regulations and software licences (standard 16)", () => {
  let t: TestApp;
  let admin: Client;
  let head: Client;
  let auditor: Client;
  let helpdesk: Client;
  let vendor: Client;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    ({ admin, head, auditor, helpdesk, vendor } = await registerCallers(t));
    t.clock.set(NOW);
  });
  afterAll(() => t.close());

  const asset = async (code: string) =>
    (await admin.post<{ id: string }>("/api/v1/registers/assets", { code, name: `PC ${code}`, type: "hardware", owner: "Admin PPE", location: "Ruang LPSE", confidentiality: 2, integrity: 2, availability: 2 })).body.id;

  it("keeps the registers to the administrator; the Kepala LPSE and auditors read; others are refused", async () => {
    expectProblem(await t.client().get("/api/v1/compliance/regulations"), 401, "UNAUTHENTICATED");
    expectProblem(await t.client().post("/api/v1/compliance/licences", licence()), 401, "UNAUTHENTICATED");
    for (const outsider of [helpdesk, vendor]) {
      expectProblem(await outsider.get("/api/v1/compliance/regulations"), 403, "FORBIDDEN");
      expectProblem(await outsider.get("/api/v1/compliance/licences"), 403, "FORBIDDEN");
      expectProblem(await outsider.post("/api/v1/compliance/regulations", regulation()), 403, "FORBIDDEN");
    }
    for (const reader of [head, auditor]) {
      const list = await reader.get<{ can: { manage: boolean } }>("/api/v1/compliance/regulations");
      expect(list.status).toBe(200);
      expect(list.body.can.manage).toBe(false);
      expect((await reader.get("/api/v1/compliance/licences")).status).toBe(200);
      expectProblem(await reader.post("/api/v1/compliance/regulations", regulation()), 403, "FORBIDDEN");
      expectProblem(await reader.post("/api/v1/compliance/licences", licence()), 403, "FORBIDDEN");
    }
  });

  it("refuses bad regulations naming the field and stores nothing", async () => {
    const before = await t.deps.eventLog.size();
    expectProblem(await admin.post("/api/v1/compliance/regulations", regulation({ kind: "undang" })), 400, "VALIDATION_FAILED", "body.kind");
    expectProblem(await admin.post("/api/v1/compliance/regulations", regulation({ issuedOn: "2018-02-30" })), 400, "VALIDATION_FAILED", "body.issuedOn");
    expectProblem(await admin.post("/api/v1/compliance/regulations", regulation({ status: "in_force" })), 400, "VALIDATION_FAILED", "body.replacedBy");
    expectProblem(await admin.post("/api/v1/compliance/regulations", regulation({ status: "replaced", replacedBy: null })), 400, "VALIDATION_FAILED", "body.replacedBy");
    expectProblem(await admin.post("/api/v1/compliance/regulations", regulation({ validUntil: "2017-01-01" })), 400, "VALIDATION_FAILED", "body.validUntil");
    expectProblem(await admin.post("/api/v1/compliance/regulations", regulation({ link: "javascript:alert(1)" })), 400, "VALIDATION_FAILED", "body.link");
    expectProblem(await admin.post("/api/v1/compliance/regulations", { ...regulation(), extra: 1 }), 400, "VALIDATION_FAILED");
    expect(await t.deps.eventLog.size()).toBe(before);
    expect((await admin.get<{ items: unknown[] }>("/api/v1/compliance/regulations")).body.items).toHaveLength(0);
  });

  it("records regulations with expiry and review alerts while in force, and follows their status", async () => {
    const replaced = await admin.post<Regulation>("/api/v1/compliance/regulations", regulation());
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ number: "Perpres 16/2018", status: "replaced", replacedBy: "Perpres 12/2021", expiry: { state: "none" }, reviewDue: false });
    const sk = (await admin.post<Regulation>("/api/v1/compliance/regulations", { title: "Pembentukan LPSE Kota", number: "SK Wali Kota 188/45/2024", kind: "sk", issuedOn: "2024-01-02", validUntil: "2027-01-31", status: "in_force" })).body;
    expect(sk.expiry).toEqual({ state: "expiring", daysLeft: 66 });
    const sop = (await admin.post<Regulation>("/api/v1/compliance/regulations", { title: "SOP Pengelolaan Helpdesk", number: "SOP-LPSE-05", kind: "sop", issuedOn: "2023-06-01", reviewOn: "2026-11-01", status: "in_force" })).body;
    expect(sop).toMatchObject({ expiry: { state: "none" }, reviewDue: true });
    const list = await head.get<{ items: Regulation[]; alerts: number; alertDays: number }>("/api/v1/compliance/regulations");
    expect(list.body).toMatchObject({ alerts: 2, alertDays: 90 });
    expect(list.body.items.map((r) => r.number)).toEqual(["SK Wali Kota 188/45/2024", "SOP-LPSE-05", "Perpres 16/2018"]);

    const revoked = await admin.put<Regulation>(`/api/v1/compliance/regulations/${sk.id}`, { title: sk.title, number: sk.number, kind: "sk", issuedOn: sk.issuedOn, validUntil: sk.validUntil, status: "revoked" });
    expect(revoked.body).toMatchObject({ status: "revoked", expiry: { state: "none" } });
    expect((await auditor.get<{ alerts: number }>("/api/v1/compliance/regulations")).body.alerts).toBe(1);
    expectProblem(await admin.get("/api/v1/compliance/regulations/9b2b2f0e-7c57-4d41-9a49-3f0f5b3c1d10"), 404, "NOT_FOUND");
    expectProblem(await admin.get("/api/v1/compliance/regulations/not-a-uuid"), 400, "VALIDATION_FAILED", "params.regulationId");
  });

  it("counts seats used from installations on assets, flags over-use and refuses deleting an asset with a licence", async () => {
    const before = await t.deps.eventLog.size();
    expectProblem(await admin.post("/api/v1/compliance/licences", licence({ cost: "12,345.678" })), 400, "VALIDATION_FAILED", "body.cost");
    expectProblem(await admin.post("/api/v1/compliance/licences", licence({ seats: 0 })), 400, "VALIDATION_FAILED", "body.seats");
    expectProblem(await admin.post("/api/v1/compliance/licences", licence({ licenceType: "subscription" })), 400, "VALIDATION_FAILED", "body.validUntil");
    expect(await t.deps.eventLog.size()).toBe(before);

    const office = await admin.post<Licence>("/api/v1/compliance/licences", licence());
    expect(office.status).toBe(201);
    expect(office.body).toMatchObject({ seats: 1, seatsUsed: 0, overUse: false, cost: "4250000.50", expiry: { state: "none" }, installations: [] });
    const pc1 = await asset("PC-LPSE-01");
    const pc2 = await asset("PC-LPSE-02");
    const path = `/api/v1/compliance/licences/${office.body.id}/installations`;
    expect((await admin.post<Licence>(path, { assetId: pc1, installedOn: "2026-01-05" })).body).toMatchObject({ seatsUsed: 1, overUse: false });
    expectProblem(await admin.post(path, { assetId: pc1 }), 409, "CONFLICT", "body.assetId");
    expectProblem(await admin.post(path, { assetId: "9b2b2f0e-7c57-4d41-9a49-3f0f5b3c1d10" }), 400, "VALIDATION_FAILED", "body.assetId");
    const over = await admin.post<Licence>(path, { assetId: pc2 });
    expect(over.body).toMatchObject({ seats: 1, seatsUsed: 2, overUse: true });
    expect(over.body.installations.map((i) => i.asset.code)).toEqual(["PC-LPSE-01", "PC-LPSE-02"]);

    const subscription = (await admin.post<Licence>("/api/v1/compliance/licences", licence({ product: "Antivirus Endpoint", vendor: "ESET", licenceType: "subscription", seats: 10, validUntil: "2026-12-31", cost: null }))).body;
    expect(subscription).toMatchObject({ cost: null, expiry: { state: "expiring", daysLeft: 35 } });
    const list = (await auditor.get<{ items: Licence[]; overUsed: number; expiryAlerts: number }>("/api/v1/compliance/licences")).body;
    expect(list).toMatchObject({ overUsed: 1, expiryAlerts: 1 });

    const refused = expectProblem(await admin.delete(`/api/v1/registers/assets/${pc2}`), 409, "CONFLICT");
    expect(refused.messages.en).toContain("Microsoft Office 2021");
    const installation = over.body.installations.find((i) => i.asset.id === pc2)?.id as string;
    expectProblem(await head.delete(`${path}/${installation}`), 403, "FORBIDDEN");
    expect((await admin.delete<Licence>(`${path}/${installation}`)).body).toMatchObject({ seatsUsed: 1, overUse: false });
    expect((await admin.delete(`/api/v1/registers/assets/${pc2}`)).status).toBeLessThan(300);

    const updated = await admin.put<Licence>(`/api/v1/compliance/licences/${office.body.id}`, licence({ seats: 5, cost: "4250000" }));
    expect(updated.body).toMatchObject({ seats: 5, seatsUsed: 1, cost: "4250000" });
    expectProblem(await admin.put("/api/v1/compliance/licences/9b2b2f0e-7c57-4d41-9a49-3f0f5b3c1d10", licence()), 404, "NOT_FOUND");
  });
});
