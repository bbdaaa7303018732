import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError, fieldError } from "../../server/errors.js";
import { authorize } from "../../server/http.js";
import { findCriterion } from "./catalog/index.js";
import { isStale, LIVE_SOURCES, type LiveReading, type LiveSource, liveSource, periodOf, sourcesFor } from "./live-evidence.js";
import * as repo from "./live-evidence.repository.js";
import { reviewCycle } from "./live-evidence.review.js";
import type { CriterionLive, LiveReadingView } from "./live-evidence.schemas.js";
import { canAssess } from "./standards.policy.js";
import { type CycleRow, lockCycle } from "./standards.repository.js";
import { catalogOf, involvementOf, loadVisibleCycle } from "./standards.service.js";

/** Outside a cycle there is no period name: `periodOf` then takes the year before now. */
const DEFAULT_PERIOD = "";

function view(source: LiveSource, reading: LiveReading): LiveReadingView {
  return { key: source.key, criteria: [...source.criteria], name: source.name, threshold: source.threshold, freshnessDays: source.freshnessDays, ...reading };
}

/** Every source's reading now (the change log over the last year). */
export async function readAllSources(db: Kysely<DB>, now: Date): Promise<LiveReadingView[]> {
  const period = periodOf(DEFAULT_PERIOD, now);
  return Promise.all(LIVE_SOURCES.map(async (s) => view(s, await s.read(db, { now, period }))));
}

function criterionOf(cycle: CycleRow, code: string) {
  const found = findCriterion(catalogOf(cycle), code);
  if (!found) throw fieldError("params.criterionCode", { id: "tidak ada dalam katalog siklus ini", en: "is not in this cycle's catalog" });
  return found;
}

/** Which criteria of a readable cycle need review because of their live evidence. */
export async function cycleReview(db: Kysely<DB>, actor: Actor, cycleId: string, now: Date) {
  const { cycle } = await loadVisibleCycle(db, actor, cycleId);
  return reviewCycle(db, cycle, catalogOf(cycle), now);
}

/** A criterion's live evidence as the caller may see it. */
export async function criterionLive(db: Kysely<DB>, actor: Actor, cycleId: string, criterionCode: string, now: Date): Promise<CriterionLive> {
  const { cycle, involvement } = await loadVisibleCycle(db, actor, cycleId);
  criterionOf(cycle, criterionCode);
  const period = periodOf(cycle.period, now);
  const readings = new Map<string, LiveReading>();
  const sources = await Promise.all(
    sourcesFor(criterionCode).map(async (s) => {
      const reading = await s.read(db, { now, period });
      readings.set(s.key, reading);
      return view(s, reading);
    }),
  );
  const review = (await reviewCycle(db, cycle, catalogOf(cycle), now, readings)).find((r) => r.criterionCode === criterionCode);
  const snapshots = (await repo.listSnapshots(db, cycleId, criterionCode)).map((row) => {
    const source = liveSource(row.source_key);
    return {
      id: row.id,
      source: row.source_key,
      value: row.value,
      passes: row.passes === 1,
      dataTime: row.data_time,
      summary: { id: row.summary_id, en: row.summary_en },
      stale: source ? isStale(source, row.data_time, now) : false,
      takenBy: { id: row.taken_by, name: row.taken_by_name },
      takenAt: row.taken_at,
    };
  });
  return {
    criterionCode,
    readAt: now.toISOString(),
    sources,
    snapshots,
    needsReview: review?.needsReview ?? false,
    reasons: review?.reasons ?? [],
    mayAttach: cycle.status === "open" && canAssess(actor, involvement) && sources.length > 0,
  };
}

/** Attach the source's reading now to the criterion as evidence, with its value and time, and log it. */
export async function attachSnapshot(db: Kysely<DB>, actor: Actor, cycleId: string, criterionCode: string, sourceKey: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const cycle = await lockCycle(trx, cycleId);
    if (!cycle) throw new AppError("NOT_FOUND", { id: "Siklus penilaian tidak ditemukan", en: "Assessment cycle not found" });
    authorize(canAssess(actor, await involvementOf(trx, cycleId, actor)));
    if (cycle.status !== "open") throw new AppError("CONFLICT", { id: "Siklus ini sudah ditandatangani Kepala LPSE dan hanya dapat dibaca", en: "This cycle has been signed off by the head of the LPSE and is read-only" });
    criterionOf(cycle, criterionCode);
    const source = sourcesFor(criterionCode).find((s) => s.key === sourceKey);
    if (!source) throw fieldError("body.source", { id: `bukan sumber bukti langsung kriteria ${criterionCode}`, en: `is not a live-evidence source of criterion ${criterionCode}` });
    const reading = await source.read(trx, { now, period: periodOf(cycle.period, now) });
    const id = randomUUID();
    await repo.insertSnapshot(trx, {
      id, cycle_id: cycleId, criterion_code: criterionCode, source_key: source.key, value: reading.value, passes: reading.passes ? 1 : 0, data_time: reading.dataTime,
      summary_id: reading.summary.id, summary_en: reading.summary.en, taken_by: actor.id, taken_at: now.toISOString(),
    });
    await appendEvent(trx, { actorId: actor.id, type: "standards.live_evidence_attached", subject: { type: "standard_cycle", id: cycleId }, payload: { snapshotId: id, criterionCode, source: source.key, value: reading.value, passes: reading.passes, dataTime: reading.dataTime } }, now);
  });
}
