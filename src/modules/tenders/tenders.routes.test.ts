import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildAgency, buildUser, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { pascaSchedule } from "../../../test/support/schedule.js";
import { giveOpeningKeys, publishWithCeremony } from "../../../test/support/sealed-bids.js";
import { createWorkUnit } from "../orgs/orgs.service.js";
import type { PackageView } from "../packages/packages.schemas.js";

describe("tender schedule and publication", () => {
  let t: TestApp;
  let pokja: TestUser[];
  let pkg: PackageView;
  let member: Client;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    const agencyId = (await buildAgency(t)).id;
    const workUnitId = (await createWorkUnit(t.deps.database.db, null, agencyId, { code: "BM", name: "Bidang Bina Marga" }, t.clock.now())).id;
    const ppk = await loginAs(t, await buildUser(t, "ppk", { agencyId }));
    pkg = (
      await ppk.post<PackageView>("/api/v1/packages", {
        rupCode: "37712347",
        name: "Peningkatan Jalan Kawasan Taman Sari",
        workUnitId,
        fiscalYear: 2027,
        fundingSource: "APBD",
        pagu: "1500000000",
        category: "pekerjaan_konstruksi",
        method: "tender",
        evaluationMethod: "gugur_harga_terendah",
        qualification: "pasca",
        contractType: "harga_satuan",
        kbliCodes: ["42101"],
        qualificationRequirements: "SBU BG009",
        hpsItems: [{ description: "Perkerasan aspal", unit: "m2", quantity: "5000", unitPrice: "250000" }],
      })
    ).body;
    pokja = [await buildUser(t, "pokja"), await buildUser(t, "pokja"), await buildUser(t, "pokja")];
    const admin = await loginAs(t, await buildUser(t, "admin_agency", { agencyId }));
    const assigned = await admin.put(`/api/v1/packages/${pkg.id}/assignment`, { kind: "pokja", memberIds: pokja.map((p) => p.id), decreeNumber: "027/55/401.112/2026" });
    expect(assigned.status, assigned.text).toBe(200);
    member = await loginAs(t, pokja[0] as TestUser);
    await giveOpeningKeys(t, pokja);
  });
  afterAll(() => t.close());

  it("refuses publication without a schedule, and a schedule that breaks the rules, changing nothing", async () => {
    expectProblem(await member.post(`/api/v1/packages/${pkg.id}/publish`), 409, "CONFLICT");
    const tooShort = pascaSchedule();
    tooShort[3] = { ...(tooShort[3] as (typeof tooShort)[number]), endsAt: "2026-12-10T07:00:00.000Z" };
    const r = expectProblem(await member.put(`/api/v1/packages/${pkg.id}/schedule`, { stages: tooShort }), 400, "VALIDATION_FAILED", "body.stages.3.endsAt");
    expect(r.messages.en).toContain("upload_penawaran");
    expectProblem(await member.put(`/api/v1/packages/${pkg.id}/schedule`, { stages: pascaSchedule().map((s) => ({ ...s, startsAt: "2026-12-01 08:00" })) }), 400, "VALIDATION_FAILED", "body.stages.0.startsAt");
    expect((await member.get<{ stages: unknown[] }>(`/api/v1/packages/${pkg.id}/schedule`)).body.stages).toEqual([]);
  });

  it("lets only the assigned committee set the schedule and publish; the public code follows", async () => {
    const ppkOutsider = await loginAs(t, await buildUser(t, "pokja"));
    expectProblem(await ppkOutsider.put(`/api/v1/packages/${pkg.id}/schedule`, { stages: pascaSchedule() }), 404, "NOT_FOUND");
    const proposal = await member.get<{ stages: { stage: string; startsAt: string }[] }>(`/api/v1/packages/${pkg.id}/schedule/proposal?start=2026-11-30`);
    expect(proposal.body.stages).toHaveLength(12);
    expect(proposal.body.stages[0]).toMatchObject({ stage: "pengumuman", startsAt: "2026-11-30T01:00:00.000Z" });
    const set = await member.put<{ stages: { stage: string }[]; current: { stage: string }; timeZone: string }>(`/api/v1/packages/${pkg.id}/schedule`, { stages: pascaSchedule() });
    expect(set.status, set.text).toBe(200);
    expect(set.body.stages).toHaveLength(12);
    expect(set.body.current.stage).toBe("belum_dimulai");
    expect(set.body.timeZone).toBe("WIB");

    // A sealed-bid tender is published with its key, made in the publishing member's browser.
    const keyless = expectProblem(await member.post(`/api/v1/packages/${pkg.id}/publish`), 400, "VALIDATION_FAILED", "body.tenderKey");
    expect(keyless.messages.id).toContain("kunci tender");
    const published = await publishWithCeremony(member, pkg.id);
    expect(published.status, published.text).toBe(200);
    expect(published.body.status).toBe("published");
    expect(published.body.tenderCode).toBe("202700001");
    expectProblem(await member.post(`/api/v1/packages/${pkg.id}/publish`), 409, "CONFLICT");
    const event = await t.deps.database.db.selectFrom("events").selectAll().where("type", "=", "tender.published").executeTakeFirstOrThrow();
    expect(event.visibility).toBe("public");
    expect(JSON.parse(event.payload)).toMatchObject({ tenderCode: "202700001", hps: "1250000000" });
    // The key came with the publication, in the same transaction: public at once, one share per member.
    const key = await t.client().get<{ threshold: number; members: number }>(`/api/v1/public/tenders/202700001/key`);
    expect(key.body).toMatchObject({ threshold: 2, members: 3, escrow: false });
    const keyEvent = await t.deps.database.db.selectFrom("events").select(["idx", "visibility"]).where("type", "=", "tender.key_published").executeTakeFirstOrThrow();
    expect(keyEvent).toEqual({ idx: event.idx + 1, visibility: "public" });
  });

  it("after publication changes the schedule only with a reason, keeps every version, and derives the stage from the clock", async () => {
    const later = pascaSchedule().map((s, i) => (i >= 3 ? { ...s, startsAt: new Date(Date.parse(s.startsAt) + 7 * 86_400_000).toISOString(), endsAt: new Date(Date.parse(s.endsAt) + 7 * 86_400_000).toISOString() } : s));
    expectProblem(await member.put(`/api/v1/packages/${pkg.id}/schedule`, { stages: later }), 400, "VALIDATION_FAILED", "body.reason");
    const changed = await member.put<{ changes: { reasonKind: string }[] }>(`/api/v1/packages/${pkg.id}/schedule`, {
      stages: later,
      reason: { kind: "document_change", text: "Addendum spesifikasi teknis: tambahan waktu penyusunan penawaran" },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.changes.map((c) => c.reasonKind)).toEqual(["initial", "document_change"]);

    t.clock.set(new Date("2026-12-01T03:00:00Z"));
    member = await loginAs(t, pokja[0] as TestUser); // the earlier session has expired
    const during = await member.get<{ current: { stage: string; next: string } }>(`/api/v1/packages/${pkg.id}/schedule`);
    expect(during.body.current).toEqual({ stage: "pengumuman", open: true, next: "download_dokumen", opensAt: null });
    // The announcement is under way; it cannot be moved back in time any more.
    const rewritten = pascaSchedule(1);
    const reason = { kind: "technical_failure", text: "Gangguan server LPSE selama 6 jam" };
    expectProblem(await member.put(`/api/v1/packages/${pkg.id}/schedule`, { stages: rewritten, reason }), 400, "VALIDATION_FAILED", "body.stages.0.startsAt");
    // Nor can a stage still to come be pulled into the past to open it at once.
    const pulled = later.map((s, i) => (i === 1 ? { ...s, startsAt: "2026-11-30T09:00:00.000Z" } : s));
    expectProblem(await member.put(`/api/v1/packages/${pkg.id}/schedule`, { stages: pulled, reason }), 400, "VALIDATION_FAILED", "body.stages.1.startsAt");
  });
});
