import type { Queryable } from "../../db/database.js";
import { AppError } from "../../server/errors.js";
import type { Bilingual, Catalog } from "./catalog/index.js";
import { isStale, type LiveReading, periodOf, sourcesFor } from "./live-evidence.js";
import * as repo from "./live-evidence.repository.js";
import { type CycleRow, listAssessments } from "./standards.repository.js";

/** Whether a criterion needs review, and why (each reason in both languages). */
export interface CriterionReview {
  criterionCode: string;
  needsReview: boolean;
  reasons: Bilingual[];
}

/**
 * "Perlu ditinjau" (needs review), derived on read. Live evidence binds a criterion once a snapshot of it is
 * attached: the criterion needs review while the latest snapshot of a source is older than the source's
 * freshness window, or while it is assessed "met" and the source's live reading no longer passes. The stored
 * status is left as the assessor set it (the history stays true); a fresh snapshot, or a status that matches
 * the reading, clears the flag. A signed-off cycle is fixed and never needs review.
 */
export async function reviewCycle(db: Queryable, cycle: CycleRow, catalog: Catalog, now: Date, readings = new Map<string, LiveReading>()): Promise<CriterionReview[]> {
  if (cycle.status !== "open") return [];
  const snapshots = await repo.listSnapshots(db, cycle.id);
  if (snapshots.length === 0) return [];
  const statuses = new Map((await listAssessments(db, cycle.id)).map((a) => [a.criterion_code, a.status]));
  const period = periodOf(cycle.period, now);
  const reviews: CriterionReview[] = [];
  for (const criterion of catalog.standards.flatMap((s) => s.criteria)) {
    const reasons: Bilingual[] = [];
    for (const source of sourcesFor(criterion.code)) {
      const latest = snapshots.find((s) => s.criterion_code === criterion.code && s.source_key === source.key);
      if (!latest) continue;
      if (isStale(source, latest.data_time, now)) {
        reasons.push({ id: `bukti "${source.name.id}" sudah lebih dari ${source.freshnessDays} hari`, en: `the evidence "${source.name.en}" is more than ${source.freshnessDays} days old` });
      }
      if (statuses.get(criterion.code) === "met") {
        let reading = readings.get(source.key);
        if (!reading) {
          reading = await source.read(db, { now, period });
          readings.set(source.key, reading);
        }
        if (!reading.passes) reasons.push({ id: `nilai langsung "${source.name.id}" tidak lagi memenuhi ambang: ${source.threshold.id}`, en: `the live value of "${source.name.en}" no longer meets the threshold: ${source.threshold.en}` });
      }
    }
    if (reasons.length > 0 || snapshots.some((s) => s.criterion_code === criterion.code)) reviews.push({ criterionCode: criterion.code, needsReview: reasons.length > 0, reasons });
  }
  return reviews;
}

/** Sign-off is refused while a criterion needs review, naming each. */
export async function assertNothingNeedsReview(db: Queryable, cycle: CycleRow, catalog: Catalog, now: Date): Promise<void> {
  const pending = (await reviewCycle(db, cycle, catalog, now)).filter((r) => r.needsReview);
  if (pending.length === 0) return;
  const codes = pending.map((r) => r.criterionCode).join(", ");
  throw new AppError("CONFLICT", {
    id: `Kriteria perlu ditinjau karena bukti langsungnya kedaluwarsa atau tidak lagi memenuhi ambang: ${codes}`,
    en: `Criteria need review because their live evidence is stale or no longer passes: ${codes}`,
  });
}
