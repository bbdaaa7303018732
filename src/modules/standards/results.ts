import type { CriterionStatus } from "../../db/schema.standards.js";
import type { Catalog } from "./catalog/index.js";

/**
 * A standard is met when every one of its criteria is assessed and every applicable one is met. The
 * national result has no grades inside a standard, so "partially met" counts as not met.
 */
export function standardMet(criterionCodes: readonly string[], statuses: ReadonlyMap<string, CriterionStatus>): boolean {
  let applicable = 0;
  for (const code of criterionCodes) {
    const status = statuses.get(code);
    if (status === undefined) return false;
    if (status === "not_applicable") continue;
    if (status !== "met") return false;
    applicable += 1;
  }
  return applicable > 0;
}

/** The standards met in a cycle, by code. */
export function metStandards(catalog: Catalog, statuses: ReadonlyMap<string, CriterionStatus>): Set<string> {
  return new Set(catalog.standards.filter((s) => standardMet(s.criteria.map((k) => k.code), statuses)).map((s) => s.code));
}
