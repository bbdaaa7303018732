import { describe, expect, it } from "vitest";
import { compileReleases, mergeObjects } from "./merge.js";
import type { JsonObject } from "./ocds.types.js";

describe("OCDS merge", () => {
  it("merges objects field by field: later values win, absent fields stay, null removes", () => {
    const earlier: JsonObject = { tender: { title: "Jalan", status: "planning", value: { amount: 10, currency: "IDR" }, description: "lama" } };
    const later: JsonObject = { tender: { status: "active", value: { amount: 12 }, description: null } };
    expect(mergeObjects(earlier, later)).toEqual({ tender: { title: "Jalan", status: "active", value: { amount: 12, currency: "IDR" } } });
  });

  it("merges arrays of objects with ids by id: matched items merge, new ones append, omitted ones stay", () => {
    const earlier: JsonObject = { milestones: [{ id: "a", dueDate: "1" }, { id: "b", dueDate: "2", title: "B" }] };
    const later: JsonObject = { milestones: [{ id: "b", dueDate: "3" }, { id: "c", dueDate: "4" }] };
    expect(mergeObjects(earlier, later).milestones).toEqual([{ id: "a", dueDate: "1" }, { id: "b", dueDate: "3", title: "B" }, { id: "c", dueDate: "4" }]);
  });

  it("keeps ids of different types apart, as the reference implementation does", () => {
    expect(mergeObjects({ items: [{ id: "1", q: 1 }] }, { items: [{ id: 1, q: 2 }] }).items).toEqual([{ id: "1", q: 1 }, { id: 1, q: 2 }]);
  });

  it("replaces every other array whole: strings, and objects without ids", () => {
    const earlier: JsonObject = { parties: [{ id: "p", roles: ["buyer", "payer"] }], submissionMethod: ["written"], list: [{ x: 1 }, { x: 2 }] };
    const later: JsonObject = { parties: [{ id: "p", roles: ["buyer"] }], submissionMethod: ["electronicSubmission"], list: [{ x: 3 }] };
    expect(mergeObjects(earlier, later)).toEqual({ parties: [{ id: "p", roles: ["buyer"] }], submissionMethod: ["electronicSubmission"], list: [{ x: 3 }] });
  });

  it("leaves its inputs untouched", () => {
    const earlier: JsonObject = { tender: { items: [{ id: "1", quantity: 1 }] } };
    const copy = structuredClone(earlier);
    const merged = mergeObjects(earlier, { tender: { items: [{ id: "1", quantity: 2 }] } });
    expect(earlier).toEqual(copy);
    (merged.tender as { items: { quantity: number }[] }).items[0]!.quantity = 9;
    expect(earlier).toEqual(copy);
  });

  it("compiles releases in order without their id, date and tag, tagged compiled with the newest date", () => {
    const releases = [
      { ocid: "ocds-abc123-1", id: "r1", date: "2026-11-26T03:00:00.000Z", tag: ["planning", "tender"], initiationType: "tender", tender: { id: "1", status: "active", amendments: [] as JsonObject[] } },
      { ocid: "ocds-abc123-1", id: "r2", date: "2026-11-27T03:00:00.000Z", tag: ["tenderAmendment"], initiationType: "tender", tender: { id: "1", amendments: [{ id: "1", rationale: "Adendum" }] } },
    ];
    expect(compileReleases(releases)).toEqual({
      ocid: "ocds-abc123-1",
      id: "ocds-abc123-1-2026-11-27T03:00:00.000Z",
      date: "2026-11-27T03:00:00.000Z",
      tag: ["compiled"],
      initiationType: "tender",
      tender: { id: "1", status: "active", amendments: [{ id: "1", rationale: "Adendum" }] },
    });
    expect(() => compileReleases([])).toThrow(RangeError);
  });
});
