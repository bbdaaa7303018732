import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type PermitRow = DB["server_room_permits"] & { requester_name: string; approver_name: string | null };
export type VisitRow = DB["server_room_visits"] & { person: string; organisation: string; purpose: string };
export type DeviceRow = DB["server_room_devices"];
type Dialect = "sqlite" | "postgres";

export async function insertPermit(db: Queryable, row: DB["server_room_permits"]): Promise<void> {
  await db.insertInto("server_room_permits").values(row).execute();
}

export function listPermits(db: Queryable, id?: string): Promise<PermitRow[]> {
  let q = db
    .selectFrom("server_room_permits as p")
    .innerJoin("users as r", "r.id", "p.requested_by")
    .leftJoin("users as a", "a.id", "p.approved_by")
    .selectAll("p")
    .select(["r.name as requester_name", "a.name as approver_name"])
    .orderBy("p.valid_from", "desc")
    .orderBy("p.id");
  if (id) q = q.where("p.id", "=", id);
  return q.execute();
}

/** Lock the permit before approving, revoking or admitting a visit on it (PostgreSQL; SQLite serialises writers). */
export function lockPermit(db: Queryable, id: string, dialect: Dialect): Promise<DB["server_room_permits"] | undefined> {
  let q = db.selectFrom("server_room_permits").selectAll().where("id", "=", id);
  if (dialect === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updatePermit(db: Queryable, id: string, changes: Partial<Omit<DB["server_room_permits"], "id">>): Promise<void> {
  await db.updateTable("server_room_permits").set(changes).where("id", "=", id).execute();
}

export async function insertVisit(db: Queryable, row: DB["server_room_visits"]): Promise<void> {
  await db.insertInto("server_room_visits").values(row).execute();
}

export function lockVisit(db: Queryable, id: string, dialect: Dialect): Promise<DB["server_room_visits"] | undefined> {
  let q = db.selectFrom("server_room_visits").selectAll().where("id", "=", id);
  if (dialect === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateVisit(db: Queryable, id: string, changes: Partial<Omit<DB["server_room_visits"], "id">>): Promise<void> {
  await db.updateTable("server_room_visits").set(changes).where("id", "=", id).execute();
}

export function listVisits(db: Queryable, filter: { id?: string; openOnly?: boolean } = {}): Promise<VisitRow[]> {
  let q = db
    .selectFrom("server_room_visits as v")
    .innerJoin("server_room_permits as p", "p.id", "v.permit_id")
    .selectAll("v")
    .select(["p.person", "p.organisation", "p.purpose"])
    .orderBy("v.entered_at", "desc")
    .orderBy("v.id");
  if (filter.id) q = q.where("v.id", "=", filter.id);
  if (filter.openOnly) q = q.where("v.exited_at", "is", null);
  return q.execute();
}

export async function insertDevices(db: Queryable, rows: DeviceRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("server_room_devices").values(rows).execute();
}

export function listDevices(db: Queryable, visitIds: string[]): Promise<DeviceRow[]> {
  if (visitIds.length === 0) return Promise.resolve([]);
  // Entry and exit may share a minute: at the same time, what came in is listed before what went out ("in" < "out").
  return db.selectFrom("server_room_devices").selectAll().where("visit_id", "in", visitIds).orderBy("recorded_at").orderBy("direction").orderBy("id").execute();
}
