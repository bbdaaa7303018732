import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Tx } from "../../db/database.js";
import type { DB, MailStatus } from "../../db/schema.js";
import type { Actor } from "../../server/actor.js";
import { AppError, fieldError, type Message } from "../../server/errors.js";
import { findUserById } from "../users/users.repository.js";
import * as outbox from "./mail-outbox.repository.js";
import * as repo from "./notifications.repository.js";
import { INBOX_PAGE_DEFAULT, type NotificationListQuery, OUTBOX_LIST_LIMIT } from "./notifications.schemas.js";

/*
 * Notifications and mail are operational state: creating them, delivering mail and marking them read
 * append no events to the log. The business change that caused them (an addendum, a verification) is
 * logged by its own service, in the same transaction as the notifyUser call. See docs/ARCHITECTURE.md.
 */

/** An app path: one leading slash (not "//", which browsers read as another host), no spaces. */
const APP_PATH = /^\/(?!\/)\S*$/;
/** A single mailbox: no spaces, commas or angle brackets, so one row never fans out to several people. */
const SINGLE_ADDRESS = /^[^\s@,;<>"]+@[^\s@,;<>"]+$/;
const SUBJECT_MAX_CHARS = 250;

export interface NewNotification {
  userId: string;
  /** What happened, dotted: "tender.addendum", "vendor.verified". */
  kind: string;
  title: Message;
  body: Message;
  /** An app path such as /app/tenders/…; the mail carries it as a full URL. */
  link?: string | undefined;
  /** Also send it by mail to the user's address. */
  email?: boolean | undefined;
}

export interface OutgoingMail {
  /** One bare address (name@example.go.id), no display name. */
  to: string;
  subject: string;
  text: string;
}

/** What notifyUser needs from the configuration to write a mail. */
export interface MailContext {
  /** PUBLIC_URL, without a trailing slash: links in mail point there. */
  publicUrl: string;
}

/**
 * Put a notification in the user's inbox and, with `email`, a mail in the outbox, inside the caller's
 * transaction: both exist if and only if the business change commits.
 */
export async function notifyUser(trx: Tx, input: NewNotification, now: Date, context: MailContext): Promise<{ notificationId: string; mailId: string | null }> {
  if (input.link !== undefined && !APP_PATH.test(input.link)) throw new Error(`notification link must be an app path, got ${JSON.stringify(input.link)}`);
  const user = await findUserById(trx, input.userId);
  if (!user) throw new Error(`cannot notify unknown user ${input.userId}`);
  const id = randomUUID();
  await repo.insertNotification(trx, {
    id,
    user_id: user.id,
    kind: input.kind,
    title_id: input.title.id,
    title_en: input.title.en,
    body_id: input.body.id,
    body_en: input.body.en,
    link: input.link ?? null,
    created_at: now.toISOString(),
    read_at: null,
  });
  // A disabled account (someone who left the agency) keeps its inbox but gets no more mail.
  const mailId = input.email && user.status === "active" ? await enqueueMail(trx, composeMail(user.email, input, context), now) : null;
  return { notificationId: id, mailId };
}

/** The mail for a notification: both languages, Indonesian first, then the link as a full URL. */
export function composeMail(to: string, input: Pick<NewNotification, "title" | "body" | "link">, context: MailContext): OutgoingMail {
  const parts = [input.body.id, input.body.en];
  if (input.link !== undefined) parts.push(`${context.publicUrl.replace(/\/$/, "")}${input.link}`);
  return { to, subject: `${input.title.id} / ${input.title.en}`, text: `${parts.join("\n\n")}\n` };
}

/** Queue a mail to any address (e.g. a vendor confirming its email before it has an account), in the caller's transaction. */
export async function enqueueMail(trx: Tx, mail: OutgoingMail, now: Date): Promise<string> {
  const to = mail.to.trim();
  if (!SINGLE_ADDRESS.test(to)) throw new Error(`not a single mail address: ${JSON.stringify(mail.to)}`);
  const id = randomUUID();
  const at = now.toISOString();
  await outbox.insertMail(trx, {
    id,
    to_address: to,
    // Header values are one line: a newline in a subject must not become a second header.
    subject: mail.subject.replace(/[\r\n]+/g, " ").trim().slice(0, SUBJECT_MAX_CHARS),
    text_body: mail.text,
    status: "pending",
    attempts: 0,
    next_attempt_at: at,
    last_error: null,
    created_at: at,
    sent_at: null,
  });
  return id;
}

const notificationNotFound = () => new AppError("NOT_FOUND", { id: "Notifikasi tidak ditemukan", en: "Notification not found" });
const mailNotFound = () => new AppError("NOT_FOUND", { id: "Surel tidak ditemukan di antrean", en: "Mail not found in the outbox" });

/** The caller's inbox page and the count of all its unread notifications. */
export async function listInbox(db: Kysely<DB>, actor: Actor, query: NotificationListQuery) {
  let before: repo.InboxQuery["before"];
  if (query.before) {
    const cursor = await repo.findNotification(db, query.before);
    // Someone else's id is "not found" too: the cursor must not reveal that it exists.
    if (!cursor || cursor.user_id !== actor.id) throw fieldError("query.before", { id: "notifikasi tidak ditemukan", en: "notification not found" });
    before = { createdAt: cursor.created_at, id: cursor.id };
  }
  const items = await repo.listNotifications(db, { userId: actor.id, unreadOnly: query.unread === "true", limit: query.limit ?? INBOX_PAGE_DEFAULT, before });
  return { items, unreadCount: await repo.countUnread(db, actor.id) };
}

/** A notification by id, or 404. The caller checks `canSeeNotification` before showing or changing it. */
export async function getNotification(db: Kysely<DB>, id: string): Promise<repo.NotificationRow> {
  const row = await repo.findNotification(db, id);
  if (!row) throw notificationNotFound();
  return row;
}

/** Mark one of the caller's notifications read (idempotent) and return it. */
export async function markRead(db: Kysely<DB>, actor: Actor, id: string, now: Date): Promise<repo.NotificationRow> {
  await repo.markRead(db, id, actor.id, now.toISOString());
  const row = await repo.findNotification(db, id);
  if (!row || row.user_id !== actor.id) throw notificationNotFound();
  return row;
}

/** Mark all the caller's notifications read; returns how many were unread. */
export function markAllRead(db: Kysely<DB>, actor: Actor, now: Date): Promise<number> {
  return repo.markAllRead(db, actor.id, now.toISOString());
}

/** The newest outbox rows, optionally of one status. */
export function listOutbox(db: Kysely<DB>, status: MailStatus | undefined): Promise<outbox.MailRow[]> {
  return outbox.listMail(db, status, OUTBOX_LIST_LIMIT);
}

/**
 * Put a failed (or waiting) mail back in the queue, due now, with a fresh count of attempts so it gets
 * the whole retry schedule again (the administrator usually retries after fixing the mail relay).
 */
export async function retryMail(db: Kysely<DB>, id: string, now: Date): Promise<outbox.MailRow> {
  const row = await outbox.findMail(db, id);
  if (!row) throw mailNotFound();
  const requeued = await outbox.updateMailIf(db, id, { status: ["failed", "pending"] }, { status: "pending", attempts: 0, next_attempt_at: now.toISOString() });
  if (!requeued) {
    throw new AppError("CONFLICT", {
      id: `Surel ini berstatus ${row.status}: hanya surel yang gagal atau menunggu yang dapat dikirim ulang`,
      en: `This mail is ${row.status}: only failed or pending mail can be retried`,
    });
  }
  const after = await outbox.findMail(db, id);
  if (!after) throw mailNotFound();
  return after;
}
