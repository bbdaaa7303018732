import { z } from "zod";

/** Most notifications one inbox page returns, and how many when the client does not say. */
export const INBOX_PAGE_MAX = 100;
export const INBOX_PAGE_DEFAULT = 30;
/** The outbox view shows the newest rows only. */
export const OUTBOX_LIST_LIMIT = 200;

export const MAIL_STATUSES = ["pending", "sending", "sent", "failed"] as const;

const BilingualTextSchema = z.object({ id: z.string().describe("Bahasa Indonesia"), en: z.string().describe("English") });

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string().describe("What happened, e.g. tender.addendum"),
    title: BilingualTextSchema,
    body: BilingualTextSchema,
    link: z.string().nullable().describe("An app path such as /app/tenders/…"),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: "Notification" });
export type NotificationView = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z.strictObject({
  unread: z.enum(["true", "false"]).optional().describe("true: unread notifications only"),
  limit: z.coerce.number().int().min(1).max(INBOX_PAGE_MAX).optional(),
  before: z.uuid().optional().describe("Id of the last notification of the previous page: returns older ones"),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  unreadCount: z.number().int().describe("Unread notifications in the whole inbox, whatever the filter"),
});

export const NotificationParamsSchema = z.strictObject({ notificationId: z.uuid() });
export const ReadAllResultSchema = z.object({ updated: z.number().int() });

export const OutboxMailSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    status: z.enum(MAIL_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: "OutboxMail" });
export type OutboxMailView = z.infer<typeof OutboxMailSchema>;

export const OutboxQuerySchema = z.strictObject({ status: z.enum(MAIL_STATUSES).optional() });
export const OutboxListSchema = z.object({ items: z.array(OutboxMailSchema) });
export const MailParamsSchema = z.strictObject({ mailId: z.uuid() });
