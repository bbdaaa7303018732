import type { Queryable } from "../../db/database.js";
import type { Holiday } from "./settings.schemas.js";

export async function readSetting(db: Queryable, key: string): Promise<string | undefined> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value;
}

export async function writeSetting(db: Queryable, key: string, value: string, at: string): Promise<void> {
  await db
    .insertInto("settings")
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: at }))
    .execute();
}

export function listHolidays(db: Queryable, year?: number): Promise<Holiday[]> {
  let q = db.selectFrom("holidays").select(["date", "name", "kind"]);
  if (year !== undefined) q = q.where("date", ">=", `${year}-01-01`).where("date", "<=", `${year}-12-31`);
  return q.orderBy("date").execute();
}

export function findHoliday(db: Queryable, date: string): Promise<Holiday | undefined> {
  return db.selectFrom("holidays").select(["date", "name", "kind"]).where("date", "=", date).executeTakeFirst();
}

export async function insertHoliday(db: Queryable, h: Holiday, at: string): Promise<void> {
  await db.insertInto("holidays").values({ ...h, created_at: at }).execute();
}

export async function deleteHoliday(db: Queryable, date: string): Promise<void> {
  await db.deleteFrom("holidays").where("date", "=", date).execute();
}
