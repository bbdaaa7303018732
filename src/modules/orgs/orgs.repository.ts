import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type AgencyRow = DB["agencies"] & { work_unit_count: number };

function agenciesWithCounts(db: Queryable) {
  return db
    .selectFrom("agencies")
    .selectAll("agencies")
    .select((eb) =>
      eb.selectFrom("work_units").whereRef("work_units.agency_id", "=", "agencies.id").select(eb.fn.countAll<number>().as("n")).as("work_unit_count"),
    );
}

export async function listAgencies(db: Queryable): Promise<AgencyRow[]> {
  const rows = await agenciesWithCounts(db).orderBy("agencies.name").execute();
  return rows.map((r) => ({ ...r, work_unit_count: Number(r.work_unit_count ?? 0) }));
}

export async function findAgency(db: Queryable, id: string): Promise<AgencyRow | undefined> {
  const row = await agenciesWithCounts(db).where("agencies.id", "=", id).executeTakeFirst();
  return row ? { ...row, work_unit_count: Number(row.work_unit_count ?? 0) } : undefined;
}

export function findAgencyByCode(db: Queryable, code: string) {
  return db.selectFrom("agencies").select("id").where("code", "=", code).executeTakeFirst();
}

export async function insertAgency(db: Queryable, row: DB["agencies"]): Promise<void> {
  await db.insertInto("agencies").values(row).execute();
}

export async function updateAgency(db: Queryable, id: string, changes: Partial<Omit<DB["agencies"], "id">>): Promise<void> {
  await db.updateTable("agencies").set(changes).where("id", "=", id).execute();
}

export function listWorkUnits(db: Queryable, agencyId: string) {
  return db.selectFrom("work_units").selectAll().where("agency_id", "=", agencyId).orderBy("code").execute();
}

export function findWorkUnitByCode(db: Queryable, agencyId: string, code: string) {
  return db.selectFrom("work_units").select("id").where("agency_id", "=", agencyId).where("code", "=", code).executeTakeFirst();
}

export async function insertWorkUnit(db: Queryable, row: DB["work_units"]): Promise<void> {
  await db.insertInto("work_units").values(row).execute();
}
