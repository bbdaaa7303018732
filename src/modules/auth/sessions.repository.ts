import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type SessionRow = DB["sessions"];

export async function insertSession(db: Queryable, row: SessionRow): Promise<void> {
  await db.insertInto("sessions").values(row).execute();
}

export function findSession(db: Queryable, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateSession(db: Queryable, id: string, changes: Partial<Omit<SessionRow, "id">>): Promise<void> {
  await db.updateTable("sessions").set(changes).where("id", "=", id).execute();
}

/** Revoke every open session of a user (disable, second-factor reset, password reset), but `exceptId`. */
export async function revokeUserSessions(db: Queryable, userId: string, at: string, exceptId?: string): Promise<number> {
  let query = db.updateTable("sessions").set({ revoked_at: at }).where("user_id", "=", userId).where("revoked_at", "is", null);
  if (exceptId !== undefined) query = query.where("id", "!=", exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A user's sessions that are neither revoked nor expired, newest first. */
export function listActiveSessions(db: Queryable, userId: string, now: string): Promise<SessionRow[]> {
  return db
    .selectFrom("sessions")
    .selectAll()
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .execute();
}
