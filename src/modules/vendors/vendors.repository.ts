import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type VendorRow = DB["vendors"];
export type LicenceRow = DB["vendor_licences"];

export async function insertVendor(db: Queryable, row: Pick<VendorRow, "id" | "name" | "business_form" | "npwp" | "status" | "verified_at" | "created_at"> & Partial<VendorRow>): Promise<void> {
  await db.insertInto("vendors").values(row).execute();
}

export function findVendor(db: Queryable, id: string): Promise<VendorRow | undefined> {
  return db.selectFrom("vendors").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Looks across all vendors: only the uniqueness check of an NPWP may do this. */
export function unsafeFindVendorByNpwp(db: Queryable, npwp: string) {
  return db.selectFrom("vendors").select(["id", "name"]).where("npwp", "=", npwp).executeTakeFirst();
}

export async function updateVendor(db: Queryable, id: string, changes: Partial<Omit<VendorRow, "id">>): Promise<void> {
  await db.updateTable("vendors").set(changes).where("id", "=", id).execute();
}

export function listVendorsByStatus(db: Queryable, status: VendorRow["status"]): Promise<VendorRow[]> {
  return db.selectFrom("vendors").selectAll().where("status", "=", status).orderBy("submitted_at").orderBy("name").limit(500).execute();
}

/** Verified vendors whose name contains the text (any case), by name. */
export function listVerifiedVendors(db: Queryable, text: string, limit: number): Promise<Pick<VendorRow, "id" | "name" | "npwp">[]> {
  let query = db.selectFrom("vendors").select(["id", "name", "npwp"]).where("status", "=", "verified");
  // LIKE's wildcards are dropped rather than escaped: SQLite and PostgreSQL differ in the default escape.
  const needle = text.trim().toLowerCase().replace(/[%_\\]/g, "");
  if (needle) query = query.where((eb) => eb(eb.fn("lower", ["name"]), "like", eb.val(`%${needle}%`)));
  return query.orderBy("name").limit(limit).execute();
}

export function listLicences(db: Queryable, vendorId: string): Promise<LicenceRow[]> {
  return db.selectFrom("vendor_licences").selectAll().where("vendor_id", "=", vendorId).orderBy("created_at").execute();
}

export function findLicence(db: Queryable, vendorId: string, id: string): Promise<LicenceRow | undefined> {
  return db.selectFrom("vendor_licences").selectAll().where("vendor_id", "=", vendorId).where("id", "=", id).executeTakeFirst();
}

export async function insertLicence(db: Queryable, row: LicenceRow): Promise<void> {
  await db.insertInto("vendor_licences").values(row).execute();
}

export async function deleteLicence(db: Queryable, vendorId: string, id: string): Promise<void> {
  await db.deleteFrom("vendor_licences").where("vendor_id", "=", vendorId).where("id", "=", id).execute();
}

export async function insertRegistration(db: Queryable, row: DB["vendor_registrations"]): Promise<void> {
  await db.insertInto("vendor_registrations").values(row).execute();
}

export function findRegistrationByTokenHash(db: Queryable, tokenHash: string) {
  return db.selectFrom("vendor_registrations").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

export async function completeRegistration(db: Queryable, id: string, at: string): Promise<number> {
  const r = await db.updateTable("vendor_registrations").set({ completed_at: at }).where("id", "=", id).where("completed_at", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Registrations started for an address since a time: a brake on mail bombing one address. */
export async function countRecentRegistrations(db: Queryable, email: string, since: string): Promise<number> {
  const row = await db
    .selectFrom("vendor_registrations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("email", "=", email)
    .where("created_at", ">=", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertVerification(db: Queryable, row: DB["vendor_verifications"]): Promise<void> {
  await db.insertInto("vendor_verifications").values(row).execute();
}

export function listVerifications(db: Queryable, vendorId: string) {
  return db
    .selectFrom("vendor_verifications")
    .innerJoin("users", "users.id", "vendor_verifications.verifier_id")
    .selectAll("vendor_verifications")
    .select("users.name as verifier_name")
    .where("vendor_verifications.vendor_id", "=", vendorId)
    .orderBy("vendor_verifications.created_at", "desc")
    .execute();
}

/** Vendor users, to notify them of a verification decision. */
export function listVendorUserIds(db: Queryable, vendorId: string) {
  return db.selectFrom("users").select("id").where("vendor_id", "=", vendorId).where("status", "=", "active").execute();
}

/** Change events of one vendor after a time, straight from the event log (the log is the history). */
export function vendorChangeEvents(db: Queryable, vendorId: string, after: string | null) {
  let q = db
    .selectFrom("events")
    .select(["idx", "time", "type", "actor_id", "payload"])
    .where("subject_type", "=", "vendor")
    .where("subject_id", "=", vendorId)
    .where("type", "in", ["vendor.profile_updated", "vendor.licence_added", "vendor.licence_removed", "vendor.record_added", "vendor.record_updated", "vendor.record_removed", "vendor.document_uploaded"]);
  if (after) q = q.where("time", ">", after);
  return q.orderBy("idx").execute();
}

export async function countChangesSince(db: Queryable, vendorId: string, after: string | null): Promise<number> {
  if (!after) return 0;
  return (await vendorChangeEvents(db, vendorId, after)).length;
}

export async function insertDocument(db: Queryable, row: DB["vendor_documents"]): Promise<void> {
  await db.insertInto("vendor_documents").values(row).execute();
}

export function listDocuments(db: Queryable, vendorId: string) {
  return db.selectFrom("vendor_documents").selectAll().where("vendor_id", "=", vendorId).orderBy("uploaded_at", "desc").execute();
}

export function findDocument(db: Queryable, vendorId: string, id: string) {
  return db.selectFrom("vendor_documents").selectAll().where("vendor_id", "=", vendorId).where("id", "=", id).executeTakeFirst();
}
