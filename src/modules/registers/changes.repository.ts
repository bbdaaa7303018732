import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { ChangeStatus } from "../../db/schema.registers.js";

export type ChangeRow = DB["register_changes"];
export type ChangeWithNames = ChangeRow & { requested_name: string | null; decided_name: string | null; implemented_name: string | null; reviewed_name: string | null };

function changesWithNames(db: Queryable) {
  return db
    .selectFrom("register_changes as c")
    .leftJoin("users as rq", "rq.id", "c.requested_by")
    .leftJoin("users as dc", "dc.id", "c.decided_by")
    .leftJoin("users as im", "im.id", "c.implemented_by")
    .leftJoin("users as rv", "rv.id", "c.reviewed_by")
    .selectAll("c")
    .select(["rq.name as requested_name", "dc.name as decided_name", "im.name as implemented_name", "rv.name as reviewed_name"]);
}

export async function insertChange(db: Queryable, row: ChangeRow): Promise<void> {
  await db.insertInto("register_changes").values(row).execute();
}

/** Insert an automatic change unless one with its key exists; true when inserted. */
export async function insertAutomaticChange(db: Queryable, row: ChangeRow): Promise<boolean> {
  const result = await db.insertInto("register_changes").values(row).onConflict((oc) => oc.column("automatic_key").doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export function findChange(db: Queryable, id: string): Promise<ChangeWithNames | undefined> {
  return changesWithNames(db).where("c.id", "=", id).executeTakeFirst();
}

/** Lock the change before a status change (PostgreSQL; SQLite serialises writers anyway). */
export function lockChange(db: Queryable, id: string, dialect: "sqlite" | "postgres"): Promise<ChangeRow | undefined> {
  let q = db.selectFrom("register_changes").selectAll().where("id", "=", id);
  if (dialect === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateChange(db: Queryable, id: string, changes: Partial<Omit<ChangeRow, "id">>): Promise<void> {
  await db.updateTable("register_changes").set(changes).where("id", "=", id).execute();
}

/** Newest first. */
export function listChanges(db: Queryable, f: { status?: ChangeStatus | undefined; origin?: "manual" | "automatic" | undefined }): Promise<ChangeWithNames[]> {
  let q = changesWithNames(db);
  if (f.status) q = q.where("c.status", "=", f.status);
  if (f.origin) q = q.where("c.origin", "=", f.origin);
  return q.orderBy("c.created_at", "desc").orderBy("c.id").limit(500).execute();
}
