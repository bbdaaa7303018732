import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { TicketPriority, TicketStatus } from "../../db/schema.helpdesk.js";

export type TicketRow = DB["helpdesk_tickets"];
export type CommentRow = DB["helpdesk_comments"];
export type ArticleRow = DB["helpdesk_articles"];
export type TicketWithNames = TicketRow & { assignee_name: string | null; escalated_to_name: string | null };

/** Ticket columns with the assignee's and escalation target's names. */
function ticketsWithNames(db: Queryable) {
  return db
    .selectFrom("helpdesk_tickets as t")
    .leftJoin("users as a", "a.id", "t.assignee_id")
    .leftJoin("users as e", "e.id", "t.escalated_to_id")
    .selectAll("t")
    .select(["a.name as assignee_name", "e.name as escalated_to_name"]);
}

export async function insertTicket(db: Queryable, row: TicketRow): Promise<void> {
  await db.insertInto("helpdesk_tickets").values(row).execute();
}

export function findTicket(db: Queryable, id: string): Promise<TicketWithNames | undefined> {
  return ticketsWithNames(db).where("t.id", "=", id).executeTakeFirst();
}

/** Lock the ticket row before a status change (PostgreSQL; SQLite serialises writers anyway). */
export async function lockTicket(db: Queryable, id: string, dialect: "sqlite" | "postgres"): Promise<TicketRow | undefined> {
  let q = db.selectFrom("helpdesk_tickets").selectAll().where("id", "=", id);
  if (dialect === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

/** A ticket by its tracking code and the submitter's email; both must match, so a code alone reveals nothing. */
export function unsafeFindTicketByCodeAndEmail(db: Queryable, code: string, email: string): Promise<TicketRow | undefined> {
  return db.selectFrom("helpdesk_tickets").selectAll().where("code", "=", code).where("submitter_email", "=", email).executeTakeFirst();
}

export async function updateTicket(db: Queryable, id: string, changes: Partial<Omit<TicketRow, "id">>): Promise<void> {
  await db.updateTable("helpdesk_tickets").set(changes).where("id", "=", id).execute();
}

export interface TicketFilter {
  statuses?: readonly TicketStatus[] | undefined;
  priority?: TicketPriority | undefined;
  assigneeId?: string | undefined;
  q?: string | undefined;
  limit: number;
}

/** The staff queue: by priority, then oldest first. */
export function listTickets(db: Queryable, f: TicketFilter): Promise<TicketWithNames[]> {
  let q = ticketsWithNames(db);
  if (f.statuses) q = q.where("t.status", "in", f.statuses);
  if (f.priority) q = q.where("t.priority", "=", f.priority);
  if (f.assigneeId) q = q.where("t.assignee_id", "=", f.assigneeId);
  if (f.q) {
    const like = `%${f.q.toLowerCase()}%`;
    q = q.where((eb) => eb.or([eb(eb.fn("lower", ["t.subject"]), "like", like), eb(eb.fn("lower", ["t.code"]), "like", like), eb(eb.fn("lower", ["t.submitter_name"]), "like", like)]));
  }
  return q.orderBy("t.priority").orderBy("t.created_at").orderBy("t.id").limit(f.limit).execute();
}

/** Tickets filed by one account (its own, whatever the channel), newest first. */
export function listTicketsOfUser(db: Queryable, userId: string): Promise<TicketRow[]> {
  return db.selectFrom("helpdesk_tickets").selectAll().where("submitter_user_id", "=", userId).orderBy("created_at", "desc").limit(100).execute();
}

/** Tickets filed in [from, to), for compliance and reports. */
export function listTicketsFiledBetween(db: Queryable, from: string, to: string): Promise<TicketRow[]> {
  return db.selectFrom("helpdesk_tickets").selectAll().where("created_at", ">=", from).where("created_at", "<", to).orderBy("created_at").execute();
}

export async function insertComment(db: Queryable, row: CommentRow): Promise<void> {
  await db.insertInto("helpdesk_comments").values(row).execute();
}

export function listComments(db: Queryable, ticketId: string, publicOnly: boolean): Promise<CommentRow[]> {
  let q = db.selectFrom("helpdesk_comments").selectAll().where("ticket_id", "=", ticketId);
  if (publicOnly) q = q.where("visibility", "=", "public");
  return q.orderBy("created_at").orderBy("id").execute();
}

/** Active helpdesk staff, administrators and the head of the LPSE: who a ticket can be assigned (not the head) or escalated to. */
export function listStaff(db: Queryable) {
  return db.selectFrom("users").select(["id", "name", "role"]).where("role", "in", ["helpdesk", "admin_ppe", "kepala_lpse"]).where("status", "=", "active").orderBy("name").execute();
}

export async function insertArticle(db: Queryable, row: ArticleRow): Promise<void> {
  await db.insertInto("helpdesk_articles").values(row).execute();
}

export function findArticle(db: Queryable, id: string): Promise<ArticleRow | undefined> {
  return db.selectFrom("helpdesk_articles").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateArticle(db: Queryable, id: string, changes: Partial<Omit<ArticleRow, "id">>): Promise<void> {
  await db.updateTable("helpdesk_articles").set(changes).where("id", "=", id).execute();
}

/** Articles, by category then title; drafts only when asked (staff). Search matches title and body. */
export function listArticles(db: Queryable, f: { includeDrafts: boolean; q?: string | undefined; category?: string | undefined }): Promise<ArticleRow[]> {
  let q = db.selectFrom("helpdesk_articles").selectAll();
  if (!f.includeDrafts) q = q.where("status", "=", "published");
  if (f.category) q = q.where("category", "=", f.category);
  if (f.q) {
    const like = `%${f.q.toLowerCase()}%`;
    q = q.where((eb) => eb.or([eb(eb.fn("lower", ["title"]), "like", like), eb(eb.fn("lower", ["body"]), "like", like)]));
  }
  return q.orderBy("category").orderBy("title").limit(200).execute();
}

/** Open tickets past their resolution due time and not yet escalated: the automatic escalation's work. */
export function listOverdueUnescalated(db: Queryable, now: string, statuses: readonly TicketStatus[]): Promise<TicketRow[]> {
  return db
    .selectFrom("helpdesk_tickets")
    .selectAll()
    .where("status", "in", statuses)
    .where("resolution_due_at", "<", now)
    .where("escalated_to_id", "is", null)
    .orderBy("resolution_due_at")
    .limit(100)
    .execute();
}

/** The second level for automatic escalation: the longest-serving active LPSE administrator. */
export function findSecondLevel(db: Queryable) {
  return db.selectFrom("users").select(["id", "name"]).where("role", "=", "admin_ppe").where("status", "=", "active").orderBy("created_at").orderBy("id").executeTakeFirst();
}
