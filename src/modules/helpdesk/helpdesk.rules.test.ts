import { describe, expect, it } from "vitest";
import { monthRange } from "./helpdesk.report.js";
import { canMoveTo, dueTimes, newTicketCode, priorityOf, timer } from "./helpdesk.rules.js";
import { DEFAULT_SLA, TICKET_CODE } from "./helpdesk.schemas.js";

describe("helpdesk rules", () => {
  it("derives the priority from urgency × impact by the documented matrix", () => {
    const matrix = (["high", "medium", "low"] as const).map((u) => (["low", "medium", "high"] as const).map((i) => priorityOf(u, i)));
    expect(matrix).toEqual([
      ["P3", "P2", "P1"],
      ["P4", "P3", "P2"],
      ["P4", "P4", "P3"],
    ]);
  });

  it("fixes due times from the targets and reads timers against the clock", () => {
    expect(dueTimes("2026-11-02T01:00:00.000Z", "P2", DEFAULT_SLA)).toEqual({ responseDueAt: "2026-11-02T05:00:00.000Z", resolutionDueAt: "2026-11-03T01:00:00.000Z" });
    const due = "2026-11-02T05:00:00.000Z";
    expect(timer(due, null, new Date("2026-11-02T04:59:30.000Z"))).toMatchObject({ remainingSeconds: 30, state: "running" });
    expect(timer(due, null, new Date("2026-11-02T05:00:01.000Z"))).toMatchObject({ remainingSeconds: -1, state: "overdue" });
    expect(timer(due, due, new Date("2026-11-09T00:00:00.000Z"))).toMatchObject({ remainingSeconds: null, state: "met" });
    expect(timer(due, "2026-11-02T05:00:00.001Z", new Date())).toMatchObject({ state: "breached" });
  });

  it("allows only the documented status moves", () => {
    expect(canMoveTo("new", "resolved")).toBe(true);
    expect(canMoveTo("resolved", "in_progress")).toBe(true);
    expect(canMoveTo("new", "closed")).toBe(false);
    expect(canMoveTo("closed", "in_progress")).toBe(false);
  });

  it("makes tracking codes in the published format", () => {
    const codes = new Set(Array.from({ length: 200 }, newTicketCode));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(TICKET_CODE);
  });

  it("takes the month in the LPSE's zone", () => {
    expect(monthRange("2026-12", "WIT")).toEqual({ from: new Date("2026-11-30T15:00:00.000Z"), to: new Date("2026-12-31T15:00:00.000Z") });
  });
});
