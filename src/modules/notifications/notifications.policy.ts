import type { Actor } from "../../server/actor.js";

/** A notification is its recipient's alone; to anyone else it does not exist (404, not 403). */
export function canSeeNotification(actor: Actor, notification: { user_id: string }): boolean {
  return notification.user_id === actor.id;
}

/** The outbox holds every user's address and subjects: the LPSE administrator only. */
export function canViewMailOutbox(actor: Actor): boolean {
  return actor.role === "admin_ppe";
}

/** Re-queueing undelivered mail is part of running the mail relay: the LPSE administrator only. */
export function canRetryMail(actor: Actor): boolean {
  return actor.role === "admin_ppe";
}
