import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatRupiah, lineTotal, MAX_SEN, parseQuantity, parseRupiah, quantityString, rupiahString } from "./money.js";

describe("exact money", () => {
  it("parses and prints Rupiah amounts in sen", () => {
    expect(parseRupiah("150000000")).toBe(15_000_000_000n);
    expect(parseRupiah("1250.5")).toBe(125_050n);
    expect(parseRupiah("1250,50")).toBe(125_050n);
    expect(rupiahString(125_050n)).toBe("1250.50");
    expect(rupiahString(15_000_000_000n)).toBe("150000000");
    expect(formatRupiah(20_000_000_000n)).toBe("Rp200.000.000");
    expect(formatRupiah(125_050n)).toBe("Rp1.250,50");
  });

  it("refuses negative, fractional-sen, exponent and oversized amounts", () => {
    for (const bad of ["-1", "1.234", "1e9", "", "Rp100", "1 000", "99999999999999999"]) expect(parseRupiah(bad), bad).toBeNull();
    expect(parseRupiah(rupiahString(MAX_SEN))).toBe(MAX_SEN);
  });

  it("multiplies quantity by unit price exactly, rounding half up to the sen", () => {
    expect(lineTotal(parseQuantity("12.5") ?? 0n, parseRupiah("1000.01") ?? 0n)).toBe(1_250_013n); // 12,500.125 → 12,500.13
    expect(lineTotal(parseQuantity("3") ?? 0n, parseRupiah("333333.33") ?? 0n)).toBe(99_999_999n);
    expect(quantityString(12_500n)).toBe("12.5");
    expect(parseQuantity("0.0001")).toBeNull();
  });

  it("round-trips every amount and quantity through its string", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_SEN }), (sen) => {
        expect(parseRupiah(rupiahString(sen))).toBe(sen);
      }),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), (milli) => {
        expect(parseQuantity(quantityString(milli))).toBe(milli);
      }),
    );
  });
});
