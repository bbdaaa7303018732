import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildVendor, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { buildOpenedTender } from "../../../test/support/sealed-bids.js";
import { buildPublishedTender } from "../../../test/support/tenders.js";

type Vendor = TestUser & { vendorId: string };
interface Bidder {
  vendorName: string;
  corrected: string | null;
  findings: { teknis: { score: string | null } | null };
  technicalScore: string | null;
  priceScore: string | null;
  combinedScore: string | null;
  rank: number | null;
}

/**
 * Seleksi with kualitas dan biaya, technical weight 80 %. HPS Rp120.000.000: 10 person-months of experts and
 * the direct costs. Charlie is the dearest but scores best: 0,8 × 95 + 0,2 × 80 = 92 beats Alfa's
 * 0,8 × 90 + 0,2 × 88,89 = 89,78 and Bravo's cheapest 0,8 × 80 + 0,2 × 100 = 84.
 */
describe("a scored evaluation: kualitas dan biaya", () => {
  let t: TestApp;
  let tender: Awaited<ReturnType<typeof buildPublishedTender>>;
  let vendors: Record<"alfa" | "bravo" | "charlie", Vendor>;
  let committee: Client;
  const path = () => `/api/v1/tenders/${tender.tenderCode}`;
  const finding = (vendor: Vendor, stage: string, body: unknown) => committee.put<{ bidders: Bidder[] }>(`${path()}/evaluation/${vendor.vendorId}/${stage}`, body);

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    tender = await buildPublishedTender(t, {
      name: "Jasa Konsultansi Perencanaan Taman Kota",
      category: "jasa_konsultansi",
      method: "seleksi",
      evaluationMethod: "kualitas_biaya",
      technicalWeight: 80,
      contractType: "waktu_penugasan",
      kbliCodes: ["71102"],
      pagu: "150000000",
      hpsItems: [
        { description: "Tenaga ahli perencana", unit: "OB", quantity: "10", unitPrice: "10000000" },
        { description: "Biaya langsung non-personel", unit: "ls", quantity: "1", unitPrice: "20000000" },
      ],
    });
    vendors = {
      alfa: await buildVendor(t, "verified", "CV Alfa"),
      bravo: await buildVendor(t, "verified", "CV Bravo"),
      charlie: await buildVendor(t, "verified", "CV Charlie"),
    };
    await buildOpenedTender(t, tender, [
      { vendor: vendors.alfa, price: "108000000", unitPrices: ["9000000", "18000000"] },
      { vendor: vendors.bravo, price: "96000000", unitPrices: ["8000000", "16000000"] },
      { vendor: vendors.charlie, price: "120000000", unitPrices: ["10000000", "20000000"] },
    ]);
    t.clock.set(new Date("2026-12-14T03:00:00Z"));
    committee = await loginAs(t, tender.pokja[0] as TestUser);
  });
  afterAll(() => t.close());

  it("takes the technical score with the teknis finding only, and requires it when the bid passes", async () => {
    const view = await committee.get<{ evaluationMethod: string; technicalWeight: number; scored: boolean }>(`${path()}/evaluation`);
    expect(view.status, view.text).toBe(200);
    expect(view.body).toMatchObject({ evaluationMethod: "kualitas_biaya", technicalWeight: 80, scored: true });

    const missing = expectProblem(await finding(vendors.alfa, "teknis", { passed: true, reason: "" }), 400, "VALIDATION_FAILED", "body.score");
    expect(missing.messages.en).toContain("technical score");
    expectProblem(await finding(vendors.alfa, "administrasi", { passed: true, reason: "", score: "90" }), 400, "VALIDATION_FAILED", "body.score");
    for (const bad of ["100.5", "87.555", "-1", "sembilan puluh"]) expectProblem(await finding(vendors.alfa, "teknis", { passed: true, reason: "", score: bad }), 400, "VALIDATION_FAILED", "body.score");
    expectProblem(await finding(vendors.alfa, "teknis", { passed: true, reason: "", score: 90 }), 400, "VALIDATION_FAILED", "body.score");
    // A failed technical finding may go without a score.
    expect((await finding(vendors.bravo, "teknis", { passed: false, reason: "Tenaga ahli tidak memenuhi syarat pengalaman." })).status).toBe(200);
  });

  it("ranks by the weighted total of the technical and price scores, and publishes the scores", async () => {
    const scores = { alfa: "90", bravo: "80", charlie: "95" } as const;
    for (const [name, v] of Object.entries(vendors) as [keyof typeof vendors, Vendor][]) {
      for (const stage of ["administrasi", "teknis", "kualifikasi"]) {
        const r = await finding(v, stage, stage === "teknis" ? { passed: true, reason: "Memenuhi ambang batas.", score: scores[name] } : { passed: true, reason: "" });
        expect(r.status, r.text).toBe(200);
      }
    }
    const bidders = (await committee.get<{ bidders: Bidder[] }>(`${path()}/evaluation`)).body.bidders;
    expect(bidders.map((b) => [b.vendorName, b.corrected, b.technicalScore, b.priceScore, b.combinedScore, b.rank])).toEqual([
      ["CV Alfa", "108000000", "90", "88.89", "89.78", 2],
      ["CV Bravo", "96000000", "80", "100", "84", 3],
      ["CV Charlie", "120000000", "95", "80", "92", 1],
    ]);
    expect(bidders[0]?.findings.teknis?.score).toBe("90");

    t.clock.set(new Date("2026-12-16T02:30:00Z"));
    const named = await (await loginAs(t, tender.pokja[1] as TestUser)).post<{ winnerVendorId: string }>(`${path()}/winner`);
    expect(named.status, named.text).toBe(200);
    expect(named.body.winnerVendorId).toBe(vendors.charlie.vendorId);
    const results = await t.client().get<{ winner: string; technicalWeight: number; bidders: { vendorName: string; technicalScore: string; combinedScore: string; rank: number }[] }>(
      `/api/v1/public/tenders/${tender.tenderCode}/results`,
    );
    expect(results.status, results.text).toBe(200);
    expect(results.body).toMatchObject({ winner: "CV Charlie", technicalWeight: 80 });
    expect(results.body.bidders.map((b) => [b.vendorName, b.technicalScore, b.combinedScore, b.rank])).toEqual([
      ["CV Alfa", "90", "89.78", 2],
      ["CV Bravo", "80", "84", 3],
      ["CV Charlie", "95", "92", 1],
    ]);
  });
});
