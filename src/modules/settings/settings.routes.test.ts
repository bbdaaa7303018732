import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildUser, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { DEFAULT_SETTINGS, type LpseSettings } from "./settings.schemas.js";

describe("LPSE settings and the holiday calendar", () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, "admin_ppe");
  });
  afterAll(() => t.close());

  it("reads defaults, saves a new zone and working hours, and shows them publicly", async () => {
    const client = await loginAs(t, admin);
    const current = await client.get<LpseSettings>("/api/v1/settings");
    expect(current.body).toEqual(DEFAULT_SETTINGS);
    // The ceilings above which the PA/KPA names the winner (Perpres 16/2018 art. 9).
    expect(current.body.procurementRules).toMatchObject({ paKpaWinnerLimit: "100000000000", paKpaWinnerConsultancyLimit: "10000000000" });
    const next: LpseSettings = { ...current.body, name: "LPSE Kabupaten Ngawi", region: "Kabupaten Ngawi, Jawa Timur", timeZone: "WITA", workingHours: { start: "07:30", end: "16:00" } };
    const saved = await client.put<LpseSettings>("/api/v1/settings", next);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toEqual(next);
    const pub = await t.client().get<{ name: string; timeZone: string; ianaZone: string; serverTime: string }>("/api/v1/public/lpse");
    expect(pub.body).toMatchObject({ name: "LPSE Kabupaten Ngawi", timeZone: "WITA", ianaZone: "Asia/Makassar" });
    expect(pub.body.serverTime).toBe(t.clock.now().toISOString());
  });

  it("refuses bad settings naming the field, and changes nothing", async () => {
    const client = await loginAs(t, admin);
    const before = (await client.get<LpseSettings>("/api/v1/settings")).body;
    expectProblem(await client.put("/api/v1/settings", { ...before, workingHours: { start: "16:00", end: "08:00" } }), 400, "VALIDATION_FAILED", "body.workingHours.end");
    expectProblem(await client.put("/api/v1/settings", { ...before, workingHours: { start: "8", end: "16:00" } }), 400, "VALIDATION_FAILED", "body.workingHours.start");
    expectProblem(await client.put("/api/v1/settings", { ...before, timeZone: "UTC" }), 400, "VALIDATION_FAILED", "body.timeZone");
    expectProblem(await client.put("/api/v1/settings", { ...before, workingDays: [1, 1] }), 400, "VALIDATION_FAILED", "body.workingDays");
    expectProblem(
      await client.put("/api/v1/settings", { ...before, stageMinimums: { pengumuman: { amount: -1, unit: "working_days" } } }),
      400,
      "VALIDATION_FAILED",
      "body.stageMinimums.pengumuman.amount",
    );
    expectProblem(await client.put("/api/v1/settings", { ...before, stageMinimums: { lelang: { amount: 1, unit: "hours" } } }), 400, "VALIDATION_FAILED");
    const rules = before.procurementRules ?? {};
    expectProblem(await client.put("/api/v1/settings", { ...before, procurementRules: { ...rules, paKpaWinnerLimit: "100.000.000.000" } }), 400, "VALIDATION_FAILED", "body.procurementRules.paKpaWinnerLimit");
    expectProblem(await client.put("/api/v1/settings", { ...before, procurementRules: { ...rules, paKpaWinnerConsultancyLimit: -1 } }), 400, "VALIDATION_FAILED", "body.procurementRules.paKpaWinnerConsultancyLimit");
    expect((await client.get<LpseSettings>("/api/v1/settings")).body).toEqual(before);
    const ppk = await loginAs(t, await buildUser(t, "ppk"));
    expectProblem(await ppk.put("/api/v1/settings", before), 403, "FORBIDDEN");
    expect((await ppk.get("/api/v1/settings")).status).toBe(200);
  });

  it("keeps the holiday calendar: add, list by year (public), refuse duplicates and impossible dates, delete", async () => {
    const client = await loginAs(t, admin);
    const added = await client.post("/api/v1/holidays", { date: "2026-08-17", name: "Hari Kemerdekaan RI", kind: "national" });
    expect(added.status, added.text).toBe(201);
    await client.post("/api/v1/holidays", { date: "2027-01-01", name: "Tahun Baru 2027", kind: "national" });
    expectProblem(await client.post("/api/v1/holidays", { date: "2026-08-17", name: "Lagi", kind: "national" }), 409, "CONFLICT", "body.date");
    expectProblem(await client.post("/api/v1/holidays", { date: "2026-02-30", name: "Tidak ada", kind: "national" }), 400, "VALIDATION_FAILED", "body.date");
    expectProblem(await client.post("/api/v1/holidays", { date: "2026-12-24", name: "Cuti", kind: "libur" }), 400, "VALIDATION_FAILED", "body.kind");
    const list = await t.client().get<{ items: { date: string }[] }>("/api/v1/holidays?year=2026");
    expect(list.body.items.map((h) => h.date)).toEqual(["2026-08-17"]);
    expectProblem(await t.client().get("/api/v1/holidays?year=abc"), 400, "VALIDATION_FAILED", "query.year");
    expect((await client.delete("/api/v1/holidays/2026-08-17")).status).toBe(204);
    expectProblem(await client.delete("/api/v1/holidays/2026-08-17"), 404, "NOT_FOUND");
  });
});
