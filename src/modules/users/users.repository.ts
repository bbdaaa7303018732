import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { Role } from "./roles.js";

export type UserRow = DB["users"];
export type UserWithAgency = UserRow & { agency_name: string | null };

/** Looks a user up by email across the whole LPSE: only login and setup may do this. */
export function unsafeFindUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
}

export function findUserById(db: Queryable, id: string): Promise<UserWithAgency | undefined> {
  return db
    .selectFrom("users")
    .leftJoin("agencies", "agencies.id", "users.agency_id")
    .selectAll("users")
    .select("agencies.name as agency_name")
    .where("users.id", "=", id)
    .executeTakeFirst();
}

export interface UserFilter {
  role?: Role | undefined;
  agencyId?: string | undefined;
  vendorId?: string | undefined;
  /** Scope: only users of this agency (an Admin Agency's view). */
  scopeAgencyId?: string | undefined;
}

export function listUsers(db: Queryable, filter: UserFilter): Promise<UserWithAgency[]> {
  let q = db
    .selectFrom("users")
    .leftJoin("agencies", "agencies.id", "users.agency_id")
    .selectAll("users")
    .select("agencies.name as agency_name");
  if (filter.role) q = q.where("users.role", "=", filter.role);
  if (filter.agencyId) q = q.where("users.agency_id", "=", filter.agencyId);
  if (filter.vendorId) q = q.where("users.vendor_id", "=", filter.vendorId);
  if (filter.scopeAgencyId) q = q.where("users.agency_id", "=", filter.scopeAgencyId);
  return q.orderBy("users.name").limit(1000).execute();
}

export async function insertUser(db: Queryable, row: UserRow): Promise<void> {
  await db.insertInto("users").values(row).execute();
}

export async function updateUser(db: Queryable, id: string, changes: Partial<Omit<UserRow, "id">>): Promise<void> {
  await db.updateTable("users").set(changes).where("id", "=", id).execute();
}

export async function countUsersWithRole(db: Queryable, role: Role): Promise<number> {
  const row = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).where("role", "=", role).executeTakeFirstOrThrow();
  return Number(row.n);
}
