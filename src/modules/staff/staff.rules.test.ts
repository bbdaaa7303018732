import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gapOf, gapReport, levelAfterAttendance } from "./staff.rules.js";

describe("competence matrix rules", () => {
  it("a gap is required minus current when positive, else none", () => {
    expect(gapOf({ requiredLevel: 3, currentLevel: 1 })).toBe(2);
    expect(gapOf({ requiredLevel: 2, currentLevel: 4 })).toBe(0);
  });

  it("a pass never lowers a level and reaches the awarded one; a fail changes nothing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (current, awarded, passed) => {
        const after = levelAfterAttendance(current, awarded, passed);
        expect(after).toBeGreaterThanOrEqual(current);
        expect(after).toBe(passed ? Math.max(current, awarded) : current);
      }),
    );
  });

  it("reports per competence who is below the required level", () => {
    const report = gapReport(
      [
        { staffId: "a", name: "Rina", competence: "information_security", requiredLevel: 3, currentLevel: 1 },
        { staffId: "b", name: "Agus", competence: "information_security", requiredLevel: 2, currentLevel: 2 },
        { staffId: "a", name: "Rina", competence: "procurement", requiredLevel: 2, currentLevel: 1 },
      ],
      ["information_security", "procurement", "helpdesk_service"],
    );
    expect(report.map((r) => [r.competence, r.staffAssessed, r.staffWithGap, r.totalGap])).toEqual([
      ["information_security", 2, 1, 2],
      ["procurement", 1, 1, 1],
      ["helpdesk_service", 0, 0, 0],
    ]);
  });
});
