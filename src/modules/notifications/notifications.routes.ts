import type { AppDeps } from "../../server/app.js";
import { AppError } from "../../server/errors.js";
import { authorize, type Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import { canRetryMail, canSeeNotification, canViewMailOutbox } from "./notifications.policy.js";
import { presentMail, presentNotification } from "./notifications.presenter.js";
import {
  MailParamsSchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationParamsSchema,
  NotificationSchema,
  OutboxListSchema,
  OutboxMailSchema,
  OutboxQuerySchema,
  ReadAllResultSchema,
} from "./notifications.schemas.js";
import * as service from "./notifications.service.js";

/** The caller's inbox, and the mail outbox view for the LPSE administrator. */
export function notificationRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  // Every signed-in user has an inbox, vendors included: no policy beyond "it is yours".
  app.get(
    "/api/v1/notifications",
    { schema: { tags: ["notifications"], summary: "The caller's notifications, newest first", querystring: NotificationListQuerySchema, response: { 200: NotificationListSchema } } },
    async (request) => {
      const actor = requireActor(request);
      const inbox = await service.listInbox(db, actor, request.query);
      return { items: inbox.items.map(presentNotification), unreadCount: inbox.unreadCount };
    },
  );

  app.post(
    "/api/v1/notifications/read-all",
    { schema: { tags: ["notifications"], summary: "Mark all the caller's notifications read", response: { 200: ReadAllResultSchema } } },
    async (request) => {
      const actor = requireActor(request);
      return { updated: await service.markAllRead(db, actor, deps.clock.now()) };
    },
  );

  app.post(
    "/api/v1/notifications/:notificationId/read",
    { schema: { tags: ["notifications"], summary: "Mark one of the caller's notifications read", params: NotificationParamsSchema, response: { 200: NotificationSchema } } },
    async (request) => {
      const actor = requireActor(request);
      const notification = await service.getNotification(db, request.params.notificationId);
      // Another user's notification is not acknowledged to exist.
      if (!canSeeNotification(actor, notification)) throw new AppError("NOT_FOUND", { id: "Notifikasi tidak ditemukan", en: "Notification not found" });
      return presentNotification(await service.markRead(db, actor, notification.id, deps.clock.now()));
    },
  );

  app.get(
    "/api/v1/admin/mail-outbox",
    { schema: { tags: ["notifications"], summary: "Outgoing mail and its delivery state (newest 200)", querystring: OutboxQuerySchema, response: { 200: OutboxListSchema } } },
    async (request) => {
      authorize(canViewMailOutbox(requireActor(request)));
      return { items: (await service.listOutbox(db, request.query.status)).map(presentMail) };
    },
  );

  app.post(
    "/api/v1/admin/mail-outbox/:mailId/retry",
    { schema: { tags: ["notifications"], summary: "Send a failed or waiting mail again now", params: MailParamsSchema, response: { 200: OutboxMailSchema } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(canRetryMail(actor));
      const mail = await service.retryMail(db, request.params.mailId, deps.clock.now());
      // Delivery state is not in the event log (docs/ARCHITECTURE.md); the server log records who re-queued what.
      request.log.info({ mailId: mail.id, actorId: actor.id }, "mail re-queued by an administrator");
      return presentMail(mail);
    },
  );
}
