import { describe, expect, it } from "vitest";
import { CATALOGS, EVIDENCE_KINDS, STANDARD_COUNT } from "./index.js";

describe("standards catalog", () => {
  it.each(CATALOGS.map((c) => [c.version, c] as const))("version %i holds the 17 standards, numbered, each with criteria and evidence kinds", (_, catalog) => {
    expect(catalog.standards).toHaveLength(STANDARD_COUNT);
    expect(catalog.standards.map((s) => s.number)).toEqual(Array.from({ length: STANDARD_COUNT }, (_, i) => i + 1));
    const standardCodes = catalog.standards.map((s) => s.code);
    expect(new Set(standardCodes).size).toBe(STANDARD_COUNT);
    const criterionCodes = catalog.standards.flatMap((s) => s.criteria.map((k) => k.code));
    expect(new Set(criterionCodes).size).toBe(criterionCodes.length);
    for (const standard of catalog.standards) {
      expect(standard.name.id.length, standard.code).toBeGreaterThan(5);
      expect(standard.name.en.length, standard.code).toBeGreaterThan(5);
      expect(standard.criteria.length, standard.code).toBeGreaterThanOrEqual(2);
      for (const criterion of standard.criteria) {
        expect(criterion.code.startsWith(`${standard.code}.`), criterion.code).toBe(true);
        expect(criterion.evidence.length, criterion.code).toBeGreaterThan(0);
        for (const kind of criterion.evidence) expect(EVIDENCE_KINDS).toContain(kind);
        expect(criterion.text.id.length).toBeGreaterThan(20);
        expect(criterion.text.en.length).toBeGreaterThan(20);
      }
    }
  });

  it("keeps version numbers unique and increasing", () => {
    const versions = CATALOGS.map((c) => c.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it("names the hard standards as LKPP does", () => {
    const [v1] = CATALOGS;
    expect(v1?.standards[10]?.name.id).toBe("Pengelolaan Keamanan Server dan Jaringan");
    expect(v1?.standards[16]?.name.id).toBe("Penilaian Internal");
  });
});
