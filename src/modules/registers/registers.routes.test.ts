import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { createEmptyTestDatabase } from "../../../test/support/database.js";
import { buildUser, buildVendor, loginAs } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { knownMigrations } from "../../db/migrate.js";
import { ManualClock } from "../../server/clock.js";
import { loadConfig } from "../../server/config.js";
import { openRuntime, startServer } from "../../server/start.js";
import { recordPlatformChange } from "./changes.service.js";

interface Asset { id: string; code: string; value: number; valueClass: string; expiry: { state: string; daysLeft: number | null }; riskCount: number }
interface Risk { id: string; score: number; level: string; likelihood: number; openTasks: number; tasks: { id: string; status: string; overdue: boolean }[] }
interface HeatCell { impact: number; likelihood: number; count: number; riskIds: string[]; highest: string | null }
interface Change { id: string; status: string; origin: string; migrations: string[]; appVersion: string | null; can: { decide: boolean; implement: boolean; review: boolean } }

const asset = (over: Record<string, unknown> = {}) => ({
  code: "HW-SRV-01", name: "Server aplikasi SPSE", type: "hardware", owner: "Admin PPE", location: "Ruang server lantai 2",
  confidentiality: 3, integrity: 3, availability: 2, acquiredOn: "2022-01-10", expiresOn: "2027-01-31", ...over,
});
const risk = (assetId: string, over: Record<string, unknown> = {}) => ({
  assetId, title: "Kegagalan catu daya", description: "UPS tua tidak menahan beban saat listrik padam.", impact: 4, threat: 2, vulnerability: 3, exposure: 2,
  treatment: "mitigate", owner: "Admin PPE", ...over,
});

describe("asset, risk and change registers", () => {
  let t: TestApp;
  let admin: Client;
  let adminId: string;
  let head: Client;
  let helpdesk: Client;
  let auditor: Client;
  let vendor: Client;
  let ppk: Client;
  let anonymous: Client;

  beforeAll(async () => {
    // 10:00 WIB, 26 November 2026.
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00.000Z") });
    const adminUser = await buildUser(t, "admin_ppe");
    adminId = adminUser.id;
    admin = await loginAs(t, adminUser);
    head = await loginAs(t, await buildUser(t, "kepala_lpse"));
    helpdesk = await loginAs(t, await buildUser(t, "helpdesk"));
    auditor = await loginAs(t, await buildUser(t, "auditor"));
    vendor = await loginAs(t, await buildVendor(t));
    ppk = await loginAs(t, await buildUser(t, "ppk"));
    anonymous = t.client();
  });
  afterAll(() => t.close());

  const eventTypes = async (id: string) => (await t.deps.database.db.selectFrom("events").select("type").where("subject_id", "=", id).orderBy("idx").execute()).map((r) => r.type);

  describe("assets (standard 3)", () => {
    let serverId = "";

    it("adds an asset with its value C + I + A and classification", async () => {
      const r = await admin.post<Asset>("/api/v1/registers/assets", asset());
      expect(r.status, r.text).toBe(201);
      expect(r.body).toMatchObject({ code: "HW-SRV-01", value: 8, valueClass: "tinggi", expiry: { state: "expiring", daysLeft: 66 }, riskCount: 0 });
      serverId = r.body.id;
      expect(await eventTypes(serverId)).toEqual(["register.asset_created"]);
    });

    it("flags assets expiring within the alert days and expired ones on the list", async () => {
      await admin.post("/api/v1/registers/assets", asset({ code: "SW-DB-01", name: "Lisensi basis data", type: "software", confidentiality: 2, integrity: 2, availability: 1, acquiredOn: null, expiresOn: "2026-11-01" }));
      await admin.post("/api/v1/registers/assets", asset({ code: "FC-RS-01", name: "Ruang server", type: "facility", confidentiality: 1, integrity: 1, availability: 1, acquiredOn: null, expiresOn: null }));
      const r = await head.get<{ items: Asset[]; alerts: number; alertDays: number; today: string; can: { manage: boolean } }>("/api/v1/registers/assets");
      expect(r.status).toBe(200);
      expect(r.body.today).toBe("2026-11-26");
      expect(r.body.alertDays).toBe(90);
      expect(r.body.alerts).toBe(2);
      expect(r.body.can.manage).toBe(false);
      expect(r.body.items.map((a) => [a.code, a.value, a.valueClass, a.expiry.state])).toEqual([
        ["FC-RS-01", 3, "rendah", "none"],
        ["HW-SRV-01", 8, "tinggi", "expiring"],
        ["SW-DB-01", 5, "sedang", "expired"],
      ]);
    });

    it("takes the alert days from the settings", async () => {
      const settings = (await admin.get<Record<string, unknown>>("/api/v1/settings")).body;
      const put = await admin.put("/api/v1/settings", { ...settings, registers: { assetExpiryAlertDays: 30, riskLowMax: 24, riskMediumMax: 64 } });
      expect(put.status, put.text).toBe(200);
      const r = await auditor.get<{ items: Asset[]; alerts: number }>("/api/v1/registers/assets");
      expect(r.body.alerts).toBe(1);
      expect(r.body.items.find((a) => a.code === "HW-SRV-01")?.expiry.state).toBe("ok");
      await admin.put("/api/v1/settings", { ...settings, registers: { assetExpiryAlertDays: 90, riskLowMax: 24, riskMediumMax: 64 } });
    });

    it("updates an asset and refuses a code already used, an expiry before acquisition and ratings outside 1–3", async () => {
      const r = await admin.put<Asset>(`/api/v1/registers/assets/${serverId}`, asset({ availability: 3 }));
      expect(r.status, r.text).toBe(200);
      expect(r.body.value).toBe(9);
      expectProblem(await admin.put(`/api/v1/registers/assets/${serverId}`, asset({ code: "SW-DB-01" })), 409, "CONFLICT", "body.code");
      expectProblem(await admin.post("/api/v1/registers/assets", asset({ code: "HW-X", expiresOn: "2021-01-01" })), 400, "VALIDATION_FAILED", "body.expiresOn");
      expectProblem(await admin.post("/api/v1/registers/assets", asset({ code: "HW-Y", confidentiality: 4 })), 400, "VALIDATION_FAILED", "body.confidentiality");
      expectProblem(await admin.post("/api/v1/registers/assets", asset({ code: "hw x!" })), 400, "VALIDATION_FAILED", "body.code");
      expectProblem(await admin.get("/api/v1/registers/assets/7b0c5a4e-8f7a-4c44-9d7e-3c1f2d9b0a11"), 404, "NOT_FOUND");
    });

    it("lets only the administrator write; helpdesk, head and auditor read; others are refused", async () => {
      expectProblem(await anonymous.get("/api/v1/registers/assets"), 401, "UNAUTHENTICATED");
      expectProblem(await vendor.get("/api/v1/registers/assets"), 403, "FORBIDDEN");
      expectProblem(await ppk.get("/api/v1/registers/assets"), 403, "FORBIDDEN");
      expect((await helpdesk.get(`/api/v1/registers/assets/${serverId}`)).status).toBe(200);
      for (const c of [helpdesk, head, auditor]) expectProblem(await c.post("/api/v1/registers/assets", asset({ code: "HW-Z" })), 403, "FORBIDDEN");
    });
  });

  describe("risks (standard 4)", () => {
    let assetId = "";
    let riskId = "";

    beforeAll(async () => {
      assetId = (await admin.post<Asset>("/api/v1/registers/assets", asset({ code: "DT-BID-01", name: "Berkas penawaran", type: "data" }))).body.id;
    });

    it("scores a risk, levels it by the thresholds and places it on the heat map", async () => {
      const r = await admin.post<Risk>("/api/v1/registers/risks", risk(assetId));
      expect(r.status, r.text).toBe(201);
      // 4 × 2 × 3 × 2 = 48: sedang; likelihood 2 × 3 × 2 = 12 → band 2.
      expect(r.body).toMatchObject({ score: 48, level: "sedang", likelihood: 2, openTasks: 0 });
      riskId = r.body.id;
      const low = await admin.post<Risk>("/api/v1/registers/risks", risk(assetId, { title: "Salah konfigurasi", impact: 2, threat: 3, vulnerability: 2, exposure: 2 }));
      expect(low.body).toMatchObject({ score: 24, level: "rendah", likelihood: 2 });
      const high = await admin.post<Risk>("/api/v1/registers/risks", risk(assetId, { title: "Peretasan", impact: 4, threat: 4, vulnerability: 3, exposure: 4 }));
      expect(high.body).toMatchObject({ score: 192, level: "tinggi", likelihood: 4 });

      const list = await auditor.get<{ items: Risk[]; heatMap: HeatCell[]; thresholds: { riskLowMax: number; riskMediumMax: number } }>("/api/v1/registers/risks");
      expect(list.status).toBe(200);
      expect(list.body.items.map((i) => i.score)).toEqual([192, 48, 24]);
      expect(list.body.heatMap).toHaveLength(16);
      expect(list.body.heatMap.find((c) => c.impact === 4 && c.likelihood === 2)).toEqual({ impact: 4, likelihood: 2, count: 1, riskIds: [riskId], highest: "sedang" });
      expect(list.body.heatMap.find((c) => c.impact === 4 && c.likelihood === 4)).toMatchObject({ count: 1, highest: "tinggi" });
      expect(list.body.heatMap.find((c) => c.impact === 2 && c.likelihood === 2)).toMatchObject({ count: 1, highest: "rendah" });
      expect(list.body.heatMap.reduce((n, c) => n + c.count, 0)).toBe(3);
      expect((await head.get<{ riskCount: number }>(`/api/v1/registers/assets/${assetId}`)).body.riskCount).toBe(3);
    });

    it("moves the levels when the thresholds change", async () => {
      const settings = (await admin.get<Record<string, unknown>>("/api/v1/settings")).body;
      await admin.put("/api/v1/settings", { ...settings, registers: { assetExpiryAlertDays: 90, riskLowMax: 48, riskMediumMax: 100 } });
      const list = await admin.get<{ items: Risk[]; thresholds: { riskLowMax: number } }>("/api/v1/registers/risks");
      expect(list.body.thresholds.riskLowMax).toBe(48);
      expect(list.body.items.map((i) => i.level)).toEqual(["tinggi", "rendah", "rendah"]);
      expectProblem(await admin.put("/api/v1/settings", { ...settings, registers: { assetExpiryAlertDays: 90, riskLowMax: 64, riskMediumMax: 24 } }), 400, "VALIDATION_FAILED", "body.registers.riskMediumMax");
      await admin.put("/api/v1/settings", { ...settings, registers: { assetExpiryAlertDays: 90, riskLowMax: 24, riskMediumMax: 64 } });
    });

    it("re-assesses a risk and tracks mitigation tasks with their status and overdue flag", async () => {
      const updated = await admin.put<Risk>(`/api/v1/registers/risks/${riskId}`, risk(assetId, { vulnerability: 4, exposure: 3 }));
      expect(updated.body).toMatchObject({ score: 96, level: "tinggi", likelihood: 3 });
      const added = await admin.post<Risk>(`/api/v1/registers/risks/${riskId}/tasks`, { action: "Ganti baterai UPS", owner: "Teknisi", dueDate: "2026-11-20", status: "open" });
      expect(added.status, added.text).toBe(201);
      expect(added.body.tasks).toMatchObject([{ status: "open", overdue: true }]);
      expect(added.body.openTasks).toBe(1);
      const taskId = added.body.tasks[0]?.id as string;
      const done = await admin.put<Risk>(`/api/v1/registers/risks/${riskId}/tasks/${taskId}`, { action: "Ganti baterai UPS", owner: "Teknisi", dueDate: "2026-11-20", status: "done" });
      expect(done.body.tasks).toMatchObject([{ status: "done", overdue: false }]);
      expect(done.body.openTasks).toBe(0);
      expect(await eventTypes(riskId)).toEqual(["register.risk_created", "register.risk_updated", "register.risk_task_added", "register.risk_task_updated"]);
    });

    it("refuses factors outside 1–4, an unknown asset, and writes by readers; keeps an asset that has risks", async () => {
      expectProblem(await admin.post("/api/v1/registers/risks", risk(assetId, { exposure: 5 })), 400, "VALIDATION_FAILED", "body.exposure");
      expectProblem(await admin.post("/api/v1/registers/risks", risk("7b0c5a4e-8f7a-4c44-9d7e-3c1f2d9b0a11")), 400, "VALIDATION_FAILED", "body.assetId");
      expectProblem(await head.post("/api/v1/registers/risks", risk(assetId)), 403, "FORBIDDEN");
      expectProblem(await vendor.get(`/api/v1/registers/risks/${riskId}`), 403, "FORBIDDEN");
      expectProblem(await admin.delete(`/api/v1/registers/assets/${assetId}`), 409, "CONFLICT");
      const spare = await admin.post<Asset>("/api/v1/registers/assets", asset({ code: "PP-ADM-01", name: "Admin cadangan", type: "people" }));
      expect((await admin.delete(`/api/v1/registers/assets/${spare.body.id}`)).status).toBe(204);
      expectProblem(await admin.get(`/api/v1/registers/assets/${spare.body.id}`), 404, "NOT_FOUND");
    });
  });

  describe("changes (standard 6)", () => {
    const proposal = { title: "Tambah memori server aplikasi", description: "Menambah RAM server aplikasi dari 16 GB ke 32 GB.", reason: "Beban puncak saat batas unggah penawaran." };

    it("walks a change from proposed to approved, implemented and reviewed", async () => {
      const r = await helpdesk.post<Change>("/api/v1/registers/changes", proposal);
      expect(r.status, r.text).toBe(201);
      expect(r.body).toMatchObject({ status: "proposed", origin: "manual", can: { decide: false } });
      const id = r.body.id;
      expect((await head.get<Change>(`/api/v1/registers/changes/${id}`)).body.can.decide).toBe(true);
      expectProblem(await admin.post(`/api/v1/registers/changes/${id}/implementation`, { note: "Sudah dipasang" }), 409, "OUT_OF_STAGE");
      const approved = await head.post<Change>(`/api/v1/registers/changes/${id}/decision`, { decision: "approved", note: "Disetujui" });
      expect(approved.status, approved.text).toBe(200);
      expect(approved.body.status).toBe("approved");
      expectProblem(await admin.post(`/api/v1/registers/changes/${id}/decision`, { decision: "rejected", note: "Terlambat" }), 409, "OUT_OF_STAGE");
      expectProblem(await head.post(`/api/v1/registers/changes/${id}/implementation`, { note: "Sudah dipasang" }), 403, "FORBIDDEN");
      expect((await admin.post<Change>(`/api/v1/registers/changes/${id}/implementation`, { note: "RAM dipasang 1 Desember" })).body.status).toBe("implemented");
      expect((await head.post<Change>(`/api/v1/registers/changes/${id}/review`, { note: "Beban turun 40%" })).body.status).toBe("reviewed");
      expect(await eventTypes(id)).toEqual(["register.change_proposed", "register.change_approved", "register.change_implemented", "register.change_reviewed"]);
    });

    it("refuses approval by the proposer and by roles that do not decide", async () => {
      const mine = await admin.post<Change>("/api/v1/registers/changes", proposal);
      expect(mine.body.can.decide).toBe(false);
      const refused = expectProblem(await admin.post(`/api/v1/registers/changes/${mine.body.id}/decision`, { decision: "approved", note: "Saya setujui" }), 403, "FORBIDDEN");
      expect(refused.messages.id).toContain("pengaju");
      expectProblem(await helpdesk.post(`/api/v1/registers/changes/${mine.body.id}/decision`, { decision: "approved", note: "Setuju" }), 403, "FORBIDDEN");
      expectProblem(await auditor.post("/api/v1/registers/changes", proposal), 403, "FORBIDDEN");
      expectProblem(await admin.post(`/api/v1/registers/changes/${mine.body.id}/decision`, { decision: "maybe", note: "Setuju" }), 400, "VALIDATION_FAILED", "body.decision");
      const rejected = await head.post<Change>(`/api/v1/registers/changes/${mine.body.id}/decision`, { decision: "rejected", note: "Belum ada anggaran" });
      expect(rejected.body.status).toBe("rejected");
      expectProblem(await admin.post(`/api/v1/registers/changes/${mine.body.id}/implementation`, { note: "Tetap dipasang" }), 409, "OUT_OF_STAGE");
    });

    it("records the platform's own version and migrations once per version and migration set", async () => {
      const db = t.deps.database.db;
      const first = await recordPlatformChange(db, { version: "9.9.0", knownMigrations: knownMigrations(), applied: ["20261126T1220-registers"] }, t.clock.now());
      expect(first).not.toBeNull();
      expect(await recordPlatformChange(db, { version: "9.9.0", knownMigrations: knownMigrations(), applied: [] }, t.clock.now())).toBeNull();
      const next = await recordPlatformChange(db, { version: "9.9.1", knownMigrations: knownMigrations(), applied: [] }, t.clock.now());
      expect(next).not.toBeNull();
      const list = await auditor.get<{ items: Change[] }>("/api/v1/registers/changes?origin=automatic");
      const recorded = list.body.items.map((c) => [c.appVersion, c.status, c.migrations]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      expect(recorded).toEqual([
        ["9.9.0", "implemented", ["20261126T1220-registers"]],
        ["9.9.1", "implemented", []],
      ]);
      expect(await eventTypes(first as string)).toEqual(["register.change_recorded_automatically"]);
    });
  });
});

describe("the automatic change when the server starts and migrates", () => {
  it("records the applied migrations on the first start, nothing on a restart, and nothing when only opened", async () => {
    const empty = await createEmptyTestDatabase();
    try {
      const config = loadConfig({ DATA_DIR: empty.dataDir, LOG_LEVEL: "silent", DATABASE_URL: empty.databaseUrl, PORT: "0", HOST: "127.0.0.1" });
      const clock = new ManualClock(new Date("2026-11-26T03:00:00.000Z"));
      // Opening alone (restore, verify, backup) migrates but records nothing: a restored log stays as it was.
      const opened = await openRuntime(config, clock);
      expect(opened.migrationsApplied).toEqual(knownMigrations());
      expect(await opened.deps.database.db.selectFrom("register_changes").select("id").execute()).toHaveLength(0);
      await opened.close();

      const empty2 = await createEmptyTestDatabase();
      try {
        const fresh = loadConfig({ DATA_DIR: empty2.dataDir, LOG_LEVEL: "silent", DATABASE_URL: empty2.databaseUrl, PORT: "0", HOST: "127.0.0.1" });
        const first = await startServer(await openRuntime(fresh, clock));
        const rows = await first.runtime.deps.database.db.selectFrom("register_changes").selectAll().execute();
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ origin: "automatic", status: "implemented" });
        expect(JSON.parse(rows[0]?.migrations ?? "[]")).toEqual(knownMigrations());
        await first.close();
        clock.set(new Date("2026-11-27T03:00:00.000Z"));
        const again = await startServer(await openRuntime(fresh, clock));
        expect(again.runtime.migrationsApplied).toEqual([]);
        expect(await again.runtime.deps.database.db.selectFrom("register_changes").select("id").execute()).toHaveLength(1);
        await again.close();
      } finally {
        await empty2.destroy();
      }
    } finally {
      await empty.destroy();
    }
  });
});
