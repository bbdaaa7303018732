import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import * as repo from "./records.repository.js";
import type { RecordKind } from "./records.schemas.js";
import { editableVendor } from "./vendors.service.js";

const recordNotFound = () => new AppError("NOT_FOUND", { id: "Data tidak ditemukan", en: "Record not found" });

export function presentRecord(row: repo.VendorRecordRow) {
  return { id: row.id, ...(JSON.parse(row.data) as Record<string, unknown>), createdAt: row.created_at, updatedAt: row.updated_at };
}

export async function addRecord(db: Kysely<DB>, actor: Actor, vendorId: string, kind: RecordKind, data: object, now: Date) {
  return db.transaction().execute(async (trx) => {
    await editableVendor(trx, vendorId);
    const at = now.toISOString();
    const row = { id: randomUUID(), vendor_id: vendorId, kind, data: JSON.stringify(data), created_at: at, updated_at: at };
    await repo.insertRecord(trx, row);
    await appendEvent(trx, { actorId: actor.id, type: "vendor.record_added", subject: { type: "vendor", id: vendorId }, payload: { kind, recordId: row.id, after: data } }, now);
    return row;
  });
}

export async function replaceRecord(db: Kysely<DB>, actor: Actor, vendorId: string, kind: RecordKind, id: string, data: object, now: Date) {
  return db.transaction().execute(async (trx) => {
    await editableVendor(trx, vendorId);
    const before = await repo.findRecord(trx, vendorId, kind, id);
    if (!before) throw recordNotFound();
    await repo.updateRecord(trx, id, JSON.stringify(data), now.toISOString());
    await appendEvent(trx, { actorId: actor.id, type: "vendor.record_updated", subject: { type: "vendor", id: vendorId }, payload: { kind, recordId: id, before: JSON.parse(before.data) as unknown, after: data } }, now);
    return (await repo.findRecord(trx, vendorId, kind, id)) ?? before;
  });
}

export async function removeRecord(db: Kysely<DB>, actor: Actor, vendorId: string, kind: RecordKind, id: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await editableVendor(trx, vendorId);
    const before = await repo.findRecord(trx, vendorId, kind, id);
    if (!before) throw recordNotFound();
    await repo.deleteRecord(trx, id);
    await appendEvent(trx, { actorId: actor.id, type: "vendor.record_removed", subject: { type: "vendor", id: vendorId }, payload: { kind, recordId: id, before: JSON.parse(before.data) as unknown } }, now);
  });
}
