import { describe, expect, it } from "vitest";
import type { CriterionStatus } from "../../db/schema.standards.js";
import { CATALOG_V1 } from "./catalog/v1.js";
import { metStandards, standardMet } from "./results.js";

const codes = ["S01.1", "S01.2", "S01.3"];
const statuses = (...s: (CriterionStatus | undefined)[]) => new Map(s.flatMap((v, i) => (v ? [[codes[i] as string, v] as const] : [])));

describe("a standard is met", () => {
  it("when every applicable criterion is met", () => {
    expect(standardMet(codes, statuses("met", "met", "met"))).toBe(true);
    expect(standardMet(codes, statuses("met", "not_applicable", "met"))).toBe(true);
  });

  it("not when a criterion is partially met, not met or unassessed, nor when nothing applies", () => {
    expect(standardMet(codes, statuses("met", "partially_met", "met"))).toBe(false);
    expect(standardMet(codes, statuses("met", "not_met", "met"))).toBe(false);
    expect(standardMet(codes, statuses("met", undefined, "met"))).toBe(false);
    expect(standardMet(codes, statuses("not_applicable", "not_applicable", "not_applicable"))).toBe(false);
  });

  it("counts N of 17 over the catalog", () => {
    const all = new Map(CATALOG_V1.standards.flatMap((s) => s.criteria.map((k) => [k.code, "met" as CriterionStatus] as const)));
    expect(metStandards(CATALOG_V1, all).size).toBe(17);
    all.set("S11.2", "not_met");
    all.set("S17.1", "partially_met");
    expect([...metStandards(CATALOG_V1, all)]).not.toContain("S11");
    expect(metStandards(CATALOG_V1, all).size).toBe(15);
  });
});
