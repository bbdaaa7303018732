import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type VendorRecordRow = DB["vendor_records"];

export function listRecords(db: Queryable, vendorId: string, kind: string) {
  return db.selectFrom("vendor_records").selectAll().where("vendor_id", "=", vendorId).where("kind", "=", kind).orderBy("created_at").orderBy("id").execute();
}

export function findRecord(db: Queryable, vendorId: string, kind: string, id: string) {
  return db.selectFrom("vendor_records").selectAll().where("vendor_id", "=", vendorId).where("kind", "=", kind).where("id", "=", id).executeTakeFirst();
}

export async function insertRecord(db: Queryable, row: VendorRecordRow): Promise<void> {
  await db.insertInto("vendor_records").values(row).execute();
}

export async function updateRecord(db: Queryable, id: string, data: string, at: string): Promise<void> {
  await db.updateTable("vendor_records").set({ data, updated_at: at }).where("id", "=", id).execute();
}

export async function deleteRecord(db: Queryable, id: string): Promise<void> {
  await db.deleteFrom("vendor_records").where("id", "=", id).execute();
}
