import { z } from "zod";
import { bilingual } from "../../server/validation.js";

import { LEVELS, PRIORITIES, TICKET_CHANNELS, TICKET_STATUSES, TICKET_TYPES, USER_GROUPS } from "./helpdesk-enums.js";

export { LEVELS, PRIORITIES, TICKET_CHANNELS, TICKET_STATUSES, TICKET_TYPES, USER_GROUPS };

export const ChannelSchema = z.enum(TICKET_CHANNELS);
export const TicketTypeSchema = z.enum(TICKET_TYPES);
export const UserGroupSchema = z.enum(USER_GROUPS);
export const LevelSchema = z.enum(LEVELS);
export const PrioritySchema = z.enum(PRIORITIES);
export const TicketStatusSchema = z.enum(TICKET_STATUSES);

/** Tracking codes: "HD-" and eight characters without look-alikes (no 0/O, 1/I/L). */
export const TICKET_CODE = /^HD-[2-9A-HJKMNP-Z]{8}$/;
const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(TICKET_CODE, bilingual("kode tiket berformat HD-XXXXXXXX", "a ticket code looks like HD-XXXXXXXX"));
const email = z.email(bilingual("alamat email tidak valid", "not a valid email address")).trim().toLowerCase().max(254);
const name = z.string().trim().min(2).max(120);
const subject = z.string().trim().min(5).max(200);
const description = z.string().trim().min(10).max(5000);
const body = z.string().trim().min(1).max(5000);

/** The public web form: anyone, with or without an account. */
export const PublicTicketInputSchema = z.strictObject({ name, email, subject, description, userGroup: UserGroupSchema });

/** A ticket entered by helpdesk staff, e.g. from a phone call or a visit. */
export const StaffTicketInputSchema = z.strictObject({
  channel: ChannelSchema,
  name,
  email: email.optional(),
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, bilingual("nomor telepon tidak valid", "not a valid phone number")).optional(),
  subject,
  description,
  type: TicketTypeSchema,
  technical: z.boolean(),
  userGroup: UserGroupSchema,
  urgency: LevelSchema,
  impact: LevelSchema,
});

export const ClassificationInputSchema = z.strictObject({
  type: TicketTypeSchema,
  technical: z.boolean(),
  userGroup: UserGroupSchema,
  urgency: LevelSchema,
  impact: LevelSchema,
});

export const AssignInputSchema = z.strictObject({ assigneeId: z.uuid() });
export const EscalateInputSchema = z.strictObject({ toUserId: z.uuid(), reason: z.string().trim().min(5).max(1000) });
export const StatusInputSchema = z.strictObject({
  status: z.enum(["in_progress", "waiting_for_user", "resolved", "closed"]),
  /** Required when resolving: what was done, sent to the submitter. */
  outcome: z.string().trim().min(5).max(5000).optional(),
});
export const CommentInputSchema = z.strictObject({ body, visibility: z.enum(["public", "internal"]) });
export const TrackInputSchema = z.strictObject({ code, email });
export const TrackReplyInputSchema = z.strictObject({ code, email, body });

export const TicketParamsSchema = z.strictObject({ ticketId: z.uuid() });
export const ArticleParamsSchema = z.strictObject({ articleId: z.uuid() });

export const TicketQuerySchema = z.strictObject({
  status: z.enum([...TICKET_STATUSES, "open"]).optional(),
  priority: PrioritySchema.optional(),
  assigneeId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

const timer = z.object({
  dueAt: z.string(),
  doneAt: z.string().nullable(),
  /** Seconds left before the due time (negative: overdue), by the server clock; null once done. */
  remainingSeconds: z.number().int().nullable(),
  state: z.enum(["running", "overdue", "met", "breached"]),
});

export const TicketSummarySchema = z
  .object({
    id: z.string(),
    code: z.string(),
    channel: ChannelSchema,
    submitterName: z.string(),
    subject: z.string(),
    type: TicketTypeSchema,
    technical: z.boolean(),
    userGroup: UserGroupSchema,
    urgency: LevelSchema,
    impact: LevelSchema,
    priority: PrioritySchema,
    status: TicketStatusSchema,
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    escalatedTo: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
    sla: z.object({ firstResponse: timer, resolution: timer }),
  })
  .meta({ id: "HelpdeskTicketSummary" });

export const CommentSchema = z.object({
  id: z.string(),
  authorName: z.string(),
  fromStaff: z.boolean(),
  visibility: z.enum(["public", "internal"]),
  body: z.string(),
  createdAt: z.string(),
});

export const TicketSchema = TicketSummarySchema.extend({
  submitterEmail: z.string().nullable(),
  submitterPhone: z.string().nullable(),
  description: z.string(),
  escalationReason: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  comments: z.array(CommentSchema),
  /** What the caller may do, for the UI. */
  can: z.object({ manage: z.boolean() }),
  serverNow: z.string(),
}).meta({ id: "HelpdeskTicket" });

/** What the submitter sees: no internal notes, no staff names, no classification details. */
export const TrackedTicketSchema = z
  .object({
    code: z.string(),
    subject: z.string(),
    description: z.string(),
    status: TicketStatusSchema,
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    outcome: z.string().nullable(),
    replies: z.array(z.object({ fromStaff: z.boolean(), authorName: z.string(), body: z.string(), createdAt: z.string() })),
  })
  .meta({ id: "HelpdeskTrackedTicket" });

export const TicketListSchema = z.object({ items: z.array(TicketSummarySchema), serverNow: z.string() });
export const TrackedListSchema = z.object({ items: z.array(TrackedTicketSchema) });
export const FiledTicketSchema = z.object({ code: z.string(), id: z.string() });

const hours = z.int().min(1).max(24 * 60);
const target = z.strictObject({ firstResponseHours: hours, resolutionHours: hours });
export const SlaSettingsSchema = z.strictObject({ P1: target, P2: target, P3: target, P4: target }).meta({ id: "HelpdeskSlaTargets" });
export type SlaSettings = z.infer<typeof SlaSettingsSchema>;

/**
 * Default SLA targets in calendar hours. Standard 5 names no figures, so these are a starting point each
 * LPSE changes in its settings (the UI says so): P1 is a service-wide outage during a tender deadline.
 */
export const DEFAULT_SLA: SlaSettings = {
  P1: { firstResponseHours: 1, resolutionHours: 4 },
  P2: { firstResponseHours: 4, resolutionHours: 24 },
  P3: { firstResponseHours: 8, resolutionHours: 72 },
  P4: { firstResponseHours: 24, resolutionHours: 120 },
};

export const AssigneeListSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) });

export const ArticleInputSchema = z.strictObject({
  title: z.string().trim().min(5).max(200),
  body: z.string().trim().min(10).max(20000),
  category: z.string().trim().min(2).max(60),
  status: z.enum(["draft", "published"]),
});
export const ArticleSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    category: z.string(),
    status: z.enum(["draft", "published"]),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: "HelpdeskArticle" });
export const ArticleListSchema = z.object({ items: z.array(ArticleSchema) });
export const ArticleQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  category: z.string().trim().max(60).optional(),
  /** Staff only: include drafts (the FAQ editor). */
  drafts: z.enum(["true", "false"]).optional(),
});

const share = z.object({ met: z.number().int(), breached: z.number().int(), pending: z.number().int(), share: z.number().nullable() });
export const ComplianceSchema = z.object({ tickets: z.number().int(), firstResponse: share, resolution: share }).meta({ id: "HelpdeskSlaCompliance" });

export const ReportQuerySchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingual("bulan berformat YYYY-MM", "month as YYYY-MM")),
});
const counts = z.record(z.string(), z.number().int());
export const MonthlyReportSchema = z
  .object({
    month: z.string(),
    timeZone: z.string(),
    from: z.string(),
    to: z.string(),
    total: z.number().int(),
    byType: counts,
    byPriority: counts,
    byUserGroup: counts,
    byChannel: counts,
    byStatus: counts,
    technical: z.number().int(),
    escalated: z.number().int(),
    compliance: ComplianceSchema,
    meanFirstResponseMinutes: z.number().nullable(),
    meanResolutionMinutes: z.number().nullable(),
    generatedAt: z.string(),
  })
  .meta({ id: "HelpdeskMonthlyReport" });
