import type { Queryable } from "../../db/database.js";
import type { DB, MailStatus } from "../../db/schema.js";

export type MailRow = DB["mail_outbox"];

/** Queue one mail row. */
export async function insertMail(db: Queryable, row: MailRow): Promise<void> {
  await db.insertInto("mail_outbox").values(row).execute();
}

/** One outbox row by id, whatever its status. */
export function findMail(db: Queryable, id: string): Promise<MailRow | undefined> {
  return db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The outbox for the administrator, newest first, optionally of one status. */
export function listMail(db: Queryable, status: MailStatus | undefined, limit: number): Promise<MailRow[]> {
  let q = db.selectFrom("mail_outbox").selectAll();
  if (status) q = q.where("status", "=", status);
  return q.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

/** Ids of rows in `status` whose next_attempt_at has come: due pending mail, or expired 'sending' claims. */
export async function listDue(db: Queryable, status: MailStatus, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom("mail_outbox")
    .select("id")
    .where("status", "=", status)
    .where("next_attempt_at", "<=", now)
    .orderBy("next_attempt_at")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export interface Expectation {
  status: MailStatus | readonly MailStatus[];
  /** Only if next_attempt_at has come by then (a due row, or an expired claim). */
  dueBy?: string | undefined;
}

/**
 * Change a row only if it is still in the expected state; returns whether it changed. This
 * compare-and-set is what lets two processes share one outbox: of two concurrent claims of a row,
 * PostgreSQL re-checks the condition after the first commits, so exactly one updates it.
 */
export async function updateMailIf(db: Queryable, id: string, expected: Expectation, changes: Partial<Omit<MailRow, "id">>): Promise<boolean> {
  const statuses: readonly MailStatus[] = typeof expected.status === "string" ? [expected.status] : expected.status;
  let q = db.updateTable("mail_outbox").set(changes).where("id", "=", id).where("status", "in", statuses);
  if (expected.dueBy !== undefined) q = q.where("next_attempt_at", "<=", expected.dueBy);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
