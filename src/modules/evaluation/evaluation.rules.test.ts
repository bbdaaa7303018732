import { describe, expect, it } from "vitest";
import { correctPrice, judgePrice, rankLowestPrice } from "./evaluation.rules.js";

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
