import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError, fieldError } from "../../server/errors.js";
import { authorize } from "../../server/http.js";
import { formatRupiah, parseRupiah, rupiahString } from "../packages/money.js";
import { DEFAULT_PROCUREMENT_RULES, type ProcurementRules } from "../settings/settings.schemas.js";
import { getSettings } from "../settings/settings.service.js";
import { loadTender } from "../tenders/participation.service.js";
import { formatLocal } from "../tenders/stages.js";
import { readSchedule } from "../tenders/tenders.repository.js";

const DAY_MS = 86_400_000;
/** Sanggah banding exists for construction work only (Perpres 16/2018 art. 51). */
const APPEAL_CATEGORY = "pekerjaan_konstruksi";
/** The guarantee of a sanggah banding: at least 1 % of the HPS (Perpres 16/2018). */
const GUARANTEE_PERCENT = 1n;

export interface AppealInput {
  text: string;
  guarantee: { number: string; issuer: string; amount: string };
}

/**
 * The last moment for a sanggah banding: the end of the sanggah answer period (`objectionAnswerDays`
 * after Masa Sanggah) plus `appealDays` calendar days (default 5, standard tender document).
 */
async function appealDeadline(db: Kysely<DB>, packageId: string): Promise<Date | null> {
  const rules = (await getSettings(db)).procurementRules ?? DEFAULT_PROCUREMENT_RULES;
  const answerDays = rules.objectionAnswerDays ?? DEFAULT_PROCUREMENT_RULES.objectionAnswerDays ?? 3;
  const appealDays = rules.appealDays ?? DEFAULT_PROCUREMENT_RULES.appealDays ?? 5;
  const sanggah = (await readSchedule(db, packageId)).find((w) => w.stage === "sanggah");
  return sanggah ? new Date(sanggah.endsAt.getTime() + (answerDays + appealDays) * DAY_MS) : null;
}

/** 1 % of the HPS, rounded up to the sen: the smallest guarantee a sanggah banding may carry. */
function guaranteeMinimumSen(hpsSen: bigint): bigint {
  return (hpsSen * GUARANTEE_PERCENT + 99n) / 100n;
}

/** A bidder appeals the answer to its own sanggah, with a guarantee of at least 1 % of the HPS; public. */
export async function fileAppeal(db: Kysely<DB>, actor: Actor, tenderCode: string, objectionId: string, input: AppealInput, now: Date) {
  const tender = await loadTender(db, tenderCode);
  if (actor.role !== "vendor" || !actor.vendorId) throw new AppError("FORBIDDEN");
  const objection = await db.selectFrom("objections").selectAll().where("id", "=", objectionId).where("package_id", "=", tender.id).executeTakeFirst();
  if (!objection) throw new AppError("NOT_FOUND", { id: "Sanggah tidak ditemukan", en: "Objection not found" });
  authorize(objection.vendor_id === actor.vendorId);
  if (tender.category !== APPEAL_CATEGORY) {
    throw new AppError("CONFLICT", { id: "Sanggah banding hanya untuk pekerjaan konstruksi", en: "A sanggah banding (appeal) is only for construction work" });
  }
  if (objection.answered_at === null) throw new AppError("CONFLICT", { id: "Sanggah belum dijawab", en: "The objection has not been answered yet" });
  const deadline = await appealDeadline(db, tender.id);
  if (deadline && now > deadline) {
    const { timeZone } = await getSettings(db);
    throw new AppError("OUT_OF_STAGE", {
      id: `Sanggah banding paling lambat ${formatLocal(deadline, timeZone, "id")} (hari kalender setelah masa jawaban sanggah)`,
      en: `A sanggah banding is filed by ${formatLocal(deadline, timeZone, "en")} (calendar days after the objection answer period)`,
    });
  }
  const amountSen = parseRupiah(input.guarantee.amount) ?? 0n;
  if (amountSen < guaranteeMinimumSen(BigInt(tender.hps_sen))) {
    const minimum = formatRupiah(guaranteeMinimumSen(BigInt(tender.hps_sen)));
    throw fieldError("body.guarantee.amount", { id: `jaminan sanggah banding paling sedikit 1% HPS (${minimum})`, en: `the appeal guarantee is at least 1% of the HPS (${minimum})` });
  }
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom("objection_appeals").select("id").where("objection_id", "=", objectionId).executeTakeFirst()) {
      throw new AppError("CONFLICT", { id: "Sanggah banding sudah diajukan", en: "An appeal has been filed already" });
    }
    const { number, issuer } = input.guarantee;
    await trx
      .insertInto("objection_appeals")
      .values({ id, package_id: tender.id, objection_id: objectionId, vendor_id: actor.vendorId ?? "", filed_by: actor.id, text: input.text, guarantee_number: number, guarantee_issuer: issuer, guarantee_sen: Number(amountSen), filed_at: now.toISOString(), answer: null, answered_by: null, answered_at: null })
      .execute();
    await appendEvent(
      trx,
      { actorId: actor.id, type: "objection.appealed", subject: { type: "package", id: tender.id }, payload: { tenderCode, appealId: id, objectionId, vendorId: actor.vendorId, text: input.text, guarantee: { number, issuer, amount: rupiahString(amountSen) } }, visibility: "public" },
      now,
    );
  });
  return { id };
}

/** The last moment for the PA/KPA's answer: `appealAnswerDays` calendar days after the appeal was filed. */
export function appealAnswerDue(filedAt: string, rules: ProcurementRules): Date {
  const days = rules.appealAnswerDays ?? DEFAULT_PROCUREMENT_RULES.appealAnswerDays ?? 14;
  return new Date(Date.parse(filedAt) + days * DAY_MS);
}

/** The PA/KPA of the package's agency answers a sanggah banding, by its answer deadline; public. */
export async function answerAppeal(db: Kysely<DB>, actor: Actor, tenderCode: string, appealId: string, answer: string, now: Date) {
  const tender = await loadTender(db, tenderCode);
  authorize(actor.role === "pa_kpa" && actor.agencyId === tender.agency_id);
  const settings = await getSettings(db);
  await db.transaction().execute(async (trx) => {
    const appeal = await trx.selectFrom("objection_appeals").select(["id", "answer", "filed_at"]).where("id", "=", appealId).where("package_id", "=", tender.id).executeTakeFirst();
    if (!appeal) throw new AppError("NOT_FOUND", { id: "Sanggah banding tidak ditemukan", en: "Appeal not found" });
    if (appeal.answer !== null) throw new AppError("CONFLICT", { id: "Sanggah banding ini sudah dijawab", en: "This appeal has been answered already" });
    const due = appealAnswerDue(appeal.filed_at, settings.procurementRules ?? DEFAULT_PROCUREMENT_RULES);
    if (now > due) {
      throw new AppError("OUT_OF_STAGE", {
        id: `Jawaban sanggah banding paling lambat ${formatLocal(due, settings.timeZone, "id")} (hari kalender setelah sanggah banding diterima)`,
        en: `The appeal was to be answered by ${formatLocal(due, settings.timeZone, "en")} (calendar days after it was filed)`,
      });
    }
    await trx.updateTable("objection_appeals").set({ answer, answered_by: actor.id, answered_at: now.toISOString() }).where("id", "=", appealId).execute();
    await appendEvent(trx, { actorId: actor.id, type: "objection.appeal_answered", subject: { type: "package", id: tender.id }, payload: { tenderCode, appealId, answer }, visibility: "public" }, now);
  });
}

/**
 * A pending sanggah banding holds the SPPBJ: the refusal names how many wait and the latest answer deadline.
 * The SPPBJ service calls this before issuing the letter.
 */
export async function assertNoPendingAppeal(db: Kysely<DB>, packageId: string): Promise<void> {
  const pending = await db.selectFrom("objection_appeals").select("filed_at").where("package_id", "=", packageId).where("answer", "is", null).orderBy("filed_at", "desc").execute();
  const latest = pending[0];
  if (!latest) return;
  const settings = await getSettings(db);
  const due = appealAnswerDue(latest.filed_at, settings.procurementRules ?? DEFAULT_PROCUREMENT_RULES);
  throw new AppError("CONFLICT", {
    id: `SPPBJ ditahan: ${pending.length} sanggah banding menunggu jawaban PA/KPA (paling lambat ${formatLocal(due, settings.timeZone, "id")})`,
    en: `The award letter is held: ${pending.length} appeal(s) not answered yet by the PA/KPA (due by ${formatLocal(due, settings.timeZone, "en")})`,
  });
}

export async function publicAppeals(db: Kysely<DB>, tenderCode: string) {
  const tender = await loadTender(db, tenderCode);
  const rules = (await getSettings(db)).procurementRules ?? DEFAULT_PROCUREMENT_RULES;
  const fileBy = await appealDeadline(db, tender.id);
  const rows = await db
    .selectFrom("objection_appeals")
    .innerJoin("vendors", "vendors.id", "objection_appeals.vendor_id")
    .select(["objection_appeals.id", "objection_appeals.objection_id", "objection_appeals.text", "objection_appeals.guarantee_number", "objection_appeals.guarantee_issuer", "objection_appeals.guarantee_sen", "objection_appeals.filed_at", "objection_appeals.answer", "objection_appeals.answered_at", "vendors.name as vendor_name"])
    .where("objection_appeals.package_id", "=", tender.id)
    .orderBy("objection_appeals.filed_at")
    .execute();
  return {
    fileBy: fileBy?.toISOString() ?? null,
    guaranteeMinimum: rupiahString(guaranteeMinimumSen(BigInt(tender.hps_sen))),
    items: rows.map((r) => ({
      id: r.id,
      objectionId: r.objection_id,
      vendorName: r.vendor_name,
      text: r.text,
      guarantee: { number: r.guarantee_number, issuer: r.guarantee_issuer, amount: rupiahString(BigInt(r.guarantee_sen)) },
      filedAt: r.filed_at,
      answerDueAt: appealAnswerDue(r.filed_at, rules).toISOString(),
      answer: r.answer,
      answeredAt: r.answered_at,
    })),
  };
}
