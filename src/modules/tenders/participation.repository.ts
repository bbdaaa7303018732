import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export function findParticipant(db: Queryable, packageId: string, vendorId: string) {
  return db.selectFrom("tender_participants").selectAll().where("package_id", "=", packageId).where("vendor_id", "=", vendorId).executeTakeFirst();
}

export async function insertParticipant(db: Queryable, row: DB["tender_participants"]): Promise<void> {
  await db.insertInto("tender_participants").values(row).execute();
}

/** Participants with their company names, in the order they joined (public in SPSE). */
export function listParticipants(db: Queryable, packageId: string) {
  return db
    .selectFrom("tender_participants")
    .innerJoin("vendors", "vendors.id", "tender_participants.vendor_id")
    .select(["tender_participants.vendor_id", "tender_participants.joined_at", "vendors.name", "vendors.npwp"])
    .where("tender_participants.package_id", "=", packageId)
    .orderBy("tender_participants.joined_at")
    .orderBy("vendors.name")
    .execute();
}

export async function insertQuestion(db: Queryable, row: DB["tender_questions"]): Promise<void> {
  await db.insertInto("tender_questions").values(row).execute();
}

export function findQuestion(db: Queryable, packageId: string, id: string) {
  return db.selectFrom("tender_questions").selectAll().where("package_id", "=", packageId).where("id", "=", id).executeTakeFirst();
}

export async function answerQuestion(db: Queryable, id: string, answer: Pick<DB["tender_questions"], "answer" | "answered_by" | "answered_at">): Promise<void> {
  await db.updateTable("tender_questions").set(answer).where("id", "=", id).execute();
}

export function listQuestions(db: Queryable, packageId: string) {
  return db.selectFrom("tender_questions").selectAll().where("package_id", "=", packageId).orderBy("asked_at").orderBy("id").execute();
}

export async function latestDocumentVersion(db: Queryable, packageId: string): Promise<number> {
  const row = await db.selectFrom("tender_documents").select((eb) => eb.fn.max("version").as("v")).where("package_id", "=", packageId).executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function insertDocument(db: Queryable, row: DB["tender_documents"]): Promise<void> {
  await db.insertInto("tender_documents").values(row).execute();
}

export function listDocuments(db: Queryable, packageId: string) {
  return db.selectFrom("tender_documents").selectAll().where("package_id", "=", packageId).orderBy("version").execute();
}
