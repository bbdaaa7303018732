import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildUser, buildVendor, loginAs } from "../../../test/support/factories.js";
import { buildPublishedTender } from "../../../test/support/tenders.js";
import { breachesOf, sampleCapacityIfDue, takeCapacitySample } from "./capacity.sampler.js";
import { p95 } from "./capacity.report.js";
import * as repo from "./operations-registers.repository.js";
import type { CapacityReport, CapacitySample } from "./operations-registers.schemas.js";

const THRESHOLDS = { diskFreeMinPercent: 10, memoryMaxPercent: 85, cpuLoadMaxPercent: 90 };

describe("capacity thresholds and percentiles", () => {
  it("flags free disk below, memory and load per CPU above their thresholds", () => {
    const calm = { loadCenti: 200, cpuCount: 4, systemMemoryTotalBytes: 1000, systemMemoryFreeBytes: 150, diskTotalBytes: 1000, diskFreeBytes: 100 };
    expect(breachesOf(calm, THRESHOLDS)).toEqual([]);
    expect(breachesOf({ ...calm, diskFreeBytes: 99, systemMemoryFreeBytes: 149, loadCenti: 361 }, THRESHOLDS)).toEqual(["disk_free", "memory", "cpu_load"]);
  });

  it("takes the nearest-rank 95th percentile", () => {
    expect(p95([])).toBeNull();
    expect(p95([7])).toBe(7);
    expect(p95(Array.from({ length: 20 }, (_, i) => 20 - i))).toBe(19);
    expect(p95(Array.from({ length: 100 }, (_, i) => i + 1))).toBe(95);
  });
});

describe("the capacity sampler, driven with a controlled clock", () => {
  let t: TestApp;
  let admin: Client;
  let packageId: string;
  let vendor: Awaited<ReturnType<typeof buildVendor>>;

  beforeAll(async () => {
    t = await createTestApp();
    ({ packageId } = await buildPublishedTender(t));
    vendor = await buildVendor(t);
    // The bid-upload stage of pascaSchedule() ends 11 December 2026 14:00 WIB (07:00 UTC).
    t.clock.set(new Date("2026-12-11T06:00:00.000Z"));
    const adminUser = await buildUser(t, "admin_ppe");
    const head = await buildUser(t, "kepala_lpse");
    admin = await loginAs(t, adminUser);
    await loginAs(t, head);
    await loginAs(t, head);
    // Logging in with a second factor moves the clock on: start the samples from a round time.
    t.clock.set(new Date("2026-12-11T06:00:00.000Z"));
  });
  afterAll(() => t.close());

  const bid = async (submittedAt: string) =>
    t.deps.database.db
      .insertInto("bids")
      .values({ id: randomUUID(), package_id: packageId, vendor_id: vendor.vendorId, sha256: "0".repeat(64), size: 1024, status: "active", submitted_by: vendor.id, submitted_at: submittedAt, log_index: 0, ended_at: null })
      .execute();

  it("stores sessions, uploads between samples and bids in the last hour before the deadline", async () => {
    await bid("2026-12-11T05:50:00.000Z"); // 70 minutes before the deadline: not near it
    const first = await takeCapacitySample(t.deps, 5000);
    expect(first).toMatchObject({ taken_at: "2026-12-11T06:00:00.000Z", active_sessions: 3, active_users: 2, bids_near_deadline: 0 });
    expect(Number(first.upload_bytes)).toBe(5000);
    expect(JSON.parse(first.breaches)).toEqual(
      breachesOf(
        {
          loadCenti: first.load_centi, cpuCount: first.cpu_count, systemMemoryTotalBytes: Number(first.system_memory_total_bytes), systemMemoryFreeBytes: Number(first.system_memory_free_bytes),
          diskTotalBytes: Number(first.disk_total_bytes), diskFreeBytes: Number(first.disk_free_bytes),
        },
        THRESHOLDS,
      ),
    );
    expect(Number(first.database_bytes)).toBeGreaterThan(0);
    expect(Number(first.disk_total_bytes)).toBeGreaterThanOrEqual(Number(first.disk_free_bytes));

    await bid("2026-12-11T06:10:00.000Z");
    await bid("2026-12-11T06:14:00.000Z");
    await bid("2026-12-11T06:20:00.000Z");
    t.clock.set(new Date("2026-12-11T06:15:00.000Z"));
    const second = await sampleCapacityIfDue(t.deps, 12000);
    expect(second).toMatchObject({ taken_at: "2026-12-11T06:15:00.000Z", bids_near_deadline: 2 });
    expect(Number(second?.upload_bytes)).toBe(7000);

    t.clock.set(new Date("2026-12-11T06:20:00.000Z"));
    expect(await sampleCapacityIfDue(t.deps, 13000)).toBeNull();

    // The process restarted: its counter began again at 0.
    t.clock.set(new Date("2026-12-11T06:30:00.000Z"));
    const third = await sampleCapacityIfDue(t.deps, 300);
    expect(third).toMatchObject({ bids_near_deadline: 1 });
    expect(Number(third?.upload_bytes)).toBe(300);

    const listed = await admin.get<{ items: CapacitySample[] }>("/api/v1/operations/capacity/samples");
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((s) => [s.takenAt, s.uploadBytes, s.bidsNearDeadline])).toEqual([
      ["2026-12-11T06:30:00.000Z", 300, 1],
      ["2026-12-11T06:15:00.000Z", 7000, 2],
      ["2026-12-11T06:00:00.000Z", 5000, 0],
    ]);
  });

  it("takes no sample when the interval is 0", async () => {
    const settings = (await admin.get<Record<string, unknown>>("/api/v1/settings")).body;
    const operations = settings.operations as Record<string, number>;
    expect(operations).toEqual({ capacitySampleMinutes: 15, diskFreeMinPercent: 10, memoryMaxPercent: 85, cpuLoadMaxPercent: 90, accessReviewDays: 90 });
    expect((await admin.put("/api/v1/settings", { ...settings, operations: { ...operations, capacitySampleMinutes: 0 } })).status).toBe(200);
    t.clock.set(new Date("2026-12-11T09:00:00.000Z"));
    expect(await sampleCapacityIfDue(t.deps, 0)).toBeNull();
  });
});

describe("the monthly capacity report", () => {
  let t: TestApp;
  let admin: Client;
  const ids = { s1: randomUUID(), s2: randomUUID(), s3: randomUUID() };

  const sample = (id: string, takenAt: string, v: { load: number; memFree: number; diskFree: number; db: number; sessions: number; users: number; upload: number; bids: number; rss: number }): repo.SampleRow => {
    const readings = { loadCenti: v.load, cpuCount: 4, systemMemoryTotalBytes: 1000, systemMemoryFreeBytes: v.memFree, diskTotalBytes: 1000, diskFreeBytes: v.diskFree };
    return {
      id, taken_at: takenAt, load_centi: v.load, cpu_count: 4, process_rss_bytes: v.rss, system_memory_total_bytes: 1000, system_memory_free_bytes: v.memFree,
      disk_total_bytes: 1000, disk_free_bytes: v.diskFree, database_bytes: v.db, active_sessions: v.sessions, active_users: v.users, upload_bytes: v.upload,
      upload_counter_bytes: v.upload, bids_near_deadline: v.bids, breaches: JSON.stringify(breachesOf(readings, THRESHOLDS)),
    };
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, await buildUser(t, "admin_ppe"));
    const db = t.deps.database.db;
    const calm = { load: 100, memFree: 500, diskFree: 500, sessions: 1, users: 1, upload: 1, bids: 0, rss: 1 };
    // One minute either side of November in WIB: outside the month.
    await repo.insertSample(db, sample(randomUUID(), "2026-10-31T16:59:59.999Z", { ...calm, db: 1, sessions: 99 }));
    await repo.insertSample(db, sample(randomUUID(), "2026-11-30T17:00:00.000Z", { ...calm, db: 9999, upload: 77777 }));
    await repo.insertSample(db, sample(ids.s1, "2026-10-31T17:00:00.000Z", { load: 200, memFree: 300, diskFree: 500, db: 1000, sessions: 3, users: 2, upload: 100, bids: 0, rss: 200 }));
    await repo.insertSample(db, sample(ids.s2, "2026-11-10T03:00:00.000Z", { load: 400, memFree: 100, diskFree: 80, db: 1200, sessions: 10, users: 7, upload: 5000, bids: 4, rss: 400 }));
    await repo.insertSample(db, sample(ids.s3, "2026-11-20T03:00:00.000Z", { load: 100, memFree: 200, diskFree: 300, db: 1500, sessions: 5, users: 4, upload: 900, bids: 1, rss: 300 }));
  });
  afterAll(() => t.close());

  it("gives peaks, p95, breaches and database growth of the month's samples exactly", async () => {
    const r = await admin.get<CapacityReport>("/api/v1/operations/capacity/report?month=2026-11");
    expect(r.status).toBe(200);
    const { breachedSamples, ...rest } = r.body;
    expect(rest).toEqual({
      month: "2026-11",
      samples: 3,
      figures: {
        loadPercent: { peak: 100, p95: 100 },
        memoryUsedPercent: { peak: 90, p95: 90 },
        processRssBytes: { peak: 400, p95: 400 },
        databaseBytes: { peak: 1500, p95: 1500 },
        activeSessions: { peak: 10, p95: 10 },
        activeUsers: { peak: 7, p95: 7 },
        uploadBytes: { peak: 5000, p95: 5000 },
        bidsNearDeadline: { peak: 4, p95: 4 },
      },
      diskFreePercentLowest: 8,
      uploadBytesTotal: 6000,
      breaches: { disk_free: 1, memory: 1, cpu_load: 1 },
      databaseGrowth: { firstBytes: 1000, lastBytes: 1500, growthBytes: 500, growthPercent: 50 },
      thresholds: THRESHOLDS,
    });
    expect(breachedSamples.map((s) => [s.id, s.loadPercent, s.memoryUsedPercent, s.diskFreePercent, s.breaches])).toEqual([[ids.s2, 100, 90, 8, ["disk_free", "memory", "cpu_load"]]]);
  });

  it("reports an empty month with no figures", async () => {
    const r = await admin.get<CapacityReport>("/api/v1/operations/capacity/report?month=2026-09");
    expect(r.body).toMatchObject({ samples: 0, figures: { loadPercent: { peak: null, p95: null } }, diskFreePercentLowest: null, uploadBytesTotal: 0, breachedSamples: [], databaseGrowth: { growthBytes: null } });
  });
});
