import type { Kysely, Transaction } from "kysely";
import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import type { BidDocument } from "../../crypto/envelope.js";
import { loadAsCommittee } from "../bids/keys.service.js";
import * as bids from "../bids/bids.repository.js";
import { parseRupiah, rupiahString } from "../packages/money.js";
import { listHpsItems } from "../packages/packages.repository.js";
import { getSettings } from "../settings/settings.service.js";
import { localDate } from "../settings/calendar.js";
import { recordRelease } from "../ocds/ocds.service.js";
import type { PublicationContext } from "../tenders/publication-context.js";
import { loadTender } from "../tenders/participation.service.js";
import { assertNotFailed } from "../award/failure.service.js";
import { assertInStage } from "../tenders/stages.js";
import { readSchedule } from "../tenders/tenders.repository.js";
import { SCORED_EVALUATION_METHODS, type EvaluationMethod } from "../packages/packages.schemas.js";
import { correctPrice, type FindingStage, FINDING_STAGES, judgePrice, parseScore, priceCeilingSen, rankBids, scoreString } from "./evaluation.rules.js";

const RECORDING = { id: "Mencatat hasil evaluasi", en: "Recording an evaluation result" };

/** Postqualification against the verified vendor data: hints for the committee, not a decision. */
async function qualificationHints(db: Queryable, vendorId: string, kbliCodes: readonly string[], today: string) {
  const vendor = await db.selectFrom("vendors").select(["status"]).where("id", "=", vendorId).executeTakeFirst();
  const licences = await db.selectFrom("vendor_licences").select(["kbli_codes", "valid_until"]).where("vendor_id", "=", vendorId).execute();
  const valid = licences.filter((l) => l.valid_until === null || l.valid_until >= today);
  const codes = new Set(valid.flatMap((l) => JSON.parse(l.kbli_codes) as string[]));
  return { verified: vendor?.status === "verified", kbliMatch: kbliCodes.length === 0 || kbliCodes.some((k) => codes.has(k)), validLicences: valid.length };
}

export type EvaluatedTender = { id: string; hps_sen: number; pagu_sen: number; kbli_codes: string; evaluation_method: string; technical_weight: number | null; method: string };

const isScored = (method: string) => (SCORED_EVALUATION_METHODS as readonly string[]).includes(method);

/**
 * Every opened bid with its offer, the arithmetic correction, the price verdict against the HPS (the pagu
 * under pagu anggaran), the committee's findings per stage, the scores and the ranking for the package's
 * evaluation method.
 */
export async function evaluationView(db: Kysely<DB>, tender: EvaluatedTender, now: Date) {
  // Tender Cepat: price only, among vendors qualified by their verified data; no committee findings.
  const findingsRequired = tender.method !== "tender_cepat";
  const opened = await db
    .selectFrom("bid_openings")
    .innerJoin("bids", "bids.id", "bid_openings.bid_id")
    .innerJoin("vendors", "vendors.id", "bid_openings.vendor_id")
    .select(["bid_openings.vendor_id", "bid_openings.status", "bid_openings.document", "bid_openings.price_sen", "bid_openings.error", "bids.submitted_at", "vendors.name as vendor_name"])
    .where("bid_openings.package_id", "=", tender.id)
    .orderBy("vendors.name")
    .execute();
  const findings = await db.selectFrom("bid_findings").selectAll().where("package_id", "=", tender.id).execute();
  const bill = (await listHpsItems(db, tender.id)).map((i) => ({ id: i.id, quantityMilli: BigInt(i.quantity_milli) }));
  const hpsSen = BigInt(tender.hps_sen);
  const { timeZone } = await getSettings(db);
  const today = localDate(now, timeZone);
  const kbli = JSON.parse(tender.kbli_codes) as string[];

  const rows = await Promise.all(
    opened.map(async (o) => {
      const document = o.document ? (JSON.parse(o.document) as BidDocument) : null;
      const correction = document ? correctPrice(bill, document.price, document.items ?? []) : null;
      const verdict = correction ? judgePrice(correction, hpsSen, undefined, priceCeilingSen(tender.evaluation_method, hpsSen, BigInt(tender.pagu_sen))) : null;
      const stageFindings = Object.fromEntries(
        FINDING_STAGES.map((stage) => {
          const f = findings.find((x) => x.vendor_id === o.vendor_id && x.stage === stage);
          return [stage, f ? { passed: f.passed === 1, reason: f.reason, score: f.score_hundredths === null ? null : scoreString(f.score_hundredths), evaluatedAt: f.evaluated_at } : null];
        }),
      ) as Record<FindingStage, { passed: boolean; reason: string; score: string | null; evaluatedAt: string } | null>;
      const technicalHundredths = findings.find((x) => x.vendor_id === o.vendor_id && x.stage === "teknis")?.score_hundredths ?? null;
      const findingsPassed = FINDING_STAGES.every((s) => stageFindings[s]?.passed === true);
      return {
        vendorId: o.vendor_id,
        vendorName: o.vendor_name,
        opened: o.status === "valid",
        openingError: o.error,
        offer: correction ? rupiahString(correction.offeredSen) : null,
        corrected: correction?.correctedSen != null ? rupiahString(correction.correctedSen) : null,
        correctionProblem: correction?.problem ?? null,
        price: verdict ? { passed: verdict.pass, aboveHps: verdict.aboveHps, needsClarification: verdict.needsClarification } : null,
        findings: stageFindings,
        passed: o.status === "valid" && (findingsPassed || !findingsRequired) && verdict?.pass === true,
        qualification: await qualificationHints(db, o.vendor_id, kbli, today),
        submittedAt: o.submitted_at,
        correctedSen: correction?.correctedSen ?? null,
        technicalHundredths,
      };
    }),
  );
  const standings = rankBids(tender.evaluation_method as EvaluationMethod, rows, tender.technical_weight);
  return rows.map(({ correctedSen: _, submittedAt: __, technicalHundredths, ...r }) => {
    const standing = standings.get(r.vendorId);
    return {
      ...r,
      technicalScore: technicalHundredths === null ? null : scoreString(technicalHundredths),
      priceScore: standing?.priceHundredths == null ? null : scoreString(standing.priceHundredths),
      combinedScore: standing?.combinedHundredths == null ? null : scoreString(standing.combinedHundredths),
      rank: standing?.rank ?? null,
    };
  });
}

/** The tender, for its committee, once the bids are opened. */
export async function loadOpenedForCommittee(db: Kysely<DB>, actor: Actor, tenderCode: string) {
  const tender = await loadAsCommittee(db, actor, tenderCode);
  if (!(await bids.findOpening(db, tender.id))) throw new AppError("CONFLICT", { id: "Penawaran belum dibuka", en: "The bids have not been opened yet" });
  return tender;
}

export async function committeeEvaluation(db: Kysely<DB>, actor: Actor, tenderCode: string, now: Date) {
  const tender = await loadOpenedForCommittee(db, actor, tenderCode);
  const result = await db.selectFrom("tender_results").selectAll().where("package_id", "=", tender.id).executeTakeFirst();
  return {
    tenderCode,
    evaluationMethod: tender.evaluation_method,
    technicalWeight: tender.technical_weight,
    scored: isScored(tender.evaluation_method),
    hps: rupiahString(BigInt(tender.hps_sen)),
    pagu: rupiahString(BigInt(tender.pagu_sen)),
    winnerVendorId: result?.winner_vendor_id ?? null,
    bidders: await evaluationView(db, tender, now),
  };
}

/**
 * The technical score belongs to the teknis finding of the scored methods: required when it passes,
 * refused anywhere else. Returns the score in hundredths, or null.
 */
function findingScore(method: string, stage: FindingStage, input: { passed: boolean; score?: string | undefined }): number | null {
  const scored = isScored(method) && stage === "teknis";
  if (input.score === undefined) {
    if (scored && input.passed) {
      throw new AppError("VALIDATION_FAILED", { id: "Nilai teknis wajib diisi", en: "The technical score is required" }, [
        { field: "body.score", message: { id: "nilai teknis (0-100) wajib untuk evaluasi teknis yang lulus pada metode ini", en: "a passed technical finding needs a technical score (0-100) under this method" } },
      ]);
    }
    return null;
  }
  if (!scored) {
    throw new AppError("VALIDATION_FAILED", { id: "Nilai tidak dipakai di sini", en: "No score applies here" }, [
      { field: "body.score", message: { id: "nilai hanya untuk evaluasi teknis pada metode evaluasi dengan nilai", en: "a score applies only to the technical finding under a scored evaluation method" } },
    ]);
  }
  return parseScore(input.score);
}

/** A finding for one bidder and stage, during Evaluasi or Pembuktian; changed findings are all in the log. */
export async function recordFinding(
  db: Kysely<DB>,
  actor: Actor,
  tenderCode: string,
  vendorId: string,
  stage: FindingStage,
  input: { passed: boolean; reason: string; score?: string | undefined },
  now: Date,
) {
  const tender = await loadOpenedForCommittee(db, actor, tenderCode);
  const scoreHundredths = findingScore(tender.evaluation_method, stage, input);
  const { timeZone } = await getSettings(db);
  assertInStage(await readSchedule(db, tender.id), ["evaluasi", "pembuktian"], now, timeZone, RECORDING);
  if (await db.selectFrom("tender_results").select("package_id").where("package_id", "=", tender.id).executeTakeFirst()) {
    throw new AppError("CONFLICT", { id: "Pemenang sudah ditetapkan", en: "The winner has been determined already" });
  }
  const opened = await db.selectFrom("bid_openings").select("status").where("package_id", "=", tender.id).where("vendor_id", "=", vendorId).executeTakeFirst();
  if (!opened) throw new AppError("NOT_FOUND", { id: "Peserta ini tidak memiliki penawaran yang dibuka", en: "This participant has no opened bid" });
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("bid_findings").where("package_id", "=", tender.id).where("vendor_id", "=", vendorId).where("stage", "=", stage).execute();
    await trx
      .insertInto("bid_findings")
      .values({ package_id: tender.id, vendor_id: vendorId, stage, passed: input.passed ? 1 : 0, reason: input.reason, score_hundredths: scoreHundredths, evaluated_by: actor.id, evaluated_at: now.toISOString() })
      .execute();
    await appendEvent(trx, { actorId: actor.id, type: "evaluation.finding_recorded", subject: { type: "package", id: tender.id }, payload: { tenderCode, vendorId, stage, passed: input.passed, reason: input.reason, ...(scoreHundredths !== null && { score: scoreString(scoreHundredths) }) } }, now);
  });
  return committeeEvaluation(db, actor, tenderCode, now);
}

/**
 * Tender Cepat: the lowest corrected price within the HPS wins as soon as the bids are opened. A tender
 * without such a bid keeps no winner (the committee sees why in the evaluation).
 */
export async function awardTenderCepat(db: Kysely<DB>, actor: Actor, tender: EvaluatedTender & { code: string }, now: Date, context: PublicationContext): Promise<void> {
  if (tender.method !== "tender_cepat") return;
  const view = await evaluationView(db, tender, now);
  if (view.some((b) => b.rank === 1)) await nameWinner(db, actor, tender, now, context);
}

/** The first in the ranking, or a conflict when no bid passed every stage (a failed tender). */
export async function firstRanked(db: Kysely<DB>, tender: EvaluatedTender, now: Date) {
  const view = await evaluationView(db, tender, now);
  const winner = view.find((b) => b.rank === 1);
  if (!winner?.corrected) {
    throw new AppError("CONFLICT", { id: "Tidak ada penawaran yang lulus semua tahap evaluasi (tender gagal)", en: "No bid passed every evaluation stage (failed tender)" });
  }
  return { view, winner: { ...winner, corrected: winner.corrected } };
}

/**
 * Names the first in the ranking the winner: public event, OCDS award release. `decision` ties it to the
 * proposal the PA/KPA approved (above the ceilings), which is marked in the same transaction.
 */
export async function nameWinner(
  db: Kysely<DB>,
  actor: Actor,
  tender: EvaluatedTender & { code: string },
  now: Date,
  context: PublicationContext,
  decision?: { proposalId: string; vendorId: string; record: (trx: Transaction<DB>) => Promise<void> },
): Promise<void> {
  const tenderCode = tender.code;
  await assertNotFailed(db, tender.id);
  const { view, winner } = await firstRanked(db, tender, now);
  if (decision && decision.vendorId !== winner.vendorId) {
    throw new AppError("CONFLICT", { id: "Peringkat pertama berbeda dari usulan Pokja", en: "The first in the ranking differs from the committee's proposal" });
  }
  await db.transaction().execute(async (trx) => {
    if (decision) await decision.record(trx);
    if (await trx.selectFrom("tender_results").select("package_id").where("package_id", "=", tender.id).executeTakeFirst()) {
      throw new AppError("CONFLICT", { id: "Pemenang sudah ditetapkan", en: "The winner has been determined already" });
    }
    const correctedSen = Number(parseRupiah(winner.corrected ?? "") ?? 0n);
    await trx.insertInto("tender_results").values({ package_id: tender.id, winner_vendor_id: winner.vendorId, corrected_price_sen: correctedSen, determined_by: actor.id, determined_at: now.toISOString() }).execute();
    await appendEvent(
      trx,
      {
        actorId: actor.id,
        type: "tender.winner_determined",
        subject: { type: "package", id: tender.id },
        payload: { tenderCode, winner: winner.vendorName, vendorId: winner.vendorId, corrected: winner.corrected, ...(decision && { namedBy: "pa_kpa", proposalId: decision.proposalId }), ranking: view.filter((b) => b.rank !== null).map((b) => ({ vendor: b.vendorName, rank: b.rank, corrected: b.corrected, technicalScore: b.technicalScore, combinedScore: b.combinedScore })) },
        visibility: "public",
      },
      now,
    );
    await recordRelease(trx, { packageId: tender.id, tag: ["award"] }, now, context);
  });
}

/** The public evaluation results, once the winner is named: per bidder offer, corrected offer, pass/fail per stage, scores. */
export async function publicResults(db: Kysely<DB>, tenderCode: string, now: Date) {
  const tender = await loadTender(db, tenderCode);
  const result = await db.selectFrom("tender_results").selectAll().where("package_id", "=", tender.id).executeTakeFirst();
  if (!result) throw new AppError("NOT_FOUND", { id: "Hasil evaluasi belum diumumkan", en: "The evaluation results have not been announced yet" });
  const view = await evaluationView(db, tender, now);
  return {
    tenderCode,
    evaluationMethod: tender.evaluation_method,
    technicalWeight: tender.technical_weight,
    determinedAt: result.determined_at,
    winner: view.find((b) => b.vendorId === result.winner_vendor_id)?.vendorName ?? "",
    bidders: view.map((b) => ({
      vendorName: b.vendorName,
      offer: b.offer,
      corrected: b.corrected,
      administrasi: b.findings.administrasi?.passed ?? null,
      teknis: b.findings.teknis?.passed ?? null,
      kualifikasi: b.findings.kualifikasi?.passed ?? null,
      harga: b.price?.passed ?? null,
      technicalScore: b.technicalScore,
      priceScore: b.priceScore,
      combinedScore: b.combinedScore,
      reasons: FINDING_STAGES.flatMap((s) => (b.findings[s] && !b.findings[s]?.passed ? [b.findings[s]?.reason ?? ""] : [])),
      rank: b.rank,
      winner: b.vendorId === result.winner_vendor_id,
    })),
  };
}
