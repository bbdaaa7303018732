import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { expectProblem } from "../../../test/support/problems.js";
import type { BudgetLine, BudgetYear, Supplier } from "./budget-suppliers.schemas.js";
import { registerCallers } from "../../../test/support/register-callers.js";

/** The test clock: 10:00 WIB on Thursday 26 November 2026, so "today" is 2026-11-26. */
const NOW = new Date("2026-11-26T03:00:00.000Z");

describe("budget (standard 13) and suppliers (standard 14)", () => {
  let t: TestApp;
  let admin: Client;
  let head: Client;
  let auditor: Client;
  let helpdesk: Client;
  let vendor: Client;
  let assetId: string;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    ({ admin, head, auditor, helpdesk, vendor } = await registerCallers(t));
    t.clock.set(NOW);
    const asset = await admin.post<{ id: string }>("/api/v1/registers/assets", { code: "HW-SRV-01", name: "Server aplikasi", type: "hardware", owner: "Admin PPE", location: "Ruang server", confidentiality: 3, integrity: 3, availability: 3 });
    expect(asset.status, asset.text).toBe(201);
    assetId = asset.body.id;
  });
  afterAll(() => t.close());

  const line = (overrides: Record<string, unknown>) => ({ year: 2026, component: "internet", description: "Bandwidth 100 Mbps Diskominfo", planned: "120000000", assetId: null, ...overrides });
  const supplier = (overrides: Record<string, unknown>) => ({
    name: "PT Telkom Indonesia", service: "isp", contractNumber: "027/SPK/LPSE/2026", contractStartsOn: "2026-01-01", contractEndsOn: "2026-12-31",
    contact: "Account manager, 0351-123456", assetIds: [], targets: [{ metric: "Uptime", target: "99.5", unit: "%", direction: "at_least" }], ...overrides,
  });

  it("keeps the registers to the administrator; the Kepala LPSE and auditors read; others are refused", async () => {
    expectProblem(await t.client().get("/api/v1/budget/years"), 401, "UNAUTHENTICATED");
    expectProblem(await t.client().post("/api/v1/suppliers", supplier({})), 401, "UNAUTHENTICATED");
    expectProblem(await admin.post("/api/v1/budget/lines", line({ planned: "-5" })), 400, "VALIDATION_FAILED", "body.planned");
    for (const outsider of [helpdesk, vendor]) {
      for (const path of ["budget/years", "budget/years/2026", "suppliers"]) expectProblem(await outsider.get(`/api/v1/${path}`), 403, "FORBIDDEN");
      expectProblem(await outsider.post("/api/v1/budget/lines", line({})), 403, "FORBIDDEN");
    }
    for (const reader of [head, auditor]) {
      expect((await reader.get("/api/v1/budget/years/2026")).status).toBe(200);
      expect((await reader.get("/api/v1/suppliers")).status).toBe(200);
      expectProblem(await reader.post("/api/v1/budget/lines", line({})), 403, "FORBIDDEN");
      expectProblem(await reader.post("/api/v1/suppliers", supplier({})), 403, "FORBIDDEN");
    }
  });

  it("plans lines by component, records realisations, summarises the share and refuses over-realisation", async () => {
    const internet = await admin.post<BudgetLine>("/api/v1/budget/lines", line({}));
    expect(internet.status, internet.text).toBe(201);
    expect(internet.body).toMatchObject({ component: "internet", category: "operating", planned: "120000000", realised: "0", remaining: "120000000", realisedPercent: 0, asset: null });
    const server = await admin.post<BudgetLine>("/api/v1/budget/lines", line({ component: "servers", description: "Server cadangan", planned: "85000000.50", assetId }));
    expect(server.body).toMatchObject({ category: "capital", planned: "85000000.50", asset: { id: assetId, code: "HW-SRV-01" } });

    const r1 = await admin.post<BudgetLine>(`/api/v1/budget/lines/${internet.body.id}/realisations`, { realisedOn: "2026-06-30", amount: "30000000", description: "Triwulan II", reference: "SP2D 00123/LS/2026" });
    expect(r1.status, r1.text).toBe(201);
    expect(r1.body).toMatchObject({ realised: "30000000", remaining: "90000000", realisedPercent: 25 });
    expect(r1.body.realisations).toEqual([{ id: expect.any(String), realisedOn: "2026-06-30", amount: "30000000", description: "Triwulan II", reference: "SP2D 00123/LS/2026" }]);

    const before = await t.deps.eventLog.size();
    const over = expectProblem(await admin.post(`/api/v1/budget/lines/${internet.body.id}/realisations`, { realisedOn: "2026-09-30", amount: "90000000.01", description: "Triwulan III", reference: "SP2D 00200" }), 409, "CONFLICT", "body.amount");
    expect(over.messages.id).toContain("Rp90.000.000");
    for (const [body, field] of [
      [{ realisedOn: "2026-09-30", amount: "abc", description: "Triwulan III", reference: "" }, "body.amount"],
      [{ realisedOn: "2026-09-30", amount: "0", description: "Triwulan III", reference: "" }, "body.amount"],
      [{ realisedOn: "2025-12-30", amount: "1000", description: "Tahun lalu", reference: "" }, "body.realisedOn"],
      [{ realisedOn: "2026-12-01", amount: "1000", description: "Besok-besok", reference: "" }, "body.realisedOn"],
    ] as const) {
      expectProblem(await admin.post(`/api/v1/budget/lines/${internet.body.id}/realisations`, body), 400, "VALIDATION_FAILED", field);
    }
    expectProblem(await admin.post("/api/v1/budget/lines", line({ planned: "12.345" })), 400, "VALIDATION_FAILED", "body.planned");
    expectProblem(await admin.post("/api/v1/budget/lines", line({ assetId: "00000000-0000-4000-8000-000000000000" })), 400, "VALIDATION_FAILED", "body.assetId");
    expectProblem(await admin.post("/api/v1/budget/lines", line({ component: "coffee" })), 400, "VALIDATION_FAILED", "body.component");
    expect(await t.deps.eventLog.size()).toBe(before);

    const year = await head.get<BudgetYear>("/api/v1/budget/years/2026");
    expect(year.body.total).toEqual({ planned: "205000000.50", realised: "30000000", realisedPercent: 14.6 });
    expect(year.body.byCategory.operating).toEqual({ planned: "120000000", realised: "30000000", realisedPercent: 25 });
    expect(year.body.byComponent.map((c) => [c.component, c.realisedPercent])).toEqual([["internet", 25], ["servers", 0]]);
    expect(year.body.can.manage).toBe(false);
    const list = await auditor.get<{ items: { year: number; closed: boolean }[] }>("/api/v1/budget/years");
    expect(list.body.items).toEqual([{ year: 2026, closed: false, total: year.body.total }]);
  });

  it("closes a fiscal year: no further lines or realisations", async () => {
    await admin.post<BudgetLine>("/api/v1/budget/lines", line({ year: 2025, component: "ups", description: "Baterai UPS", planned: "15000000" }));
    const lineId = (await admin.get<BudgetYear>("/api/v1/budget/years/2025")).body.lines[0]?.id as string;
    await admin.post(`/api/v1/budget/lines/${lineId}/realisations`, { realisedOn: "2025-08-01", amount: "14500000", description: "Penggantian baterai", reference: "SP2D 00777" });
    const closed = await admin.post<BudgetYear>("/api/v1/budget/years/2025/close", {});
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ year: 2025, closed: true, can: { manage: false } });
    const before = await t.deps.eventLog.size();
    expectProblem(await admin.post(`/api/v1/budget/lines/${lineId}/realisations`, { realisedOn: "2025-09-01", amount: "100", description: "Sisa", reference: "" }), 409, "CONFLICT", "params.lineId");
    expectProblem(await admin.post("/api/v1/budget/lines", line({ year: 2025 })), 409, "CONFLICT", "body.year");
    expectProblem(await admin.post("/api/v1/budget/years/2025/close", {}), 409, "CONFLICT", "params.year");
    expectProblem(await admin.post("/api/v1/budget/years/2031/close", {}), 404, "NOT_FOUND");
    expect(await t.deps.eventLog.size()).toBe(before);
    expect((await admin.get<BudgetLine>(`/api/v1/budget/lines/${lineId}`)).body).toMatchObject({ realised: "14500000", yearClosed: true });
  });

  it("registers suppliers with SLA targets, computes met or not in reviews and flags contracts near their end", async () => {
    const isp = await admin.post<Supplier>("/api/v1/suppliers", supplier({ assetIds: [assetId], targets: [{ metric: "Uptime", target: "99.5", unit: "%", direction: "at_least" }, { metric: "Waktu respons", target: "4", unit: "jam", direction: "at_most" }] }));
    expect(isp.status, isp.text).toBe(201);
    // 2026-11-26 to 2026-12-31 is 35 days: within the 90-day alert.
    expect(isp.body).toMatchObject({ contract: { state: "expiring", daysLeft: 35 }, assets: [{ id: assetId, code: "HW-SRV-01", name: "Server aplikasi" }] });
    const [uptime, response] = isp.body.targets.sort((a, b) => a.metric.localeCompare(b.metric));
    expect(uptime).toMatchObject({ metric: "Uptime", target: "99.5", unit: "%", direction: "at_least" });

    const review = await admin.post<Supplier>(`/api/v1/suppliers/${isp.body.id}/reviews`, {
      periodFrom: "2026-07-01", periodTo: "2026-09-30", rating: 3, notes: "Gangguan serat optik Agustus",
      measurements: [{ targetId: uptime?.id, measured: "99.1" }, { targetId: response?.id, measured: "3.5" }],
    });
    expect(review.status, review.text).toBe(201);
    const recorded = review.body.reviews[0];
    expect(recorded).toMatchObject({ rating: 3, allMet: false });
    expect(recorded?.measurements.find((m) => m.metric === "Uptime")).toMatchObject({ measured: "99.1", target: "99.5", met: false });
    expect(recorded?.measurements.find((m) => m.metric === "Waktu respons")).toMatchObject({ measured: "3.5", met: true });

    const other = (await admin.post<Supplier>("/api/v1/suppliers", supplier({ name: "PT Pemeliharaan Jaya", service: "hardware_maintenance", contractEndsOn: "2027-12-31" }))).body;
    expect(other.contract.state).toBe("ok");
    const before = await t.deps.eventLog.size();
    expectProblem(await admin.post(`/api/v1/suppliers/${other.id}/reviews`, { periodFrom: "2026-07-01", periodTo: "2026-09-30", rating: 4, notes: "", measurements: [{ targetId: uptime?.id, measured: "99.9" }] }), 400, "VALIDATION_FAILED", "body.measurements.0.targetId");
    expectProblem(await admin.post(`/api/v1/suppliers/${other.id}/reviews`, { periodFrom: "2026-07-01", periodTo: "2026-06-30", rating: 4, notes: "", measurements: [{ targetId: uptime?.id, measured: "99.9" }] }), 400, "VALIDATION_FAILED", "body.periodTo");
    expectProblem(await admin.post(`/api/v1/suppliers/${other.id}/reviews`, { periodFrom: "2026-07-01", periodTo: "2026-09-30", rating: 4, notes: "", measurements: [{ targetId: uptime?.id, measured: "-1" }] }), 400, "VALIDATION_FAILED", "body.measurements.0.measured");
    expectProblem(await admin.post("/api/v1/suppliers", supplier({ contractStartsOn: "2026-06-01", contractEndsOn: "2026-05-31" })), 400, "VALIDATION_FAILED", "body.contractEndsOn");
    expectProblem(await admin.post("/api/v1/suppliers", supplier({ assetIds: ["00000000-0000-4000-8000-000000000000"] })), 400, "VALIDATION_FAILED", "body.assetIds.0");
    expectProblem(await admin.post("/api/v1/suppliers", supplier({ targets: [{ metric: "Uptime", target: "99,5%", unit: "%", direction: "at_least" }] })), 400, "VALIDATION_FAILED", "body.targets.0.target");
    expectProblem(await admin.get("/api/v1/suppliers/00000000-0000-4000-8000-000000000000"), 404, "NOT_FOUND");
    expect(await t.deps.eventLog.size()).toBe(before);

    const list = await auditor.get<{ items: Supplier[]; alerts: number; alertDays: number }>("/api/v1/suppliers");
    expect(list.body).toMatchObject({ alerts: 1, alertDays: 90 });
    expect(list.body.items.map((s) => s.name)).toEqual(["PT Telkom Indonesia", "PT Pemeliharaan Jaya"]);
    expect(list.body.items[0]?.can.manage).toBe(false);
  });

  it("keeps an asset that a budget line or a supplier names (409 naming them), and deletes it once nothing does", async () => {
    const made = async (code: string) => (await admin.post<{ id: string }>("/api/v1/registers/assets", { code, name: `Perangkat ${code}`, type: "hardware", owner: "Admin PPE", location: "Ruang server", confidentiality: 1, integrity: 1, availability: 1 })).body.id;
    const forLine = await made("HW-UPS-09");
    const forSupplier = await made("HW-RTR-09");
    expect((await admin.post("/api/v1/budget/lines", line({ component: "ups", description: "UPS ruang server", planned: "15000000", assetId: forLine }))).status).toBe(201);
    expect((await admin.post("/api/v1/suppliers", supplier({ name: "CV Jaringan Andal", assetIds: [forSupplier] }))).status).toBe(201);
    expect(expectProblem(await admin.delete(`/api/v1/registers/assets/${forLine}`), 409, "CONFLICT").detail).toContain("UPS ruang server");
    expect(expectProblem(await admin.delete(`/api/v1/registers/assets/${forSupplier}`), 409, "CONFLICT").detail).toContain("CV Jaringan Andal");
    expect((await admin.get(`/api/v1/registers/assets/${forLine}`)).status).toBe(200);
    const unused = await made("HW-PC-09");
    expect((await admin.delete(`/api/v1/registers/assets/${unused}`)).status).toBe(204);
  });
});
