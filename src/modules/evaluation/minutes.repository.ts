import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { MinutesKind } from "./minutes.document.js";

export function findMinutes(db: Queryable, packageId: string, kind: MinutesKind) {
  return db.selectFrom("evaluation_minutes").selectAll().where("package_id", "=", packageId).where("kind", "=", kind).executeTakeFirst();
}

export async function insertMinutes(db: Queryable, row: DB["evaluation_minutes"]): Promise<void> {
  await db.insertInto("evaluation_minutes").values(row).execute();
}

export function findResult(db: Queryable, packageId: string) {
  return db.selectFrom("tender_results").selectAll().where("package_id", "=", packageId).executeTakeFirst();
}

/** Whether the PA/KPA named the winner (on an approved proposal). */
export async function namedByBudgetHolder(db: Queryable, packageId: string): Promise<boolean> {
  return (await db.selectFrom("winner_proposals").select("id").where("package_id", "=", packageId).where("decision", "=", "named").executeTakeFirst()) !== undefined;
}

export function listMinutes(db: Queryable, packageId: string) {
  return db.selectFrom("evaluation_minutes").select(["kind", "sha256", "issued_at"]).where("package_id", "=", packageId).orderBy("kind").execute();
}
