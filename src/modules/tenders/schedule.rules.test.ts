import { describe, expect, it } from "vitest";
import { pascaSchedule } from "../../../test/support/schedule.js";
import { DEMO_HOLIDAYS_2026 } from "../../demo/demo-data.js";
import { DEFAULT_SETTINGS } from "../settings/settings.schemas.js";
import { currentStage, scheduleProblems, type StageKey, type StageWindow } from "./schedule.rules.js";

const holidays = new Set(DEMO_HOLIDAYS_2026.map((h) => h.date));
const context = { settings: DEFAULT_SETTINGS, holidays, hpsSetAt: new Date("2026-11-26T03:00:00Z"), hpsMaxWorkingDays: 28, now: new Date("2026-11-26T03:00:00Z") };

function windows(shiftDays = 0): StageWindow[] {
  return pascaSchedule(shiftDays).map((s) => ({ stage: s.stage as StageKey, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }));
}

function fields(ws: StageWindow[], ctx = context): string[] {
  return scheduleProblems(ws, ctx).map((p) => p.field);
}

describe("schedule rules", () => {
  it("accepts a schedule that meets every rule", () => {
    expect(scheduleProblems(windows(), context)).toEqual([]);
  });

  it("refuses missing or reordered stages", () => {
    expect(fields(windows().slice(1))).toEqual(["body.stages"]);
    const swapped = windows();
    [swapped[0], swapped[1]] = [swapped[1] as StageWindow, swapped[0] as StageWindow];
    expect(fields(swapped)).toEqual(["body.stages"]);
  });

  it("refuses overlaps and stages that end before they start", () => {
    const ws = windows();
    (ws[2] as StageWindow).startsAt = new Date((ws[1] as StageWindow).endsAt.getTime() - 3_600_000);
    expect(fields(ws)).toContain("body.stages.2.startsAt");
    const backwards = windows();
    (backwards[4] as StageWindow).endsAt = (backwards[4] as StageWindow).startsAt;
    expect(fields(backwards)).toContain("body.stages.4.endsAt");
  });

  it("applies the minimum durations in working days, counting holidays", () => {
    const ws = windows();
    // Bid submission squeezed into two working days (Wed 9 – Thu 10 December).
    (ws[3] as StageWindow).endsAt = new Date("2026-12-10T07:00:00Z");
    expect(fields(ws)).toEqual(["body.stages.3.endsAt"]);
  });

  it("ends the sanggah period on a working day within working hours", () => {
    const ws = windows();
    (ws[9] as StageWindow).endsAt = new Date("2026-12-21T10:30:00Z"); // 17:30 WIB
    expect(fields(ws)).toEqual(["body.stages.9.endsAt"]);
    const weekend = windows();
    (weekend[9] as StageWindow).endsAt = new Date("2026-12-26T03:00:00Z"); // Saturday
    expect(fields(weekend)).toContain("body.stages.9.endsAt");
  });

  it("keeps the HPS no older than 28 working days at the bid deadline, and the start in the future", () => {
    expect(fields(windows(70))).toEqual(["body.stages.3.endsAt"]);
    expect(fields(windows(), { ...context, now: new Date("2026-12-01T00:00:00Z") })).toEqual(["body.stages.0.startsAt"]);
  });

  it("derives the current stage from the clock", () => {
    const ws = windows();
    expect(currentStage(ws, new Date("2026-11-29T00:00:00Z")).stage).toBe("belum_dimulai");
    expect(currentStage(ws, new Date("2026-12-10T03:00:00Z"))).toEqual({ stage: "upload_penawaran", open: true, next: "pembukaan", opensAt: null });
    expect(currentStage(ws, new Date("2027-01-10T03:00:00Z"))).toEqual({ stage: "selesai", open: false, next: null, opensAt: null });
  });

  it("between two windows, names the stage that opens next, not yet open", () => {
    const ws = windows();
    const [upload, opening] = [ws[3] as StageWindow, ws[4] as StageWindow];
    opening.startsAt = new Date(upload.endsAt.getTime() + 16 * 3_600_000);
    opening.endsAt = new Date(opening.startsAt.getTime() + 3_600_000);
    const overnight = new Date(upload.endsAt.getTime() + 3_600_000);
    expect(currentStage(ws, overnight)).toEqual({ stage: "pembukaan", open: false, next: "evaluasi", opensAt: opening.startsAt });
    expect(currentStage(ws, upload.endsAt).open).toBe(false);
    expect(currentStage(ws, opening.startsAt)).toEqual({ stage: "pembukaan", open: true, next: "evaluasi", opensAt: null });
  });
});
