import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNpwp, isKbliCode, normalizeNib, normalizeNpwp } from "./identifiers.js";

describe("NPWP, NIB and KBLI", () => {
  it("accepts 15-digit NPWP in any usual spelling and 16-digit NIK-based NPWP", () => {
    expect(normalizeNpwp("01.234.567.8-901.000")).toBe("012345678901000");
    expect(normalizeNpwp("012345678901000")).toBe("012345678901000");
    expect(normalizeNpwp("3577 0112 3456 0001")).toBe("3577011234560001");
    expect(formatNpwp("012345678901000")).toBe("01.234.567.8-901.000");
  });

  it("refuses NPWP of the wrong length or with other characters", () => {
    for (const bad of ["01.234.567.8-901.00", "01234567890100A", "", "01/234/567/8/901/000", "12345678901234567"]) {
      expect(normalizeNpwp(bad), bad).toBeNull();
    }
    // 0123456789010001 is 16 digits and valid as a NIK-based NPWP; 17 digits is not.
    expect(normalizeNpwp("0123456789010001")).not.toBeNull();
  });

  it("round-trips every 15-digit NPWP through its printed form", () => {
    const digits15 = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 }).map((d) => d.join(""));
    fc.assert(
      fc.property(digits15, (digits) => {
        expect(normalizeNpwp(formatNpwp(digits))).toBe(digits);
      }),
    );
  });

  it("checks NIB and KBLI", () => {
    expect(normalizeNib("9120 1234 5678 9")).toBe("9120123456789");
    expect(normalizeNib("912012345678")).toBeNull();
    expect(isKbliCode("41011")).toBe(true);
    expect(isKbliCode("4101")).toBe(false);
  });
});
