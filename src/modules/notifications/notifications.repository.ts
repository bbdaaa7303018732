import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type NotificationRow = DB["notifications"];

/** Store one inbox row. */
export async function insertNotification(db: Queryable, row: NotificationRow): Promise<void> {
  await db.insertInto("notifications").values(row).execute();
}

/** Looks a notification up by id alone: callers check it belongs to the caller (`canSeeNotification`). */
export function findNotification(db: Queryable, id: string): Promise<NotificationRow | undefined> {
  return db.selectFrom("notifications").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface InboxQuery {
  userId: string;
  unreadOnly: boolean;
  limit: number;
  /** Keyset cursor: only notifications older than this one (ties on time broken by id). */
  before?: { createdAt: string; id: string } | undefined;
}

/** One user's inbox, newest first. */
export function listNotifications(db: Queryable, query: InboxQuery): Promise<NotificationRow[]> {
  let q = db.selectFrom("notifications").selectAll().where("user_id", "=", query.userId);
  if (query.unreadOnly) q = q.where("read_at", "is", null);
  const before = query.before;
  if (before) {
    q = q.where((eb) =>
      eb.or([eb("created_at", "<", before.createdAt), eb.and([eb("created_at", "=", before.createdAt), eb("id", "<", before.id)])]),
    );
  }
  return q.orderBy("created_at", "desc").orderBy("id", "desc").limit(query.limit).execute();
}

/** Unread notifications in the whole inbox of the user. */
export async function countUnread(db: Queryable, userId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Mark one of the user's notifications read; an already read one keeps its first read time. */
export async function markRead(db: Queryable, id: string, userId: string, at: string): Promise<void> {
  await db.updateTable("notifications").set({ read_at: at }).where("id", "=", id).where("user_id", "=", userId).where("read_at", "is", null).execute();
}

/** Mark every unread notification of the user read; returns how many changed. */
export async function markAllRead(db: Queryable, userId: string, at: string): Promise<number> {
  const result = await db.updateTable("notifications").set({ read_at: at }).where("user_id", "=", userId).where("read_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
