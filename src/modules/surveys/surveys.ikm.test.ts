import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeIkm, ikmCategory } from "./surveys.ikm.js";

describe("IKM (PermenPAN-RB 14/2017)", () => {
  it("puts the category bounds where the regulation does", () => {
    expect(ikmCategory(100)).toBe("A");
    expect(ikmCategory(88.31)).toBe("A");
    expect(ikmCategory(88.3)).toBe("B");
    expect(ikmCategory(76.61)).toBe("B");
    expect(ikmCategory(76.6)).toBe("C");
    expect(ikmCategory(65)).toBe("C");
    expect(ikmCategory(64.99)).toBe("D");
    expect(ikmCategory(25)).toBe("D");
  });

  it("averages each question and converts the mean of the means by 25", () => {
    const r = computeIkm(3, [
      [4, 3, 3],
      [3, 3, 4],
    ]);
    expect(r.averages).toEqual([3.5, 3, 3.5]);
    // (3.5 + 3 + 3.5) / 3 = 3.333… × 25 = 83.33
    expect(r).toMatchObject({ ikm: 83.33, category: "B" });
  });

  it("has no figure without answers", () => {
    expect(computeIkm(2, [])).toEqual({ averages: [null, null], ikm: null, category: null });
  });

  it("always lands between 25 and 100", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }).chain((n) => fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 30 }).map((a) => [n, a] as const)), ([n, answers]) => {
        const { ikm } = computeIkm(n, answers);
        expect(ikm).toBeGreaterThanOrEqual(25);
        expect(ikm).toBeLessThanOrEqual(100);
      }),
    );
  });
});
