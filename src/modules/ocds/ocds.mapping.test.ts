import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_OCDS_PREFIX, loadConfig } from "../../server/config.js";
import { MAX_SEN, parseQuantity, parseRupiah } from "../packages/money.js";
import { quantityNumber, rupiahAmount } from "./ocds.mapping.js";

/** Below 2^46 Rupiah, doubles are closer together than a sen. */
const EXACT_BELOW_SEN = 2n ** 46n * 100n;

describe("OCDS amounts", () => {
  it("writes every amount below 2^46 Rupiah (≈ Rp70 trillion) to the sen as a JSON number", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: EXACT_BELOW_SEN - 1n }), (sen) => {
        expect(parseRupiah(JSON.stringify(rupiahAmount(sen)))).toBe(sen);
      }),
      { numRuns: 20_000 },
    );
    expect(JSON.stringify(rupiahAmount(199_999_999n))).toBe("1999999.99");
    expect(JSON.stringify(rupiahAmount(EXACT_BELOW_SEN - 1n))).toBe("70368744177663.99");
  });

  it("keeps whole Rupiah exact up to MAX_SEN; only sen between Rp70 and Rp90 trillion can round", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_SEN / 100n }), (rupiah) => {
        expect(parseRupiah(JSON.stringify(rupiahAmount(rupiah * 100n)))).toBe(rupiah * 100n);
      }),
    );
    // The documented limit: 90,071,992,547,409.91 is written as …409.9.
    expect(JSON.stringify(rupiahAmount(MAX_SEN))).toBe("90071992547409.9");
  });

  it("writes quantities (integer thousandths, at most 12 integer digits) exactly", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n - 1n }), (milli) => {
        expect(parseQuantity(JSON.stringify(quantityNumber(milli)))).toBe(milli);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("OCDS_PREFIX", () => {
  it("defaults to a placeholder and accepts a registered prefix with an optional suffix", () => {
    expect(loadConfig({}).ocdsPrefix).toBe(DEFAULT_OCDS_PREFIX);
    expect(loadConfig({ OCDS_PREFIX: "ocds-213czf" }).ocdsPrefix).toBe("ocds-213czf");
    expect(loadConfig({ OCDS_PREFIX: "ocds-213czf-madiun" }).ocdsPrefix).toBe("ocds-213czf-madiun");
  });

  it.each(["213czf", "ocds-213cz", "ocds-213czf7", "ocds-213czf-", "ocds-213c_f", "ocds-213czf-kota madiun"])("refuses %s naming the variable", (value) => {
    expect(() => loadConfig({ OCDS_PREFIX: value })).toThrow(ConfigError);
    expect(() => loadConfig({ OCDS_PREFIX: value })).toThrow(/OCDS_PREFIX/);
  });
});
