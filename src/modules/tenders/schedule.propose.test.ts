import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEMO_HOLIDAYS_2026 } from "../../demo/demo-data.js";
import { DEFAULT_SETTINGS } from "../settings/settings.schemas.js";
import { proposalStart, proposeSchedule } from "./schedule.propose.js";
import { PASCA_ONE_FILE, PRA_TWO_FILE, STAGE_KEYS } from "../settings/stage-keys.js";
import { scheduleProblems } from "./schedule.rules.js";

const holidays = new Set(DEMO_HOLIDAYS_2026.map((h) => h.date));

describe("proposed schedules", () => {
  it("always pass the schedule rules, whatever the start and the zone, across the holidays", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 330 * 24 }), fc.constantFrom("WIB", "WITA", "WIT"), fc.constantFrom(PASCA_ONE_FILE, PRA_TWO_FILE), (hours, timeZone, flow) => {
        const start = new Date(Date.UTC(2026, 0, 2) + hours * 3_600_000);
        const settings = { ...DEFAULT_SETTINGS, timeZone };
        const windows = proposeSchedule(start, settings, holidays, flow);
        expect(windows.map((w) => w.stage)).toEqual([...flow]);
        expect(scheduleProblems(windows, { settings, holidays, hpsSetAt: start, hpsMaxWorkingDays: 28, now: start, flow })).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("knows every stage of every flow, each once", () => {
    expect(new Set(STAGE_KEYS)).toEqual(new Set([...PASCA_ONE_FILE, ...PRA_TWO_FILE]));
    expect(new Set(STAGE_KEYS).size).toBe(STAGE_KEYS.length);
  });

  it("reads the requested date on the LPSE's wall clock, and never proposes the past", () => {
    const now = new Date("2026-11-26T03:00:00Z");
    const wit = { ...DEFAULT_SETTINGS, timeZone: "WIT" as const };
    // Monday 30 November begins at 15:00 UTC on Sunday in Papua; its proposal opens at 08:00 WIT, not 09:00.
    expect(proposalStart("2026-11-30", now, wit).toISOString()).toBe("2026-11-29T15:00:00.000Z");
    expect(proposeSchedule(proposalStart("2026-11-30", now, wit), wit, holidays)[0]?.startsAt.toISOString()).toBe("2026-11-29T23:00:00.000Z");
    expect(proposalStart("2026-11-20", now, wit)).toEqual(now);
  });

  it("starts at the next working morning when asked on a holiday", () => {
    // Saturday 21 March 2026 is Idulfitri; Monday 23 and Tuesday 24 are cuti bersama.
    const windows = proposeSchedule(new Date("2026-03-21T02:00:00Z"), DEFAULT_SETTINGS, holidays);
    expect(windows[0]?.startsAt.toISOString()).toBe("2026-03-25T01:00:00.000Z"); // Wednesday 08:00 WIB
  });
});
