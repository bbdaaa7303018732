import type { Catalog, Criterion, Standard } from "./types.js";
import { CATALOG_V1 } from "./v1.js";

export * from "./types.js";

/** Every released catalog version, oldest first. A revision is appended here, never edited in place. */
export const CATALOGS: readonly Catalog[] = [CATALOG_V1];

/** The version new cycles use unless told otherwise. */
export const CURRENT_CATALOG_VERSION = CATALOGS[CATALOGS.length - 1]?.version ?? 1;

/** How many standards the national list has: results read "N of 17". */
export const STANDARD_COUNT = 17;

export function catalogVersion(version: number): Catalog | undefined {
  return CATALOGS.find((c) => c.version === version);
}

/** Every standard code of every version (path parameters accept these). */
export const ALL_STANDARD_CODES = [...new Set(CATALOGS.flatMap((c) => c.standards.map((s) => s.code)))] as [string, ...string[]];

/** Every criterion code of every version. */
export const ALL_CRITERION_CODES = [...new Set(CATALOGS.flatMap((c) => c.standards.flatMap((s) => s.criteria.map((k) => k.code))))] as [string, ...string[]];

export function findStandard(catalog: Catalog, code: string): Standard | undefined {
  return catalog.standards.find((s) => s.code === code);
}

export function findCriterion(catalog: Catalog, code: string): { standard: Standard; criterion: Criterion } | undefined {
  for (const standard of catalog.standards) {
    const criterion = standard.criteria.find((k) => k.code === code);
    if (criterion) return { standard, criterion };
  }
  return undefined;
}
