import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildAgency, buildUser, buildVendor, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { pascaSchedule } from "../../../test/support/schedule.js";
import { giveOpeningKeys, publishWithCeremony } from "../../../test/support/sealed-bids.js";
import { createWorkUnit } from "../orgs/orgs.service.js";
import type { PackageView } from "../packages/packages.schemas.js";
import { PRA_TWO_FILE } from "../settings/stage-keys.js";

type Window = { stage: string; startsAt: string; endsAt: string };

/** A prequalified construction tender: the two-file flow from proposal to the public schedule and OCDS. */
describe("prequalification, two files", () => {
  let t: TestApp;
  let pkg: PackageView;
  let member: Client;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    const agencyId = (await buildAgency(t)).id;
    const workUnitId = (await createWorkUnit(t.deps.database.db, null, agencyId, { code: "CK", name: "Bidang Cipta Karya" }, t.clock.now())).id;
    const ppk = await loginAs(t, await buildUser(t, "ppk", { agencyId }));
    const created = await ppk.post<PackageView>("/api/v1/packages", {
      rupCode: "37712399",
      name: "Pembangunan Gedung Pelayanan Terpadu Kota Madiun",
      workUnitId,
      fiscalYear: 2027,
      fundingSource: "APBD",
      pagu: "9000000000",
      category: "pekerjaan_konstruksi",
      method: "tender",
      evaluationMethod: "gugur_harga_terendah",
      qualification: "pra",
      contractType: "harga_satuan",
      kbliCodes: ["41012"],
      qualificationRequirements: "SBU BG004 kualifikasi menengah",
      hpsItems: [{ description: "Pekerjaan struktur dan arsitektur", unit: "ls", quantity: "1", unitPrice: "8500000000" }],
    });
    expect(created.status, created.text).toBe(201);
    pkg = created.body;
    const pokja = [await buildUser(t, "pokja"), await buildUser(t, "pokja"), await buildUser(t, "pokja")];
    const admin = await loginAs(t, await buildUser(t, "admin_agency", { agencyId }));
    expect((await admin.put(`/api/v1/packages/${pkg.id}/assignment`, { kind: "pokja", memberIds: pokja.map((p) => p.id), decreeNumber: "027/56/401.112/2026" })).status).toBe(200);
    member = await loginAs(t, pokja[0] as TestUser);
    await giveOpeningKeys(t, pokja);
  });
  afterAll(() => t.close());

  it("proposes, checks and publishes the prequalification stages, and opens joining in the qualification round", async () => {
    // The one-file schedule is not this package's flow.
    const wrong = expectProblem(await member.put(`/api/v1/packages/${pkg.id}/schedule`, { stages: pascaSchedule() }), 400, "VALIDATION_FAILED", "body.stages");
    expect(wrong.messages.en).toContain("pengumuman_prakualifikasi");

    const proposal = await member.get<{ stages: Window[] }>(`/api/v1/packages/${pkg.id}/schedule/proposal?start=2026-11-30`);
    expect(proposal.status, proposal.text).toBe(200);
    expect(proposal.body.stages.map((s) => s.stage)).toEqual([...PRA_TWO_FILE]);
    const saved = await member.put<{ stages: Window[] }>(`/api/v1/packages/${pkg.id}/schedule`, { stages: proposal.body.stages });
    expect(saved.status, saved.text).toBe(200);
    const published = await publishWithCeremony(member, pkg.id);
    expect(published.status, published.text).toBe(200);
    const code = published.body.tenderCode ?? "";

    const announcement = await t.client().get<{ schedule: Window[]; stage: string }>(`/api/v1/public/tenders/${code}`);
    expect(announcement.body.schedule).toHaveLength(PRA_TWO_FILE.length);
    const window = (stage: string) => announcement.body.schedule.find((w) => w.stage === stage) as Window;

    // Joining belongs to the qualification round; after it, only the qualified are invited.
    const vendor = await buildVendor(t);
    t.clock.set(new Date(Date.parse(window("pengumuman_prakualifikasi").startsAt) + 30 * 60_000));
    expect((await t.client().get<{ stage: string }>(`/api/v1/public/tenders/${code}`)).body.stage).toBe("pengumuman_prakualifikasi");
    const joined = await (await loginAs(t, vendor)).post<{ joined: boolean }>(`/api/v1/tenders/${code}/participation`);
    expect(joined.body).toEqual({ joined: true });
    const late = await buildVendor(t);
    t.clock.set(new Date(Date.parse(window("download_dokumen").startsAt) + 3_600_000));
    const refused = expectProblem(await (await loginAs(t, late)).post(`/api/v1/tenders/${code}/participation`), 409, "OUT_OF_STAGE");
    expect(refused.messages.id).toContain("Pengumuman Prakualifikasi (");
    expect(refused.messages.id).toContain("Tahap sekarang: Download Dokumen Pemilihan.");

    // Open data: the award period starts with the opening of File I.
    const record = await t.client().get<{ records: { compiledRelease: { tender: { awardPeriod: { startDate: string }; milestones: { code: string }[] } } }[] }>(
      `/api/v1/ocds/records/${t.deps.config.ocdsPrefix}-${code}`,
    );
    const tender = record.body.records[0]?.compiledRelease.tender;
    expect(tender?.awardPeriod.startDate).toBe(window("pembukaan_file_1").startsAt);
    expect(tender?.milestones.map((m) => m.code)).toEqual([...PRA_TWO_FILE]);
  });
});
