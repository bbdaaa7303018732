import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEMO_HOLIDAYS_2026 } from "../../demo/demo-data.js";
import { addWorkingDays, isWithinWorkingHours, isWorkingDay, localDate, workingDaysBetween } from "./calendar.js";
import { DEFAULT_SETTINGS } from "./settings.schemas.js";

const holidays = new Set(DEMO_HOLIDAYS_2026.map((h) => h.date));
const settings = DEFAULT_SETTINGS;

describe("working-day calendar", () => {
  it("reads the local date in each zone", () => {
    const instant = new Date("2026-11-26T16:30:00Z");
    expect(localDate(instant, "WIB")).toBe("2026-11-26");
    expect(localDate(instant, "WITA")).toBe("2026-11-27");
    expect(localDate(instant, "WIT")).toBe("2026-11-27");
  });

  it("skips weekends, national holidays and cuti bersama", () => {
    expect(isWorkingDay("2026-11-26", settings, holidays)).toBe(true); // Thursday
    expect(isWorkingDay("2026-11-28", settings, holidays)).toBe(false); // Saturday
    expect(isWorkingDay("2026-08-17", settings, holidays)).toBe(false); // Independence Day, a Monday
    expect(isWorkingDay("2026-03-23", settings, holidays)).toBe(false); // cuti bersama Idulfitri
    // Thursday 19 March (Nyepi) + 3 working days, across Idulfitri and its cuti bersama: Wednesday 25, 26, 27.
    expect(addWorkingDays("2026-03-19", 3, settings, holidays)).toBe("2026-03-27");
    expect(workingDaysBetween("2026-03-17", "2026-03-27", settings, holidays)).toBe(3);
    expect(addWorkingDays("2026-03-25", -1, settings, holidays)).toBe("2026-03-17");
  });

  it("knows working hours in the LPSE's zone", () => {
    // 08:30 WIB on a Thursday is 01:30 UTC.
    expect(isWithinWorkingHours(new Date("2026-11-26T01:30:00Z"), settings, holidays)).toBe(true);
    expect(isWithinWorkingHours(new Date("2026-11-26T00:30:00Z"), settings, holidays)).toBe(false);
    expect(isWithinWorkingHours(new Date("2026-11-26T09:30:00Z"), settings, holidays)).toBe(false);
    // 07:30 UTC is 14:30 WIB (open) but 16:30 WIT (closed).
    expect(isWithinWorkingHours(new Date("2026-11-26T07:30:00Z"), settings, holidays)).toBe(true);
    expect(isWithinWorkingHours(new Date("2026-11-26T07:30:00Z"), { ...settings, timeZone: "WIT" }, holidays)).toBe(false);
  });

  it("adds and counts working days consistently", () => {
    const day = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 40 }), (start, n) => {
        const end = addWorkingDays(start, n, settings, holidays);
        expect(isWorkingDay(end, settings, holidays)).toBe(true);
        expect(workingDaysBetween(start, end, settings, holidays)).toBe(n);
      }),
    );
  });
});
