import type { Queryable } from "../../db/database.js";
import type { RestoreDrillsTable } from "../../db/schema.operations.js";

export type DrillRow = RestoreDrillsTable;

export async function insertDrill(db: Queryable, row: DrillRow): Promise<void> {
  await db.insertInto("restore_drills").values(row).execute();
}

/** The most recent drills first. */
export function listDrills(db: Queryable, limit: number): Promise<DrillRow[]> {
  return db.selectFrom("restore_drills").selectAll().orderBy("started_at", "desc").orderBy("id").limit(limit).execute();
}
