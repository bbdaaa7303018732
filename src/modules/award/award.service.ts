import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { authorize } from "../../server/http.js";
import { loadAsCommittee } from "../bids/keys.service.js";
import { assertNoPendingAppeal } from "./appeal.service.js";
import { assertNotFailed } from "./failure.service.js";
import { rupiahString } from "../packages/money.js";
import { notifyUser } from "../notifications/notifications.service.js";
import { recordRelease } from "../ocds/ocds.service.js";
import { DEFAULT_PROCUREMENT_RULES } from "../settings/settings.schemas.js";
import { getSettings } from "../settings/settings.service.js";
import type { PublicationContext } from "../tenders/publication-context.js";
import { loadTender } from "../tenders/participation.service.js";
import { assertInStage, formatLocal } from "../tenders/stages.js";
import { readSchedule } from "../tenders/tenders.repository.js";

const FILING = { id: "Mengajukan sanggah", en: "Filing an objection" };
const AWARDING = { id: "Menerbitkan SPPBJ", en: "Issuing the award letter (SPPBJ)" };
const DAY_MS = 86_400_000;

async function resultOf(db: Kysely<DB>, packageId: string) {
  return db.selectFrom("tender_results").selectAll().where("package_id", "=", packageId).executeTakeFirst();
}

/**
 * A sanggah, by a bidder whose bid was opened, during Masa Sanggah (after the winner is named); one per
 * bidder. It is public, with the bidder's name, as the answer will be.
 */
export async function fileObjection(db: Kysely<DB>, actor: Actor, tenderCode: string, text: string, now: Date) {
  const tender = await loadTender(db, tenderCode);
  if (actor.role !== "vendor" || !actor.vendorId) throw new AppError("FORBIDDEN");
  const opened = await db.selectFrom("bid_openings").select("vendor_id").where("package_id", "=", tender.id).where("vendor_id", "=", actor.vendorId).executeTakeFirst();
  if (!opened) throw new AppError("FORBIDDEN", { id: "Sanggah hanya dapat diajukan oleh peserta yang penawarannya dibuka", en: "Only bidders whose bids were opened may object" });
  const { timeZone } = await getSettings(db);
  assertInStage(await readSchedule(db, tender.id), ["sanggah"], now, timeZone, FILING);
  if (!(await resultOf(db, tender.id))) throw new AppError("CONFLICT", { id: "Pemenang belum ditetapkan", en: "No winner has been named yet" });
  await assertNotFailed(db, tender.id);
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("objections").select("id").where("package_id", "=", tender.id).where("vendor_id", "=", actor.vendorId ?? "").executeTakeFirst();
    if (existing) throw new AppError("CONFLICT", { id: "Anda sudah mengajukan sanggah untuk tender ini", en: "You have already filed an objection for this tender" });
    await trx.insertInto("objections").values({ id, package_id: tender.id, vendor_id: actor.vendorId ?? "", filed_by: actor.id, text, filed_at: now.toISOString(), answer: null, answered_by: null, answered_at: null }).execute();
    await appendEvent(trx, { actorId: actor.id, type: "objection.filed", subject: { type: "package", id: tender.id }, payload: { tenderCode, objectionId: id, vendorId: actor.vendorId, text }, visibility: "public" }, now);
  });
  return { id };
}

/** The committee answers each sanggah, at the latest `objectionAnswerDays` after the objection period ends. */
export async function answerObjection(db: Kysely<DB>, actor: Actor, tenderCode: string, objectionId: string, answer: string, now: Date, context: PublicationContext) {
  const tender = await loadAsCommittee(db, actor, tenderCode);
  const objection = await db.selectFrom("objections").selectAll().where("id", "=", objectionId).where("package_id", "=", tender.id).executeTakeFirst();
  if (!objection) throw new AppError("NOT_FOUND", { id: "Sanggah tidak ditemukan", en: "Objection not found" });
  if (objection.answer !== null) throw new AppError("CONFLICT", { id: "Sanggah ini sudah dijawab", en: "This objection has been answered already" });
  const settings = await getSettings(db);
  const days = (settings.procurementRules ?? DEFAULT_PROCUREMENT_RULES).objectionAnswerDays ?? 3;
  const period = (await readSchedule(db, tender.id)).find((w) => w.stage === "sanggah");
  const due = period ? new Date(period.endsAt.getTime() + days * DAY_MS) : null;
  if (due && now > due) {
    throw new AppError("OUT_OF_STAGE", {
      id: `Jawaban sanggah paling lambat ${formatLocal(due, settings.timeZone, "id")} (${days} hari kalender setelah masa sanggah)`,
      en: `Objections are answered by ${formatLocal(due, settings.timeZone, "en")} (${days} calendar days after the objection period)`,
    });
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("objections").set({ answer, answered_by: actor.id, answered_at: now.toISOString() }).where("id", "=", objectionId).execute();
    await appendEvent(trx, { actorId: actor.id, type: "objection.answered", subject: { type: "package", id: tender.id }, payload: { tenderCode, objectionId, answer }, visibility: "public" }, now);
    await notifyUser(
      trx,
      {
        userId: objection.filed_by,
        kind: "tender.objection_answered",
        title: { id: `Sanggah Anda dijawab — ${tender.name}`, en: `Your objection was answered — ${tender.name}` },
        body: { id: answer, en: answer },
        link: `/tender/${tenderCode}`,
        email: true,
      },
      now,
      { publicUrl: context.publicUrl },
    );
  });
}

/** Public; `mine` marks the caller's own (a vendor's), so its page offers the sanggah banding form there. */
export async function publicObjections(db: Kysely<DB>, tenderCode: string, vendorId: string | null) {
  const tender = await loadTender(db, tenderCode);
  const rows = await db
    .selectFrom("objections")
    .innerJoin("vendors", "vendors.id", "objections.vendor_id")
    .select(["objections.id", "objections.vendor_id", "objections.text", "objections.filed_at", "objections.answer", "objections.answered_at", "vendors.name as vendor_name"])
    .where("objections.package_id", "=", tender.id)
    .orderBy("objections.filed_at")
    .orderBy("vendors.name")
    .execute();
  return { items: rows.map((r) => ({ id: r.id, vendorName: r.vendor_name, text: r.text, filedAt: r.filed_at, answer: r.answer, answeredAt: r.answered_at, mine: vendorId !== null && r.vendor_id === vendorId })) };
}

/**
 * The SPPBJ: the PPK who made the package names the winner as provider, during the SPPBJ stage, once
 * every objection has its answer. The award value is the winner's corrected price.
 */
export async function issueAward(db: Kysely<DB>, actor: Actor, tenderCode: string, letterNumber: string, now: Date, context: PublicationContext) {
  const tender = await loadTender(db, tenderCode);
  authorize(actor.role === "ppk" && tender.ppk_id === actor.id);
  const { timeZone } = await getSettings(db);
  assertInStage(await readSchedule(db, tender.id), ["sppbj"], now, timeZone, AWARDING);
  const result = await resultOf(db, tender.id);
  if (!result) throw new AppError("CONFLICT", { id: "Pemenang belum ditetapkan", en: "No winner has been named yet" });
  await assertNotFailed(db, tender.id);
  await assertNoPendingAppeal(db, tender.id);
  const unanswered = await db.selectFrom("objections").select("id").where("package_id", "=", tender.id).where("answer", "is", null).execute();
  if (unanswered.length > 0) throw new AppError("CONFLICT", { id: `${unanswered.length} sanggah belum dijawab`, en: `${unanswered.length} objection(s) not answered yet` });
  await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom("awards").select("package_id").where("package_id", "=", tender.id).executeTakeFirst()) {
      throw new AppError("CONFLICT", { id: "SPPBJ sudah diterbitkan", en: "The award letter has been issued already" });
    }
    await trx.insertInto("awards").values({ package_id: tender.id, vendor_id: result.winner_vendor_id, letter_number: letterNumber, value_sen: result.corrected_price_sen, issued_by: actor.id, issued_at: now.toISOString() }).execute();
    const winner = await trx.selectFrom("vendors").select("name").where("id", "=", result.winner_vendor_id).executeTakeFirstOrThrow();
    await appendEvent(
      trx,
      { actorId: actor.id, type: "tender.awarded", subject: { type: "package", id: tender.id }, payload: { tenderCode, letterNumber, vendor: winner.name, vendorId: result.winner_vendor_id, value: rupiahString(BigInt(result.corrected_price_sen)) }, visibility: "public" },
      now,
    );
    await recordRelease(trx, { packageId: tender.id, tag: ["awardUpdate"] }, now, context);
  });
  return publicAward(db, tenderCode);
}

export async function publicAward(db: Kysely<DB>, tenderCode: string) {
  const tender = await loadTender(db, tenderCode);
  const award = await db
    .selectFrom("awards")
    .innerJoin("vendors", "vendors.id", "awards.vendor_id")
    .select(["awards.letter_number", "awards.value_sen", "awards.issued_at", "vendors.name as vendor_name"])
    .where("awards.package_id", "=", tender.id)
    .executeTakeFirst();
  if (!award) throw new AppError("NOT_FOUND", { id: "SPPBJ belum diterbitkan", en: "The award letter has not been issued yet" });
  return { tenderCode, letterNumber: award.letter_number, vendorName: award.vendor_name, value: rupiahString(BigInt(award.value_sen)), issuedAt: award.issued_at };
}
