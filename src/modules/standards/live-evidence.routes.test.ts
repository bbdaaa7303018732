import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../../test/support/database.js";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildUser, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { createBackup } from "../backups/backup.service.js";
import { runDrill } from "../backups/drill.service.js";
import { CATALOG_V1 } from "./catalog/v1.js";
import type { CriterionLive } from "./live-evidence.schemas.js";
import type { CycleView } from "./standards.schemas.js";

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-11-26T03:00:00.000Z");
const HOUR = 60 * 60 * 1000;
const ALL_CRITERIA = CATALOG_V1.standards.flatMap((s) => s.criteria.map((k) => k.code));

interface Reading {
  key: string;
  value: string;
  passes: boolean;
  dataTime: string;
  summary: { id: string; en: string };
}

describe("live evidence", () => {
  let t: TestApp;
  const backupDir = tempDir("openlpse-live-backups-");
  const users: Record<"head" | "assessor" | "second" | "auditor" | "outsider", TestUser> = {} as never;
  const login = (key: keyof typeof users) => loginAs(t, users[key]);

  /** A real backup and a real restore drill at the clock's time. */
  async function drillAt(at: Date) {
    t.clock.set(at);
    await createBackup(t.deps.config, { outRoot: backupDir, now: at });
    const drill = await runDrill({ ...t.deps, config: { ...t.deps.config, backupDir } });
    expect(drill.row.ok, drill.lines.join("\n")).toBe(1);
  }

  /** A staff ticket filed at `filed` (P3: first response 8 h, resolution 72 h), replied and resolved after the given hours. */
  async function ticket(filed: Date, replyAfter: number | null, resolveAfter: number) {
    // Each step logs in again: the clock moves further than a session lasts.
    const staff = async () => login("assessor");
    t.clock.set(filed);
    const created = await (await staff()).post<{ id: string }>("/api/v1/helpdesk/tickets", {
      channel: "phone", name: "Penyedia Uji", email: "penyedia@uji.test", subject: "Tidak bisa unggah", description: "Unggahan dokumen penawaran gagal terus.",
      type: "incident", technical: true, userGroup: "vendor", urgency: "medium", impact: "medium",
    });
    expect(created.status, created.text).toBe(201);
    const base = `/api/v1/helpdesk/tickets/${created.body.id}`;
    if (replyAfter !== null) {
      t.clock.set(new Date(filed.getTime() + replyAfter * HOUR));
      const reply = await (await staff()).post(`${base}/comments`, { body: "Sedang kami periksa.", visibility: "public" });
      expect(reply.status, reply.text).toBe(200);
    }
    t.clock.set(new Date(filed.getTime() + resolveAfter * HOUR));
    const resolved = await (await staff()).post(`${base}/status`, { status: "resolved", outcome: "Berkas diperkecil, unggahan berhasil." });
    expect(resolved.status, resolved.text).toBe(200);
  }

  beforeAll(async () => {
    t = await createTestApp({ now: T0 });
    Object.assign(users, {
      head: await buildUser(t, "kepala_lpse", { name: "Kepala Uji" }),
      assessor: await buildUser(t, "helpdesk", { name: "Penilai Satu" }),
      second: await buildUser(t, "admin_ppe", { name: "Penilai Dua" }),
      auditor: await buildUser(t, "auditor"),
      outsider: await buildUser(t, "helpdesk", { name: "Di Luar Tim" }),
    });
    // Seeded helpdesk history: three tickets in the last 90 days, one older that must not count.
    const filedAt = new Date(T0.getTime() - 20 * DAY);
    await ticket(filedAt, null, 1); // first response (by the resolution) and resolution met
    await ticket(new Date(filedAt.getTime() + 2 * HOUR), 2, 5); // both met
    await ticket(new Date(filedAt.getTime() + 4 * HOUR), 3, 100); // response met, resolution late
    await ticket(new Date(T0.getTime() - 100 * DAY), null, 200); // outside the window
    // A verified restore drill ten days ago.
    await drillAt(new Date(T0.getTime() - 10 * DAY));
    t.clock.set(T0);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    fs.rmSync(backupDir, { recursive: true, force: true });
  });

  it("reads every source from the platform's own data, the helpdesk compliance exactly", async () => {
    const auditor = await login("auditor");
    const r = await auditor.get<{ readAt: string; items: Reading[] }>("/api/v1/standards/live-evidence");
    expect(r.status, r.text).toBe(200);
    expect(r.body.readAt).toBe(T0.toISOString());
    const byKey = new Map(r.body.items.map((i) => [i.key, i]));
    expect([...byKey.keys()].sort()).toEqual(["backups.restore_drill", "changes.platform_log", "helpdesk.sla", "operations.access_review", "operations.capacity", "security.events", "surveys.ikm"]);
    // 3 tickets in the window: first response 3 of 3, resolution 2 of 3 (66.6 %, under 90 %).
    expect(byKey.get("helpdesk.sla")).toMatchObject({ value: "100 % / 66.6 %", passes: false, dataTime: T0.toISOString() });
    expect(byKey.get("helpdesk.sla")?.summary.id).toContain("3 tiket; respons pertama 100 % (3/3), penyelesaian 66.6 % (2/3)");
    expect(byKey.get("backups.restore_drill")).toMatchObject({ value: "10 hari", passes: true, dataTime: new Date(T0.getTime() - 10 * DAY).toISOString() });
    expect(byKey.get("changes.platform_log")?.passes).toBe(true);
    expect(byKey.get("security.events")?.summary.en).toContain("vulnerability scans");
    // Vendors and agency officials take no part in the LPSE's own assessment.
    expectProblem(await (await loginAs(t, await buildUser(t, "ppk"))).get("/api/v1/standards/live-evidence"), 403, "FORBIDDEN");
  });

  it("a fresh drill passes; 100 days later its snapshot is stale, the criterion needs review and sign-off is refused until a new drill", async () => {
    const head = await login("head");
    const opened = await head.post<CycleView>("/api/v1/standards/cycles", { period: "2026" });
    expect(opened.status, opened.text).toBe(201);
    const id = opened.body.id;
    expect((await head.put(`/api/v1/standards/cycles/${id}/team`, { memberIds: [users.assessor.id, users.second.id] })).status).toBe(200);
    const assessor = await login("assessor");
    const live = `/api/v1/standards/cycles/${id}/criteria/S12.3/live`;

    const before = await assessor.get<CriterionLive>(live);
    expect(before.status, before.text).toBe(200);
    expect(before.body).toMatchObject({ criterionCode: "S12.3", needsReview: false, snapshots: [], mayAttach: true, sources: [{ key: "backups.restore_drill", passes: true, value: "10 hari", freshnessDays: 90 }] });

    // Only sources of the criterion, only team members, only known sources.
    expectProblem(await assessor.post(`/api/v1/standards/cycles/${id}/criteria/S12.3/live-snapshot`, { source: "helpdesk.sla" }), 400, "VALIDATION_FAILED", "body.source");
    expectProblem(await assessor.post(`/api/v1/standards/cycles/${id}/criteria/S12.3/live-snapshot`, { source: "nothing" }), 400, "VALIDATION_FAILED", "body.source");
    const auditor = await login("auditor");
    expectProblem(await auditor.post(`/api/v1/standards/cycles/${id}/criteria/S12.3/live-snapshot`, { source: "backups.restore_drill" }), 403, "FORBIDDEN");
    expectProblem(await (await login("outsider")).get(live), 403, "FORBIDDEN");

    const logBefore = await t.deps.eventLog.size();
    const attached = await assessor.post<CriterionLive>(`/api/v1/standards/cycles/${id}/criteria/S12.3/live-snapshot`, { source: "backups.restore_drill" });
    expect(attached.status, attached.text).toBe(201);
    expect(attached.body.snapshots).toMatchObject([{ source: "backups.restore_drill", value: "10 hari", passes: true, stale: false, dataTime: new Date(T0.getTime() - 10 * DAY).toISOString(), takenBy: { name: "Penilai Satu" }, takenAt: t.clock.now().toISOString() }]);
    expect(attached.body.needsReview).toBe(false);
    expect(await t.deps.eventLog.size()).toBe(logBefore + 1);

    for (const code of ALL_CRITERIA) expect((await assessor.put(`/api/v1/standards/cycles/${id}/criteria/${code}`, { status: "met", notes: "" })).status).toBe(200);
    const read = await auditor.get<CriterionLive>(live);
    expect(read.body).toMatchObject({ needsReview: false, mayAttach: false, snapshots: [{ passes: true }] });
    expect((await auditor.get<{ items: unknown[] }>(`/api/v1/standards/cycles/${id}/live`)).body.items).toEqual([{ criterionCode: "S12.3", needsReview: false, reasons: [] }]);

    // 100 days on: the drill is 110 days old, past the window and the threshold.
    t.clock.set(new Date(T0.getTime() + 100 * DAY));
    const later = await (await login("auditor")).get<CriterionLive>(live);
    expect(later.body).toMatchObject({ needsReview: true, sources: [{ passes: false, value: "110 hari" }], snapshots: [{ stale: true }] });
    expect(later.body.reasons.map((r) => r.en)).toEqual([
      'the evidence "The last verified restore drill" is more than 90 days old',
      'the live value of "The last verified restore drill" no longer meets the threshold: a verified restore drill within the last 90 days',
    ]);
    const cycleLive = await (await login("head")).get<{ items: { criterionCode: string; needsReview: boolean }[] }>(`/api/v1/standards/cycles/${id}/live`);
    expect(cycleLive.body.items).toMatchObject([{ criterionCode: "S12.3", needsReview: true }]);

    const head2 = await login("head");
    const refused = expectProblem(await head2.post(`/api/v1/standards/cycles/${id}/sign-off`, { note: "Selesai" }), 409, "CONFLICT");
    expect(refused.messages.id).toContain("perlu ditinjau");
    expect(refused.messages.id).toContain("S12.3");
    expect((await head2.get<CycleView>(`/api/v1/standards/cycles/${id}`)).body.status).toBe("open");

    // A new drill and a fresh snapshot clear it; the cycle can then be signed off.
    await drillAt(new Date(t.clock.now().getTime() + HOUR));
    const fresh = await (await login("second")).post<CriterionLive>(`/api/v1/standards/cycles/${id}/criteria/S12.3/live-snapshot`, { source: "backups.restore_drill" });
    expect(fresh.status, fresh.text).toBe(201);
    expect(fresh.body).toMatchObject({ needsReview: false, reasons: [], snapshots: [{ value: "0 hari", stale: false }, { value: "10 hari", stale: true }] });
    const signed = await (await login("head")).post<CycleView>(`/api/v1/standards/cycles/${id}/sign-off`, { note: "Selesai" });
    expect(signed.status, signed.text).toBe(200);
    // A signed-off cycle is fixed: nothing needs review and nothing more is attached.
    expect((await head2.get<{ items: unknown[] }>(`/api/v1/standards/cycles/${id}/live`)).body.items).toEqual([]);
    expectProblem(await (await login("assessor")).post(`/api/v1/standards/cycles/${id}/criteria/S12.3/live-snapshot`, { source: "backups.restore_drill" }), 409, "CONFLICT");
  }, 120_000);

  it("a criterion assessed met whose live value fails needs review until its status matches", async () => {
    t.clock.set(new Date(T0.getTime() + 101 * DAY));
    const head = await login("head");
    const id = (await head.post<CycleView>("/api/v1/standards/cycles", { period: "2027" })).body.id;
    await head.put(`/api/v1/standards/cycles/${id}/team`, { memberIds: [users.assessor.id] });
    const assessor = await login("assessor");
    await assessor.put(`/api/v1/standards/cycles/${id}/criteria/S05.2`, { status: "met", notes: "" });
    const attached = await assessor.post<CriterionLive>(`/api/v1/standards/cycles/${id}/criteria/S05.2/live-snapshot`, { source: "helpdesk.sla" });
    expect(attached.status, attached.text).toBe(201);
    // The seeded tickets are now past the 90-day window: nothing can be judged.
    expect(attached.body).toMatchObject({ needsReview: true, sources: [{ key: "helpdesk.sla", passes: false, value: "– / –" }] });
    await assessor.put(`/api/v1/standards/cycles/${id}/criteria/S05.2`, { status: "partially_met", notes: "Belum ada tiket 90 hari terakhir" });
    expect((await assessor.get<CriterionLive>(`/api/v1/standards/cycles/${id}/criteria/S05.2/live`)).body.needsReview).toBe(false);
  });
});
