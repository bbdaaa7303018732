import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numberInWords, rupiahInWords } from "./terbilang.js";

describe("amounts in words (terbilang)", () => {
  it.each([
    [0n, "nol"],
    [1n, "satu"],
    [10n, "sepuluh"],
    [11n, "sebelas"],
    [12n, "dua belas"],
    [19n, "sembilan belas"],
    [20n, "dua puluh"],
    [21n, "dua puluh satu"],
    [100n, "seratus"],
    [101n, "seratus satu"],
    [111n, "seratus sebelas"],
    [250n, "dua ratus lima puluh"],
    [1000n, "seribu"],
    [1001n, "seribu satu"],
    [1100n, "seribu seratus"],
    [2000n, "dua ribu"],
    [11_000n, "sebelas ribu"],
    [100_000n, "seratus ribu"],
    [101_000n, "seratus satu ribu"],
    [1_000_000n, "satu juta"],
    [1_001_000n, "satu juta seribu"],
    [1_700_000_000n, "satu miliar tujuh ratus juta"],
    [85_833_000n, "delapan puluh lima juta delapan ratus tiga puluh tiga ribu"],
    [100_000_000_000n, "seratus miliar"],
    [2_000_000_000_000n, "dua triliun"],
  ])("%s is %s", (value, words) => {
    expect(numberInWords(value)).toBe(words);
  });

  it("writes Rupiah with their sen, capitalised", () => {
    expect(rupiahInWords(170_000_000_000n)).toBe("Satu miliar tujuh ratus juta rupiah");
    expect(rupiahInWords(169_950_000_050n)).toBe("Satu miliar enam ratus sembilan puluh sembilan juta lima ratus ribu rupiah lima puluh sen");
    expect(rupiahInWords(1n)).toBe("Nol rupiah satu sen");
  });

  it("never doubles a space, never says 'satu ribu', and differs for different numbers", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), (a, b) => {
        const words = numberInWords(a);
        expect(words).not.toMatch(/ {2}|^ | $|satu ratus|satu puluh|satu belas/);
        // A thousand alone is "seribu"; "satu ribu" only ends a larger number of thousands ("seratus satu ribu").
        expect(words).not.toMatch(/(^|(juta|miliar|triliun|kuadriliun) )satu ribu/);
        if (a !== b) expect(words).not.toBe(numberInWords(b));
      }),
    );
  });
});
