import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildUser, buildVendor, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { buildOpenedTender } from "../../../test/support/sealed-bids.js";
import { pascaSchedule } from "../../../test/support/schedule.js";
import { actorOf, buildPublishedTender } from "../../../test/support/tenders.js";
import { assignCommittee } from "../packages/assignment.service.js";
import { publicationContext } from "../tenders/publication-context.js";
import { publishTender } from "../tenders/publication.service.js";
import { setSchedule } from "../tenders/schedule.service.js";
import type { ScheduleInput } from "../tenders/tenders.schemas.js";
import { DEFAULT_PROCUREMENT_RULES } from "../settings/settings.schemas.js";
import { getSettings, updateSettings } from "../settings/settings.service.js";

type Vendor = TestUser & { vendorId: string };
type Tender = Awaited<ReturnType<typeof buildPublishedTender>>;
type OcdsRecord = { records: { releases: { tag: string[] }[]; compiledRelease: { tender: { status: string }; awards?: { status: string }[]; contracts?: { awardID: string; value: { amount: number }; dateSigned: string; period: { startDate: string; endDate: string } }[] } }[] };

const GROUNDS = "Harga terkoreksi pemenang tidak wajar dibanding harga pasar pekerjaan struktur.";
const ANSWER = "Harga satuan pemenang sesuai survei harga pasar dan dinyatakan wajar; sanggah tidak diterima.";

/** Every bidder passes every evaluation stage on 14 December. */
async function passEveryone(t: TestApp, tender: Tender, vendors: readonly Vendor[]) {
  t.clock.set(new Date("2026-12-14T03:00:00Z"));
  const committee = await loginAs(t, tender.pokja[0] as TestUser);
  for (const v of vendors) {
    for (const stage of ["administrasi", "teknis", "kualifikasi"]) {
      const r = await committee.put(`/api/v1/tenders/${tender.tenderCode}/evaluation/${v.vendorId}/${stage}`, { passed: true, reason: "Lengkap dan sah." });
      expect(r.status, r.text).toBe(200);
    }
  }
}

async function ocdsRecord(t: TestApp, tender: Tender) {
  const r = await t.client().get<OcdsRecord>(`/api/v1/ocds/records/${t.deps.config.ocdsPrefix}-${tender.tenderCode}`);
  expect(r.status, r.text).toBe(200);
  return r.body.records[0];
}

describe("failed tender and re-tender", () => {
  let t: TestApp;
  let tender: Tender;
  let vendors: Vendor[];
  let untouched: Tender;
  const path = () => `/api/v1/tenders/${tender.tenderCode}`;
  const declare = async (body: unknown, user: TestUser = tender.pokja[0] as TestUser) => (await loginAs(t, user)).post<{ reason: string }>(`${path()}/failure`, body);
  const collusion = { reason: "collusion", text: "Dua peserta memakai dokumen penawaran dan alamat IP yang sama." };

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    tender = await buildPublishedTender(t);
    untouched = await buildPublishedTender(t, { rupCode: "37700002" });
    vendors = [await buildVendor(t, "verified", "CV Gagal Satu"), await buildVendor(t, "verified", "CV Gagal Dua")];
  });
  afterAll(() => t.close());

  it("is declared by the committee after the opening, with a listed reason, and blocks the winner", async () => {
    expectProblem(await t.client().post(`${path()}/failure`, collusion), 401, "UNAUTHENTICATED");
    const early = expectProblem(await declare(collusion), 409, "OUT_OF_STAGE");
    expect(early.messages.id).toContain("Pembukaan Dokumen Penawaran (11 Des 2026");
    expect(early.messages.en).toContain("Award letter (SPPBJ) (22 Dec 2026");

    await buildOpenedTender(t, tender, [
      { vendor: vendors[0] as Vendor, price: "1700000000", unitPrices: ["1700000000"] },
      { vendor: vendors[1] as Vendor, price: "1750000000", unitPrices: ["1750000000"] },
    ]);
    await passEveryone(t, tender, vendors);
    expectProblem(await declare({ ...collusion, reason: "bosan" }), 400, "VALIDATION_FAILED", "body.reason");
    expectProblem(await declare({ ...collusion, text: "singkat" }), 400, "VALIDATION_FAILED", "body.text");
    expectProblem(await declare(collusion, vendors[0]), 403, "FORBIDDEN");
    expectProblem(await declare(collusion, await buildUser(t, "pokja")), 403, "FORBIDDEN");
    expectProblem(await t.client().get(`/api/v1/public/tenders/${tender.tenderCode}/failure`), 404, "NOT_FOUND");

    const declared = await declare(collusion);
    expect(declared.status, declared.text).toBe(201);
    expect(declared.body).toMatchObject({ reason: "collusion", reasonName: { id: "Terjadi persekongkolan" } });
    expectProblem(await declare(collusion), 409, "CONFLICT");
    const shown = await t.client().get<{ text: string }>(`/api/v1/public/tenders/${tender.tenderCode}/failure`);
    expect(shown.body.text).toBe(collusion.text);

    t.clock.set(new Date("2026-12-16T02:30:00Z"));
    const winner = expectProblem(await (await loginAs(t, tender.pokja[1] as TestUser)).post(`${path()}/winner`), 409, "CONFLICT");
    expect(winner.messages.en).toContain("declared failed");

    const event = await t.deps.database.db.selectFrom("events").select(["payload", "visibility"]).where("type", "=", "tender.failed").executeTakeFirstOrThrow();
    expect(event.visibility).toBe("public");
    expect(JSON.parse(event.payload)).toMatchObject({ reason: "collusion" });
    const record = await ocdsRecord(t, tender);
    expect(record?.releases.map((r) => r.tag)).toEqual([["planning", "tender"], ["tenderUpdate"]]);
    expect(record?.compiledRelease.tender.status).toBe("unsuccessful");
  });

  it("lets the package's PPK re-tender it as a new draft with the same lines", async () => {
    const retender = async (user: TestUser) => (await loginAs(t, user)).post<{ packageId: string; retenderOf: string; status: string }>(`${path()}/retender`);
    expectProblem(await retender(await buildUser(t, "ppk", { agencyId: tender.agency.id })), 403, "FORBIDDEN");
    expectProblem(await retender(tender.pokja[0] as TestUser), 403, "FORBIDDEN");
    const made = await retender(tender.ppk);
    expect(made.status, made.text).toBe(201);
    expect(made.body).toMatchObject({ retenderOf: tender.tenderCode, status: "draft" });
    const db = t.deps.database.db;
    const row = await db.selectFrom("packages").selectAll().where("id", "=", made.body.packageId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ retender_of: tender.packageId, status: "draft", tender_code: null, name: "Pembangunan Gedung Serbaguna Kelurahan" });
    const lines = (id: string) => db.selectFrom("package_hps_items").select(["position", "description", "unit", "quantity_milli", "unit_price_sen"]).where("package_id", "=", id).orderBy("position").execute();
    expect(await lines(made.body.packageId)).toEqual(await lines(tender.packageId));
    const docs = await db.selectFrom("package_documents").select("id").where("package_id", "=", made.body.packageId).execute();
    expect(docs).toEqual([]);
    // The new package names the failed tender; the PPK's list finds it from the old tender's code.
    const ppk = await loginAs(t, tender.ppk);
    const shown = await ppk.get<{ retenderOf: unknown }>(`/api/v1/packages/${made.body.packageId}`);
    expect(shown.body.retenderOf).toEqual({ packageId: tender.packageId, tenderCode: tender.tenderCode });
    const listed = await ppk.get<{ items: { id: string; retenderOf: unknown }[] }>("/api/v1/packages");
    expect(listed.body.items.find((p) => p.id === tender.packageId)?.retenderOf).toBeNull();

    // Once published, the two announcements link to each other.
    const pokja = tender.pokja[0] as TestUser;
    await assignCommittee(db, actorOf(tender.admin), made.body.packageId, { kind: "pokja", memberIds: tender.pokja.map((m) => m.id), decreeNumber: "027/2/2026" }, t.clock.now());
    await setSchedule(db, actorOf(pokja), made.body.packageId, { stages: pascaSchedule(35) as ScheduleInput["stages"] }, t.clock.now(), publicationContext(t.deps.config));
    const code = await publishTender(db, actorOf(pokja), made.body.packageId, t.clock.now(), publicationContext(t.deps.config));
    const announcement = async (c: string) => (await t.client().get<{ retenderOf: string | null; retenderedAs: string | null }>(`/api/v1/public/tenders/${c}`)).body;
    expect(await announcement(code)).toMatchObject({ retenderOf: tender.tenderCode, retenderedAs: null });
    expect(await announcement(tender.tenderCode)).toMatchObject({ retenderOf: null, retenderedAs: code });
  });

  it("refuses a re-tender of a tender that did not fail", async () => {
    expectProblem(await (await loginAs(t, untouched.ppk)).post(`/api/v1/tenders/${untouched.tenderCode}/retender`), 409, "CONFLICT");
  });
});

describe("sanggah banding, the SPPBJ and the contract", () => {
  let t: TestApp;
  let tender: Tender;
  let vendors: Record<"alfa" | "bravo" | "charlie", Vendor>;
  const objectionIds: Record<string, string> = {};
  let appealId = "";
  const path = () => `/api/v1/tenders/${tender.tenderCode}`;
  // HPS Rp1.800.000.000: the guarantee is at least Rp18.000.000.
  const appealBody = { text: "Jawaban sanggah tidak menanggapi bukti harga pasar yang kami lampirkan.", guarantee: { number: "JSB-2026-0017", issuer: "PT Bank Pembangunan Daerah", amount: "18000000" } };
  const appeal = async (vendor: Vendor, objectionId: string, body: unknown = appealBody) => (await loginAs(t, vendor)).post<{ id: string }>(`${path()}/objections/${objectionId}/appeal`, body);

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    tender = await buildPublishedTender(t);
    vendors = { alfa: await buildVendor(t, "verified", "CV Alfa"), bravo: await buildVendor(t, "verified", "CV Bravo"), charlie: await buildVendor(t, "verified", "CV Charlie") };
    await buildOpenedTender(t, tender, [
      { vendor: vendors.alfa, price: "1700000000", unitPrices: ["1700000000"] },
      { vendor: vendors.bravo, price: "1750000000", unitPrices: ["1750000000"] },
      { vendor: vendors.charlie, price: "1790000000", unitPrices: ["1790000000"] },
    ]);
    await passEveryone(t, tender, Object.values(vendors));
    t.clock.set(new Date("2026-12-16T02:30:00Z"));
    expect((await (await loginAs(t, tender.pokja[0] as TestUser)).post(`${path()}/winner`)).status).toBe(200);
    t.clock.set(new Date("2026-12-17T03:00:00Z"));
    for (const v of [vendors.bravo, vendors.charlie]) {
      const r = await (await loginAs(t, v)).post<{ id: string }>(`${path()}/objections`, { text: GROUNDS });
      expect(r.status, r.text).toBe(201);
      objectionIds[v.vendorId] = r.body.id;
    }
  });
  afterAll(() => t.close());

  it("takes an appeal of an answered sanggah with a guarantee of 1 % of the HPS", async () => {
    const bravo = objectionIds[vendors.bravo.vendorId] ?? "";
    expectProblem(await appeal(vendors.bravo, bravo), 409, "CONFLICT");
    const member = await loginAs(t, tender.pokja[1] as TestUser);
    for (const id of Object.values(objectionIds)) expect((await member.post(`${path()}/objections/${id}/answer`, { answer: ANSWER })).status).toBe(204);

    expectProblem(await appeal(vendors.bravo, bravo, { ...appealBody, guarantee: { ...appealBody.guarantee, amount: "17999999.99" } }), 400, "VALIDATION_FAILED", "body.guarantee.amount");
    expectProblem(await appeal(vendors.bravo, bravo, { ...appealBody, guarantee: { ...appealBody.guarantee, amount: "18 juta" } }), 400, "VALIDATION_FAILED", "body.guarantee.amount");
    expectProblem(await appeal(vendors.bravo, bravo, { ...appealBody, guarantee: { number: "JSB-1", amount: "18000000" } }), 400, "VALIDATION_FAILED", "body.guarantee.issuer");
    expectProblem(await appeal(vendors.bravo, bravo, { ...appealBody, text: "pendek" }), 400, "VALIDATION_FAILED", "body.text");
    expectProblem(await appeal(vendors.alfa, bravo), 403, "FORBIDDEN");

    // Sanggah banding is for construction only.
    const db = t.deps.database.db;
    await db.updateTable("packages").set({ category: "barang" }).where("id", "=", tender.packageId).execute();
    expect(expectProblem(await appeal(vendors.bravo, bravo), 409, "CONFLICT").messages.id).toContain("pekerjaan konstruksi");
    await db.updateTable("packages").set({ category: "pekerjaan_konstruksi" }).where("id", "=", tender.packageId).execute();

    // Bravo's page finds its own sanggah to appeal; the public sees none marked.
    const own = await (await loginAs(t, vendors.bravo)).get<{ items: { id: string; mine: boolean }[] }>(`/api/v1/public/tenders/${tender.tenderCode}/objections`);
    expect(own.body.items.filter((o) => o.mine).map((o) => o.id)).toEqual([bravo]);
    const anonymous = await t.client().get<{ items: { mine: boolean }[] }>(`/api/v1/public/tenders/${tender.tenderCode}/objections`);
    expect(anonymous.body.items.map((o) => o.mine)).toEqual([false, false]);

    const filed = await appeal(vendors.bravo, bravo);
    expect(filed.status, filed.text).toBe(201);
    appealId = filed.body.id;
    expectProblem(await appeal(vendors.bravo, bravo), 409, "CONFLICT");
    const listed = await t.client().get<{ fileBy: string; guaranteeMinimum: string; items: { vendorName: string; guarantee: { amount: string }; filedAt: string; answerDueAt: string; answer: string | null }[] }>(`/api/v1/public/tenders/${tender.tenderCode}/appeals`);
    expect(listed.body.items).toEqual([expect.objectContaining({ vendorName: "CV Bravo", guarantee: expect.objectContaining({ amount: "18000000" }), answer: null })]);
    // The PA/KPA answers within 14 calendar days (appealAnswerDays) of the filing.
    // The window: Masa Sanggah ends 21 Dec 15:00 WIB, + 3 answer days + 5 appeal days; the guarantee at least 1 % of the HPS.
    expect(listed.body).toMatchObject({ fileBy: "2026-12-29T08:00:00.000Z", guaranteeMinimum: "18000000" });
    const [item] = listed.body.items;
    expect(Date.parse(item?.answerDueAt ?? "") - Date.parse(item?.filedAt ?? "")).toBe(14 * 86_400_000);
  });

  it("holds the SPPBJ until the PA/KPA of the agency answers the appeal", async () => {
    t.clock.set(new Date("2026-12-22T02:00:00Z"));
    const award = async () => (await loginAs(t, tender.ppk)).post(`${path()}/award`, { letterNumber: "027/SPPBJ/01/2026" });
    const held = expectProblem(await award(), 409, "CONFLICT");
    expect(held.messages.en).toContain("1 appeal(s) not answered yet by the PA/KPA");
    expect(held.messages.id).toContain("SPPBJ ditahan: 1 sanggah banding menunggu jawaban PA/KPA (paling lambat 31 Des 2026");
    const answer = async (user: TestUser, body: unknown = { answer: ANSWER }) => (await loginAs(t, user)).post(`${path()}/appeals/${appealId}/answer`, body);
    const kpa = await buildUser(t, "pa_kpa", { agencyId: tender.agency.id });
    expectProblem(await answer(await buildUser(t, "pa_kpa")), 403, "FORBIDDEN");
    expectProblem(await answer(tender.pokja[0] as TestUser), 403, "FORBIDDEN");
    expectProblem(await answer(kpa, { answer: "ditolak" }), 400, "VALIDATION_FAILED", "body.answer");
    expect((await answer(kpa)).status).toBe(204);
    expectProblem(await answer(kpa), 409, "CONFLICT");
    const event = await t.deps.database.db.selectFrom("events").select("visibility").where("type", "=", "objection.appeal_answered").executeTakeFirstOrThrow();
    expect(event.visibility).toBe("public");
    const awarded = await award();
    expect(awarded.status, awarded.text).toBe(201);
  });

  it("records the signed contract during Penandatanganan Kontrak, within the award value", async () => {
    const contract = { contractNumber: "602/KONTRAK/DPUPR/2026", value: "1700000000", signedOn: "2026-12-23", startsOn: "2026-12-28", endsOn: "2027-06-30" };
    const record = async (body: unknown, user: TestUser = tender.ppk) => (await loginAs(t, user)).post<{ value: string; vendorName: string }>(`${path()}/contract`, body);
    expect(expectProblem(await record(contract), 409, "OUT_OF_STAGE").messages.id).toContain("Penandatanganan Kontrak (23 Des 2026");
    t.clock.set(new Date("2026-12-23T03:00:00Z"));
    expectProblem(await record({ ...contract, value: "1700000000.01" }), 400, "VALIDATION_FAILED", "body.value");
    expectProblem(await record({ ...contract, signedOn: "2026-12-21" }), 400, "VALIDATION_FAILED", "body.signedOn");
    expectProblem(await record({ ...contract, signedOn: "2026-02-30" }), 400, "VALIDATION_FAILED", "body.signedOn");
    expectProblem(await record({ ...contract, startsOn: "2026-12-20" }), 400, "VALIDATION_FAILED", "body.startsOn");
    expectProblem(await record({ ...contract, endsOn: "2026-12-27" }), 400, "VALIDATION_FAILED", "body.endsOn");
    expectProblem(await record(contract, await buildUser(t, "ppk", { agencyId: tender.agency.id })), 403, "FORBIDDEN");
    const made = await record(contract);
    expect(made.status, made.text).toBe(201);
    expect(made.body).toMatchObject({ vendorName: "CV Alfa", value: "1700000000" });
    expectProblem(await record(contract), 409, "CONFLICT");
    expect((await t.client().get<{ contractNumber: string }>(`/api/v1/public/tenders/${tender.tenderCode}/contract`)).body.contractNumber).toBe(contract.contractNumber);

    const ocds = await ocdsRecord(t, tender);
    expect(ocds?.releases.map((r) => r.tag)).toEqual([["planning", "tender"], ["award"], ["awardUpdate"], ["contract"]]);
    expect(ocds?.compiledRelease.contracts).toEqual([
      expect.objectContaining({ awardID: `${tender.tenderCode}-1`, value: { amount: 1_700_000_000, currency: "IDR" }, dateSigned: "2026-12-22T17:00:00.000Z", period: { startDate: "2026-12-27T17:00:00.000Z", endDate: "2027-06-30T16:59:59.000Z" } }),
    ]);
  });

  it("refuses an appeal after the appeal window", async () => {
    // Masa Sanggah ends 21 Dec 15:00 WIB; answers within 3 days, appeals 5 days after that: 29 Dec 15:00 WIB.
    t.clock.set(new Date("2026-12-29T09:00:00Z"));
    const late = expectProblem(await appeal(vendors.charlie, objectionIds[vendors.charlie.vendorId] ?? ""), 409, "OUT_OF_STAGE");
    expect(late.messages.id).toContain("29 Des 2026, 15.00 WIB");
  });

  it("refuses the PA/KPA's answer after the answer deadline the settings give", async () => {
    const db = t.deps.database.db;
    const settings = await getSettings(db);
    await updateSettings(db, null, { ...settings, procurementRules: { ...DEFAULT_PROCUREMENT_RULES, ...settings.procurementRules, appealDays: 10, appealAnswerDays: 1 } }, t.clock.now());
    const filed = await appeal(vendors.charlie, objectionIds[vendors.charlie.vendorId] ?? "");
    expect(filed.status, filed.text).toBe(201);
    t.clock.set(new Date("2026-12-30T09:30:00Z"));
    const kpa = await loginAs(t, await buildUser(t, "pa_kpa", { agencyId: tender.agency.id }));
    const late = expectProblem(await kpa.post(`${path()}/appeals/${filed.body.id}/answer`, { answer: ANSWER }), 409, "OUT_OF_STAGE");
    expect(late.messages.id).toContain("Jawaban sanggah banding paling lambat 30 Des 2026, 16.00 WIB");
    const row = await db.selectFrom("objection_appeals").select("answer").where("id", "=", filed.body.id).executeTakeFirstOrThrow();
    expect(row.answer).toBeNull();
  });
});
