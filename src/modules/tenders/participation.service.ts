import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Queryable } from "../../db/database.js";
import type { Tx } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { notifyUser } from "../notifications/notifications.service.js";
import { recordRelease } from "../ocds/ocds.service.js";
import { findPublishedTender } from "../portal/portal.repository.js";
import { getSettings } from "../settings/settings.service.js";
import { findVendor, listVendorUserIds } from "../vendors/vendors.repository.js";
import { assertVerified } from "../vendors/vendors.service.js";
import type { PublicationContext } from "./publication-context.js";
import type { StageKey } from "./schedule.rules.js";
import { assertInStage } from "./stages.js";
import * as repo from "./participation.repository.js";
import { readSchedule } from "./tenders.repository.js";

type Flow = "pasca" | "pra";
type StagesByFlow = Record<Flow, readonly StageKey[]>;

/**
 * Vendors join from the announcement until the bid deadline (SPSE: "Ikut Tender"); with
 * prequalification, until the qualification documents are due (only the qualified are invited to bid).
 */
const JOIN_STAGES: StagesByFlow = {
  pasca: ["pengumuman", "download_dokumen", "penjelasan", "upload_penawaran"],
  pra: ["pengumuman_prakualifikasi", "download_dokumen_kualifikasi", "penjelasan_kualifikasi", "upload_dokumen_kualifikasi"],
};
/** Questions are asked, and answered, during a clarification stage (aanwijzing). */
const QUESTION_STAGES: StagesByFlow = { pasca: ["penjelasan"], pra: ["penjelasan_kualifikasi", "penjelasan"] };
/** Addenda change the tender (or qualification) document before bids (or qualification documents) are in. */
const ADDENDUM_STAGES: StagesByFlow = {
  pasca: JOIN_STAGES.pasca,
  pra: [...JOIN_STAGES.pra, "download_dokumen", "penjelasan", "upload_penawaran"],
};

export async function loadTender(db: Queryable, tenderCode: string) {
  const tender = await findPublishedTender(db, tenderCode);
  if (!tender) throw new AppError("NOT_FOUND", { id: `Tender ${tenderCode} tidak ditemukan`, en: `Tender ${tenderCode} not found` });
  return tender;
}

async function stageGuard(trx: Tx, tender: { id: string; qualification: string }, stages: StagesByFlow, now: Date, action: { id: string; en: string }) {
  const { timeZone } = await getSettings(trx);
  assertInStage(await readSchedule(trx, tender.id), stages[tender.qualification === "pra" ? "pra" : "pasca"], now, timeZone, action);
}

/** A verified vendor joins a tender; joining twice is harmless. */
export async function joinTender(db: Kysely<DB>, actor: Actor, tenderCode: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const tender = await loadTender(trx, tenderCode);
    const vendor = actor.vendorId ? await findVendor(trx, actor.vendorId) : undefined;
    if (!vendor) throw new AppError("FORBIDDEN");
    assertVerified(vendor);
    await stageGuard(trx, tender, JOIN_STAGES, now, { id: "Mendaftar sebagai peserta", en: "Joining the tender" });
    if (await repo.findParticipant(trx, tender.id, vendor.id)) return { joined: false };
    await repo.insertParticipant(trx, { package_id: tender.id, vendor_id: vendor.id, joined_by: actor.id, joined_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "tender.participant_joined", subject: { type: "package", id: tender.id }, payload: { tenderCode, vendorId: vendor.id, vendorName: vendor.name }, visibility: "public" }, now);
    return { joined: true };
  });
}

async function assertParticipant(trx: Tx, packageId: string, actor: Actor): Promise<string> {
  if (!actor.vendorId || !(await repo.findParticipant(trx, packageId, actor.vendorId))) {
    throw new AppError("FORBIDDEN", { id: "Daftar sebagai peserta tender ini terlebih dahulu", en: "Join this tender first" });
  }
  return actor.vendorId;
}

/** A participant asks during the clarification stage; the question is public, the asker is not. */
export async function askQuestion(db: Kysely<DB>, actor: Actor, tenderCode: string, question: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const tender = await loadTender(trx, tenderCode);
    const vendorId = await assertParticipant(trx, tender.id, actor);
    await stageGuard(trx, tender, QUESTION_STAGES, now, { id: "Mengajukan pertanyaan", en: "Asking a question" });
    const id = randomUUID();
    await repo.insertQuestion(trx, { id, package_id: tender.id, vendor_id: vendorId, asked_by: actor.id, question, asked_at: now.toISOString(), answer: null, answered_by: null, answered_at: null });
    await appendEvent(trx, { actorId: actor.id, type: "tender.question_asked", subject: { type: "package", id: tender.id }, payload: { tenderCode, questionId: id, question }, visibility: "public" }, now);
    return id;
  });
}

/** The Pokja answers publicly during the clarification stage; the asker's users are notified. */
export async function answerQuestion(db: Kysely<DB>, actor: Actor, tenderCode: string, questionId: string, answer: string, now: Date, context: PublicationContext) {
  return db.transaction().execute(async (trx) => {
    const tender = await loadTender(trx, tenderCode);
    const question = await repo.findQuestion(trx, tender.id, questionId);
    if (!question) throw new AppError("NOT_FOUND", { id: "Pertanyaan tidak ditemukan", en: "Question not found" });
    if (question.answer !== null) throw new AppError("CONFLICT", { id: "Pertanyaan ini sudah dijawab", en: "This question has been answered" });
    await stageGuard(trx, tender, QUESTION_STAGES, now, { id: "Menjawab pertanyaan", en: "Answering a question" });
    await repo.answerQuestion(trx, questionId, { answer, answered_by: actor.id, answered_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "tender.question_answered", subject: { type: "package", id: tender.id }, payload: { tenderCode, questionId, answer }, visibility: "public" }, now);
    for (const user of await listVendorUserIds(trx, question.vendor_id)) {
      await notifyUser(
        trx,
        {
          userId: user.id,
          kind: "tender.question_answered",
          title: { id: `Pertanyaan Anda dijawab — ${tender.name}`, en: `Your question was answered — ${tender.name}` },
          body: { id: answer, en: answer },
          link: `/tender/${tenderCode}`,
          email: true,
        },
        now,
        { publicUrl: context.publicUrl },
      );
    }
  });
}

/** An addendum: a new version of the tender document, before the bid deadline; every participant is told. */
export async function publishAddendum(db: Kysely<DB>, actor: Actor, tenderCode: string, input: { title: string; content: string }, now: Date, context: PublicationContext) {
  return db.transaction().execute(async (trx) => {
    const tender = await loadTender(trx, tenderCode);
    await stageGuard(trx, tender, ADDENDUM_STAGES, now, { id: "Menerbitkan adendum", en: "Issuing an addendum" });
    const version = (await repo.latestDocumentVersion(trx, tender.id)) + 1;
    const id = randomUUID();
    await repo.insertDocument(trx, { id, package_id: tender.id, version, kind: "adendum", title: input.title, content: input.content, published_by: actor.id, published_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "tender.addendum_published", subject: { type: "package", id: tender.id }, payload: { tenderCode, version, ...input }, visibility: "public" }, now);
    await recordRelease(trx, { packageId: tender.id, tag: ["tenderAmendment"], amendment: { rationale: input.title, description: `Adendum ${version}` } }, now, context);
    await notifyParticipants(
      trx,
      tender.id,
      {
        kind: "tender.addendum",
        title: { id: `Adendum ${version} — ${tender.name}`, en: `Addendum ${version} — ${tender.name}` },
        body: { id: `${input.title}. Baca dokumen terbaru sebelum menyusun penawaran.`, en: `${input.title}. Read the latest document before preparing your bid.` },
        link: `/tender/${tenderCode}`,
      },
      now,
      context.publicUrl,
    );
    return { id, version };
  });
}

/** Tell every user of every participating vendor, by inbox and email, inside the caller's transaction. */
export async function notifyParticipants(
  trx: Tx,
  packageId: string,
  message: { kind: string; title: { id: string; en: string }; body: { id: string; en: string }; link: string },
  now: Date,
  publicUrl: string,
): Promise<void> {
  for (const participant of await repo.listParticipants(trx, packageId)) {
    for (const user of await listVendorUserIds(trx, participant.vendor_id)) {
      await notifyUser(trx, { userId: user.id, ...message, email: true }, now, { publicUrl });
    }
  }
}
