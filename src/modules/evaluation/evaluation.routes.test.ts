import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildUser, buildVendor, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { buildOpenedTender } from "../../../test/support/sealed-bids.js";
import { buildPublishedTender } from "../../../test/support/tenders.js";

type Vendor = TestUser & { vendorId: string };
interface Bidder {
  vendorName: string;
  vendorId: string;
  offer: string | null;
  corrected: string | null;
  price: { passed: boolean; aboveHps: boolean; needsClarification: boolean } | null;
  passed: boolean;
  rank: number | null;
  qualification: { verified: boolean; kbliMatch: boolean };
}

/**
 * Evaluation after a real sealed-bid opening. HPS Rp20.000.000: 100 m3 of excavation and 10 m3 of concrete.
 * Bravo's stated total is wrong; its corrected price (unit prices × the document's quantities) wins.
 */
describe("evaluation, ranking and the winner", () => {
  let t: TestApp;
  let tender: Awaited<ReturnType<typeof buildPublishedTender>>;
  let vendors: Record<"alfa" | "bravo" | "charlie" | "delta", Vendor>;
  let committee: Client;
  const path = () => `/api/v1/tenders/${tender.tenderCode}`;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    tender = await buildPublishedTender(t, {
      pagu: "25000000",
      hpsItems: [
        { description: "Galian tanah", unit: "m3", quantity: "100", unitPrice: "100000" },
        { description: "Beton K-250", unit: "m3", quantity: "10", unitPrice: "1000000" },
      ],
    });
    vendors = {
      alfa: await buildVendor(t, "verified", "CV Alfa"),
      bravo: await buildVendor(t, "verified", "CV Bravo"),
      charlie: await buildVendor(t, "verified", "CV Charlie"),
      delta: await buildVendor(t, "verified", "CV Delta"),
    };
    await buildOpenedTender(t, tender, [
      { vendor: vendors.alfa, price: "19000000", unitPrices: ["95000", "950000"] },
      // States Rp15.000.000; its lines make Rp18.000.000.
      { vendor: vendors.bravo, price: "15000000", unitPrices: ["80000", "1000000"] },
      // Rp13.000.000: under 80 % of the HPS.
      { vendor: vendors.charlie, price: "13000000", unitPrices: ["60000", "700000"] },
      // Rp27.000.000: above the HPS.
      { vendor: vendors.delta, price: "27000000", unitPrices: ["150000", "1200000"] },
    ]);
    committee = await loginAs(t, tender.pokja[0] as TestUser);
  });
  afterAll(() => t.close());

  it("corrects every price against the HPS and records findings only during evaluation", async () => {
    const view = await committee.get<{ hps: string; bidders: Bidder[] }>(`${path()}/evaluation`);
    expect(view.status, view.text).toBe(200);
    expect(view.body.hps).toBe("20000000");
    const by = Object.fromEntries(view.body.bidders.map((b) => [b.vendorName, b]));
    expect(by["CV Bravo"]).toMatchObject({ offer: "15000000", corrected: "18000000", price: { passed: true, aboveHps: false, needsClarification: false } });
    expect(by["CV Charlie"]?.price).toEqual({ passed: true, aboveHps: false, needsClarification: true });
    expect(by["CV Delta"]?.price).toEqual({ passed: false, aboveHps: true, needsClarification: false });
    // No findings yet: nobody passes, nobody ranks.
    expect(view.body.bidders.every((b) => !b.passed && b.rank === null)).toBe(true);
    expect(by["CV Alfa"]?.qualification.verified).toBe(true);

    const finding = (vendor: Vendor, stage: string, body: unknown, client = committee) => client.put<{ bidders: Bidder[] }>(`${path()}/evaluation/${vendor.vendorId}/${stage}`, body);
    // 11 December, after the opening: Evaluasi starts on the 14th.
    const early = expectProblem(await finding(vendors.alfa, "administrasi", { passed: true, reason: "" }), 409, "OUT_OF_STAGE");
    expect(early.messages.id).toContain("Evaluasi Penawaran (14 Des 2026");
    t.clock.set(new Date("2026-12-14T03:00:00Z"));
    committee = await loginAs(t, tender.pokja[0] as TestUser);
    expectProblem(await finding(vendors.alfa, "administrasi", { passed: true, reason: "" }, await loginAs(t, await buildUser(t, "pokja"))), 403, "FORBIDDEN");
    expectProblem(await finding(vendors.charlie, "teknis", { passed: false, reason: "kurang" }), 400, "VALIDATION_FAILED", "body.reason");
    expectProblem(await finding(vendors.alfa, "harga", { passed: true, reason: "" }), 400, "VALIDATION_FAILED", "params.stage");
    // Sistem gugur has no technical score.
    expectProblem(await finding(vendors.alfa, "teknis", { passed: true, reason: "", score: "80" }), 400, "VALIDATION_FAILED", "body.score");

    for (const v of Object.values(vendors)) {
      for (const stage of ["administrasi", "teknis", "kualifikasi"]) {
        const failed = v === vendors.charlie && stage === "teknis";
        const r = await finding(v, stage, failed ? { passed: false, reason: "Metode pelaksanaan tidak memuat tahapan pengecoran beton." } : { passed: true, reason: "Lengkap dan sah." });
        expect(r.status, r.text).toBe(200);
      }
    }
    const ranked = (await committee.get<{ bidders: Bidder[] }>(`${path()}/evaluation`)).body.bidders;
    expect(ranked.map((b) => [b.vendorName, b.passed, b.rank])).toEqual([
      ["CV Alfa", true, 2],
      ["CV Bravo", true, 1],
      ["CV Charlie", false, null],
      ["CV Delta", false, null],
    ]);
  });

  it("names the winner during Penetapan Pemenang and publishes the results", async () => {
    expectProblem(await t.client().get(`/api/v1/public/tenders/${tender.tenderCode}/results`), 404, "NOT_FOUND");
    expectProblem(await committee.post(`${path()}/winner`), 409, "OUT_OF_STAGE");
    t.clock.set(new Date("2026-12-16T02:30:00Z")); // 09:30 WIB
    const member = await loginAs(t, tender.pokja[1] as TestUser);
    // Under the ceilings (pagu Rp25.000.000) the Pokja names the winner itself; no proposal to the PA/KPA.
    expect((await member.get<{ authority: string; items: unknown[] }>(`${path()}/winner/proposals`)).body).toMatchObject({ authority: "pokja", items: [] });
    const named = await member.post<{ winnerVendorId: string }>(`${path()}/winner`);
    expect(named.status, named.text).toBe(200);
    expect(named.body.winnerVendorId).toBe(vendors.bravo.vendorId);
    expectProblem(await member.post(`${path()}/winner`), 409, "CONFLICT");
    expectProblem(await member.put(`${path()}/evaluation/${vendors.alfa.vendorId}/teknis`, { passed: false, reason: "Perubahan setelah penetapan pemenang." }), 409, "OUT_OF_STAGE");

    const results = await t.client().get<{ winner: string; bidders: { vendorName: string; offer: string; corrected: string; teknis: boolean; harga: boolean; reasons: string[]; rank: number | null; winner: boolean }[] }>(
      `/api/v1/public/tenders/${tender.tenderCode}/results`,
    );
    expect(results.status, results.text).toBe(200);
    expect(results.body.winner).toBe("CV Bravo");
    const by = Object.fromEntries(results.body.bidders.map((b) => [b.vendorName, b]));
    expect(by["CV Bravo"]).toMatchObject({ offer: "15000000", corrected: "18000000", rank: 1, winner: true });
    expect(by["CV Charlie"]).toMatchObject({ teknis: false, reasons: ["Metode pelaksanaan tidak memuat tahapan pengecoran beton."], rank: null });
    expect(by["CV Delta"]).toMatchObject({ harga: false, rank: null });
    const event = await t.deps.database.db.selectFrom("events").select(["payload", "visibility"]).where("type", "=", "tender.winner_determined").executeTakeFirstOrThrow();
    expect(event.visibility).toBe("public");
    expect(JSON.parse(event.payload)).toMatchObject({ winner: "CV Bravo", corrected: "18000000" });
  });

  it("takes one sanggah per bidder during Masa Sanggah, has each answered, then lets the PPK issue the SPPBJ", async () => {
    const file = async (vendor: Vendor, text: string) => (await loginAs(t, vendor)).post<{ id: string }>(`${path()}/objections`, { text });
    const grounds = "Harga terkoreksi CV Bravo tidak wajar dibanding harga pasar beton K-250.";
    expectProblem(await file(vendors.alfa, grounds), 409, "OUT_OF_STAGE");
    t.clock.set(new Date("2026-12-17T03:00:00Z"));
    expectProblem(await file(vendors.alfa, "terlalu pendek"), 400, "VALIDATION_FAILED", "body.text");
    expectProblem(await file(await buildVendor(t), grounds), 403, "FORBIDDEN");
    const alfa = await file(vendors.alfa, grounds);
    expect(alfa.status, alfa.text).toBe(201);
    expectProblem(await file(vendors.alfa, grounds), 409, "CONFLICT");
    const charlie = await file(vendors.charlie, "Metode pelaksanaan kami memuat tahapan pengecoran pada lampiran B halaman 12.");
    expect(charlie.status).toBe(201);
    const listed = await t.client().get<{ items: { vendorName: string; answer: string | null }[] }>(`/api/v1/public/tenders/${tender.tenderCode}/objections`);
    expect(listed.body.items.map((o) => [o.vendorName, o.answer])).toEqual([
      ["CV Alfa", null],
      ["CV Charlie", null],
    ]);

    const ppk = async () => loginAs(t, tender.ppk);
    expectProblem(await (await ppk()).post(`${path()}/award`, { letterNumber: "027/SPPBJ/01/2026" }), 409, "OUT_OF_STAGE");
    const member = await loginAs(t, tender.pokja[2] as TestUser);
    const answer = (id: string, client = member) => client.post(`${path()}/objections/${id}/answer`, { answer: "Harga satuan beton CV Bravo sesuai survei harga pasar dan dinyatakan wajar; sanggah tidak diterima." });
    expect((await answer(alfa.body.id)).status).toBe(204);
    expectProblem(await answer(alfa.body.id), 409, "CONFLICT");
    const inbox = await (await loginAs(t, vendors.alfa)).get<{ items: { kind: string }[] }>("/api/v1/notifications");
    expect(inbox.body.items.map((n) => n.kind)).toContain("tender.objection_answered");

    t.clock.set(new Date("2026-12-22T02:00:00Z")); // 09:00 WIB, during SPPBJ
    expect(expectProblem(await (await ppk()).post(`${path()}/award`, { letterNumber: "027/SPPBJ/01/2026" }), 409, "CONFLICT").messages.en).toContain("1 objection(s) not answered");
    expect((await answer(charlie.body.id, await loginAs(t, tender.pokja[2] as TestUser))).status).toBe(204);
    expectProblem(await (await loginAs(t, await buildUser(t, "ppk", { agencyId: tender.agency.id }))).post(`${path()}/award`, { letterNumber: "027/SPPBJ/01/2026" }), 403, "FORBIDDEN");
    const awarded = await (await ppk()).post<{ vendorName: string; value: string }>(`${path()}/award`, { letterNumber: "027/SPPBJ/01/2026" });
    expect(awarded.status, awarded.text).toBe(201);
    expect(awarded.body).toMatchObject({ vendorName: "CV Bravo", value: "18000000" });
    expectProblem(await (await ppk()).post(`${path()}/award`, { letterNumber: "027/SPPBJ/02/2026" }), 409, "CONFLICT");
    expect((await t.client().get<{ letterNumber: string }>(`/api/v1/public/tenders/${tender.tenderCode}/award`)).body.letterNumber).toBe("027/SPPBJ/01/2026");

    // Open data: the winner as a pending award, then active with the SPPBJ, the supplier among the parties.
    const record = await t.client().get<{ records: { releases: { tag: string[] }[]; compiledRelease: { awards: { status: string; value: { amount: number }; suppliers: { name: string }[] }[]; parties: { name: string; roles: string[] }[] } }[] }>(
      `/api/v1/ocds/records/${t.deps.config.ocdsPrefix}-${tender.tenderCode}`,
    );
    const compiled = record.body.records[0]?.compiledRelease;
    expect(record.body.records[0]?.releases.map((r) => r.tag)).toEqual([["planning", "tender"], ["award"], ["awardUpdate"]]);
    expect(compiled?.awards).toEqual([expect.objectContaining({ status: "active", value: { amount: 18_000_000, currency: "IDR" }, suppliers: [expect.objectContaining({ name: "CV Bravo" })] })]);
    expect(compiled?.parties.find((p) => p.roles.includes("supplier"))?.name).toBe("CV Bravo");
  });
});

/** Tender Cepat: price only; a vendor may lower its price until the deadline; the lowest wins at the opening. */
describe("Tender Cepat", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
  });
  afterAll(() => t.close());

  it("names the lowest corrected price within the HPS as the winner when the bids are opened", async () => {
    const tender = await buildPublishedTender(t, {
      name: "Pengadaan Cepat Kertas dan Tinta",
      category: "barang",
      method: "tender_cepat",
      contractType: "lumsum",
      pagu: "25000000",
      hpsItems: [
        { description: "Kertas HVS A4", unit: "rim", quantity: "200", unitPrice: "55000" },
        { description: "Tinta printer", unit: "botol", quantity: "100", unitPrice: "90000" },
      ],
    });
    const [echo, foxtrot, golf] = [await buildVendor(t, "verified", "CV Echo"), await buildVendor(t, "verified", "CV Foxtrot"), await buildVendor(t, "verified", "CV Golf")];
    // HPS Rp20.000.000. Foxtrot first offers Rp19.500.000, then lowers it to Rp17.500.000 before the deadline.
    await buildOpenedTender(t, tender, [
      { vendor: echo, price: "18000000", unitPrices: ["50000", "80000"] },
      { vendor: foxtrot, price: "19500000", unitPrices: ["52500", "90000"] },
      { vendor: golf, price: "21000000", unitPrices: ["60000", "90000"] },
    ], [{ vendor: foxtrot, price: "17500000", unitPrices: ["50000", "75000"] }]);

    const results = await t.client().get<{ winner: string; bidders: { vendorName: string; corrected: string; rank: number | null; harga: boolean }[] }>(`/api/v1/public/tenders/${tender.tenderCode}/results`);
    expect(results.status, results.text).toBe(200);
    expect(results.body.winner).toBe("CV Foxtrot");
    expect(results.body.bidders.map((b) => [b.vendorName, b.corrected, b.rank, b.harga])).toEqual([
      ["CV Echo", "18000000", 2, true],
      ["CV Foxtrot", "17500000", 1, true],
      ["CV Golf", "21000000", null, false],
    ]);
  });
});
