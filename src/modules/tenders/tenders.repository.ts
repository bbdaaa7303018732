import type { Queryable, Tx } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { StageKey, StageWindow } from "./schedule.rules.js";

export async function readSchedule(db: Queryable, packageId: string): Promise<StageWindow[]> {
  const rows = await db.selectFrom("package_schedules").selectAll().where("package_id", "=", packageId).orderBy("position").execute();
  return rows.map((r) => ({ stage: r.stage as StageKey, startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at) }));
}

export async function replaceSchedule(db: Queryable, packageId: string, windows: readonly StageWindow[]): Promise<void> {
  await db.deleteFrom("package_schedules").where("package_id", "=", packageId).execute();
  await db
    .insertInto("package_schedules")
    .values(windows.map((w, i) => ({ package_id: packageId, position: i + 1, stage: w.stage, starts_at: w.startsAt.toISOString(), ends_at: w.endsAt.toISOString() })))
    .execute();
}

export async function insertScheduleChange(db: Queryable, row: DB["schedule_changes"]): Promise<void> {
  await db.insertInto("schedule_changes").values(row).execute();
}

export function listScheduleChanges(db: Queryable, packageId: string) {
  return db.selectFrom("schedule_changes").selectAll().where("package_id", "=", packageId).orderBy("changed_at").execute();
}

/** Next value of a named counter; the row update serialises concurrent callers until commit. */
export async function nextCounter(trx: Tx, name: string): Promise<number> {
  const row = await trx.updateTable("counters").set((eb) => ({ value: eb("value", "+", 1) })).where("name", "=", name).returning("value").executeTakeFirstOrThrow();
  return row.value;
}

export function holidayDates(db: Queryable) {
  return db.selectFrom("holidays").select("date").execute();
}
