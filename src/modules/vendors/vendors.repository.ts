import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export async function insertVendor(db: Queryable, row: DB["vendors"]): Promise<void> {
  await db.insertInto("vendors").values(row).execute();
}

export function findVendor(db: Queryable, id: string) {
  return db.selectFrom("vendors").selectAll().where("id", "=", id).executeTakeFirst();
}
