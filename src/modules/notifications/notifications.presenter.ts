import type { MailRow } from "./mail-outbox.repository.js";
import type { NotificationRow } from "./notifications.repository.js";
import type { NotificationView, OutboxMailView } from "./notifications.schemas.js";

/** The API shape of an inbox row: title and body as { id, en } pairs. */
export function presentNotification(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: { id: row.title_id, en: row.title_en },
    body: { id: row.body_id, en: row.body_en },
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** Never the text body: it can carry one-time links (an email confirmation) meant for the recipient only. */
export function presentMail(row: MailRow): OutboxMailView {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
