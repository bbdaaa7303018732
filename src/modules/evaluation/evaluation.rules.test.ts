import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correctPrice, judgePrice, parseScore, priceCeilingSen, rankBids, rankLowestPrice, type ScoredCandidate, scoreString, type Standing } from "./evaluation.rules.js";

const bill = [
  { id: "galian", quantityMilli: 1_250_500n }, // 1.250,5 m3
  { id: "beton", quantityMilli: 10_000n }, // 10 m3
];

describe("arithmetic correction and the price verdict", () => {
  it("keeps the offered unit prices and takes the document's quantities, rounding each line half up", () => {
    // 1.250,5 × Rp85.000,50 = Rp106.293.125,25; 10 × Rp1.000.000 = Rp10.000.000. The stated total is ignored.
    const c = correctPrice(bill, "100000000", [
      { hpsItemId: "galian", unitPrice: "85000.50" },
      { hpsItemId: "beton", unitPrice: "1000000" },
    ]);
    expect(c).toEqual({ offeredSen: 10_000_000_000n, correctedSen: 11_629_312_525n, problem: null });
    expect(correctPrice(bill, "1", [{ hpsItemId: "galian", unitPrice: "1" }]).problem).toContain("beton");
    expect(correctPrice(bill, "1", [{ hpsItemId: "galian", unitPrice: "1" }, { hpsItemId: "beton", unitPrice: "satu juta" }]).correctedSen).toBeNull();
  });

  it("fails a corrected price above the HPS and flags one under 80 % of it", () => {
    const hps = 2_000_000_000n; // Rp20.000.000
    const at = (sen: bigint) => judgePrice({ offeredSen: sen, correctedSen: sen, problem: null }, hps);
    expect(at(2_000_000_001n)).toEqual({ pass: false, aboveHps: true, needsClarification: false });
    expect(at(2_000_000_000n)).toEqual({ pass: true, aboveHps: false, needsClarification: false });
    expect(at(1_600_000_000n)).toEqual({ pass: true, aboveHps: false, needsClarification: false });
    expect(at(1_599_999_999n)).toEqual({ pass: true, aboveHps: false, needsClarification: true });
    expect(judgePrice({ offeredSen: 1n, correctedSen: null, problem: "x" }, hps).pass).toBe(false);
  });

  it("ranks passing bids by corrected price, the earlier bid first on a tie", () => {
    const ranks = rankLowestPrice([
      { vendorId: "a", correctedSen: 190n, passed: true, submittedAt: "2026-12-10T01:00:00Z" },
      { vendorId: "b", correctedSen: 180n, passed: true, submittedAt: "2026-12-10T03:00:00Z" },
      { vendorId: "c", correctedSen: 130n, passed: false, submittedAt: "2026-12-10T00:00:00Z" },
      { vendorId: "d", correctedSen: 180n, passed: true, submittedAt: "2026-12-10T02:00:00Z" },
    ]);
    expect([...ranks]).toEqual([["d", 1], ["b", 2], ["a", 3]]);
  });
});

/** A passing bid with a corrected price in sen and a technical score in points ("87.5"). */
function bid(vendorId: string, correctedSen: bigint, score: string | null, submittedAt: string, passed = true): ScoredCandidate {
  return { vendorId, correctedSen, passed, submittedAt, technicalHundredths: score === null ? null : parseScore(score) };
}
const at = (hour: number) => `2026-12-10T${String(hour).padStart(2, "0")}:00:00Z`;
const order = (standings: Map<string, Standing>) => [...standings].map(([vendorId, s]) => [vendorId, s.rank]);
const shown = (standings: Map<string, Standing>) =>
  Object.fromEntries([...standings].map(([vendorId, s]) => [vendorId, [s.priceHundredths === null ? null : scoreString(s.priceHundredths), s.combinedHundredths === null ? null : scoreString(s.combinedHundredths)]]));

describe("technical scores", () => {
  it("reads 0 to 100 points with at most two decimals, as integer hundredths", () => {
    expect(parseScore("87.5")).toBe(8750);
    expect(parseScore("87,05")).toBe(8705);
    expect(parseScore("0")).toBe(0);
    expect(parseScore("100")).toBe(10_000);
    expect(parseScore("100.00")).toBe(10_000);
    for (const bad of ["100.01", "101", "87.555", "-1", "", "8 7", "1e2", "87."]) expect(parseScore(bad), bad).toBeNull();
    expect([scoreString(8750), scoreString(8705), scoreString(8000), scoreString(0)]).toEqual(["87.50", "87.05", "80", "0"]);
  });

  it("writes back every score it reads", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), (h) => parseScore(scoreString(h)) === h));
  });
});

describe("ranking per evaluation method", () => {
  it("sistem nilai and kualitas dan biaya weigh technical against price; an exact tie goes to the earlier bid", () => {
    // Weight 80 %. Alfa: 90 points at the lowest price (price score 100) = 0,8 × 90 + 0,2 × 100 = 92.
    // Bravo: 95 points at 125 % of it (price score 80) = 76 + 16 = 92, exactly: the earlier bid (Alfa) first.
    // Charlie: 85 points at the lowest price = 68 + 20 = 88. Delta scores best but failed a stage.
    const bids = [
      bid("bravo", 125_000n, "95", at(2)),
      bid("alfa", 100_000n, "90", at(1)),
      bid("charlie", 100_000n, "85", at(0)),
      bid("delta", 90_000n, "99", at(0), false),
    ];
    for (const method of ["nilai", "kualitas_biaya"] as const) {
      const standings = rankBids(method, bids, 80);
      expect(order(standings)).toEqual([["alfa", 1], ["bravo", 2], ["charlie", 3]]);
      expect(shown(standings)).toEqual({ alfa: ["100", "92"], bravo: ["80", "92"], charlie: ["100", "88"] });
    }
    // The lowest price counts among the passing bids only: Delta's lower failed price is not the reference.
    expect(rankBids("nilai", bids, 80).get("bravo")?.priceHundredths).toBe(8000n);
    // Price weight 60 %: the cheaper bids overtake.
    expect(order(rankBids("kualitas_biaya", bids, 40))).toEqual([["alfa", 1], ["charlie", 2], ["bravo", 3]]);
  });

  it("compares the weighted totals exactly, not their rounded display", () => {
    // Weight 50 %. Echo: 70 points at the lowest price = 85. Foxtrot: 86,67 points at 120 % of it: the price
    // score is 83,333…, the total 85,0016…; both show 85, but Foxtrot is higher and ranks first though later.
    const close = [bid("echo", 1_000n, "70", at(1)), bid("foxtrot", 1_200n, "86.67", at(2))];
    const standings = rankBids("nilai", close, 50);
    expect(order(standings)).toEqual([["foxtrot", 1], ["echo", 2]]);
    expect(shown(standings)).toEqual({ echo: ["100", "85"], foxtrot: ["83.33", "85"] });
    // At 86,66 points Foxtrot's total is 84,9966…: under 85, though it shows 85 too.
    expect(order(rankBids("nilai", [close[0] as ScoredCandidate, bid("foxtrot", 1_200n, "86.66", at(0))], 50))).toEqual([["echo", 1], ["foxtrot", 2]]);
  });

  it("with equal prices, the weighted ranking follows the technical score, then the earlier bid", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }), (weight, scores) => {
        const bids = scores.map((h, i) => ({ vendorId: `v${i}`, correctedSen: 5_000_000n, passed: true, submittedAt: at(i), technicalHundredths: h }));
        const expected = [...bids].sort((x, y) => y.technicalHundredths - x.technicalHundredths || x.submittedAt.localeCompare(y.submittedAt)).map((b) => b.vendorId);
        return JSON.stringify([...rankBids("nilai", bids, weight).keys()]) === JSON.stringify(expected);
      }),
    );
  });

  it("ranks nobody under a weighted method without its weight", () => {
    expect(rankBids("kualitas_biaya", [bid("alfa", 100n, "90", at(0))], null).size).toBe(0);
  });

  it("kualitas and pagu anggaran: the highest technical score first, whatever the price; a tie to the earlier bid", () => {
    const bids = [
      bid("alfa", 100n, "80.5", at(3)),
      bid("bravo", 900n, "91.25", at(2)),
      bid("charlie", 500n, "91.25", at(1)),
      bid("delta", 100n, "99", at(0), false),
      bid("echo", 100n, null, at(0)),
    ];
    for (const method of ["kualitas", "pagu_anggaran"] as const) {
      expect(order(rankBids(method, bids, null))).toEqual([["charlie", 1], ["bravo", 2], ["alfa", 3]]);
      expect(shown(rankBids(method, bids, null)).alfa).toEqual([null, null]);
    }
  });

  it("pagu anggaran fails a corrected price above the pagu, not above the HPS", () => {
    const hps = 1_000_000n;
    const pagu = 1_200_000n;
    const price = (sen: bigint, method: string) => judgePrice({ offeredSen: sen, correctedSen: sen, problem: null }, hps, 80n, priceCeilingSen(method, hps, pagu)).pass;
    expect([price(1_100_000n, "pagu_anggaran"), price(1_200_000n, "pagu_anggaran"), price(1_200_001n, "pagu_anggaran")]).toEqual([true, true, false]);
    expect(price(1_100_000n, "kualitas")).toBe(false);
  });

  it("biaya terendah, umur ekonomis and sistem gugur: the lowest corrected price among passing bids, scores aside", () => {
    const bids = [bid("alfa", 300n, "95", at(0)), bid("bravo", 200n, "70", at(2)), bid("charlie", 200n, "75", at(1)), bid("delta", 100n, "80", at(0), false)];
    for (const method of ["biaya_terendah", "umur_ekonomis", "gugur_harga_terendah"] as const) {
      expect(order(rankBids(method, bids, null))).toEqual([["charlie", 1], ["bravo", 2], ["alfa", 3]]);
    }
  });
});
