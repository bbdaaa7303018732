import type { ZodType } from "zod";
import type { AppDeps } from "../../server/app.js";
import { AppError } from "../../server/errors.js";
import { authorize, type Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import type { Actor } from "../../server/actor.js";
import { canEditSla, canManageTickets, canReadTickets } from "./helpdesk.policy.js";
import { presentTicket, presentTicketSummary, presentTrackedTicket } from "./helpdesk.presenter.js";
import * as repo from "./helpdesk.repository.js";
import { monthlyReport } from "./helpdesk.report.js";
import { OPEN_STATUSES } from "./helpdesk.rules.js";
import {
  AssigneeListSchema,
  AssignInputSchema,
  ClassificationInputSchema,
  CommentInputSchema,
  EscalateInputSchema,
  FiledTicketSchema,
  MonthlyReportSchema,
  PublicTicketInputSchema,
  ReportQuerySchema,
  SlaSettingsSchema,
  StaffTicketInputSchema,
  StatusInputSchema,
  TicketListSchema,
  TicketParamsSchema,
  TicketQuerySchema,
  TicketSchema,
  TrackedListSchema,
  TrackedTicketSchema,
  TrackInputSchema,
  TrackReplyInputSchema,
} from "./helpdesk.schemas.js";
import * as service from "./helpdesk.service.js";
import { getSlaSettings, updateSlaSettings } from "./helpdesk.settings.js";
import { articleRoutes } from "./articles.routes.js";

/** Public filings per client address: each one sends a mail. */
const FILING_RATE_LIMIT = { max: 5, timeWindow: "10 minutes" } as const;
/** Look-ups by code and email per client address: enough for a person, too few to guess codes. */
const TRACKING_RATE_LIMIT = { max: 30, timeWindow: "10 minutes" } as const;

const tags = ["helpdesk"];

export function helpdeskRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  const full = async (actor: Actor, id: string) => {
    const ticket = await service.loadVisibleTicket(db, actor, id);
    const staff = canReadTickets(actor);
    return presentTicket(ticket, await repo.listComments(db, id, !staff), deps.clock.now(), { manage: canManageTickets(actor) }, { staff });
  };
  const tracked = async (ticket: repo.TicketRow) => presentTrackedTicket(ticket, await repo.listComments(db, ticket.id, true));

  app.post(
    "/api/v1/helpdesk/public/tickets",
    { config: { rateLimit: FILING_RATE_LIMIT }, schema: { tags, summary: "File a ticket from the public Help page (no account needed); the tracking code is shown and emailed", body: PublicTicketInputSchema, response: { 201: FiledTicketSchema } } },
    async (request, reply) => reply.status(201).send(await service.filePublicTicket(deps, request.actor ?? null, request.body)),
  );

  app.post(
    "/api/v1/helpdesk/public/track",
    { config: { rateLimit: TRACKING_RATE_LIMIT }, schema: { tags, summary: "Follow a ticket with its tracking code and the submitter's email", body: TrackInputSchema, response: { 200: TrackedTicketSchema } } },
    async (request) => {
      const ticket = await repo.unsafeFindTicketByCodeAndEmail(db, request.body.code, request.body.email);
      if (!ticket) throw new AppError("NOT_FOUND", { id: "Tidak ada tiket dengan kode dan email ini", en: "No ticket has this code and email" });
      return tracked(ticket);
    },
  );

  app.post(
    "/api/v1/helpdesk/public/replies",
    { config: { rateLimit: FILING_RATE_LIMIT }, schema: { tags, summary: "The submitter replies on its ticket (code and email)", body: TrackReplyInputSchema, response: { 201: TrackedTicketSchema } } },
    async (request, reply) => reply.status(201).send(await tracked(await service.addSubmitterReply(deps, request.body.code, request.body.email, request.body.body))),
  );

  app.get("/api/v1/helpdesk/my-tickets", { schema: { tags, summary: "The caller's own tickets", response: { 200: TrackedListSchema } } }, async (request) => {
    const actor = requireActor(request);
    return { items: await Promise.all((await repo.listTicketsOfUser(db, actor.id)).map(tracked)) };
  });

  app.get("/api/v1/helpdesk/tickets", { schema: { tags, summary: "The ticket queue with SLA timers", querystring: TicketQuerySchema, response: { 200: TicketListSchema } } }, async (request) => {
    authorize(canReadTickets(requireActor(request)));
    const q = request.query;
    const statuses = q.status === "open" ? OPEN_STATUSES : q.status ? [q.status] : undefined;
    const now = deps.clock.now();
    const rows = await repo.listTickets(db, { statuses, priority: q.priority, assigneeId: q.assigneeId, q: q.q, limit: q.limit });
    return { items: rows.map((r) => presentTicketSummary(r, now)), serverNow: now.toISOString() };
  });

  app.post("/api/v1/helpdesk/tickets", { schema: { tags, summary: "Enter a ticket for a phone call, visit or email", body: StaffTicketInputSchema, response: { 201: TicketSchema } } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(canManageTickets(actor));
    const { id } = await service.fileStaffTicket(deps, actor, request.body);
    return reply.status(201).send(await full(actor, id));
  });

  app.get("/api/v1/helpdesk/tickets/:ticketId", { schema: { tags, summary: "A ticket with its comments and SLA timers", params: TicketParamsSchema, response: { 200: TicketSchema } } }, async (request) =>
    full(requireActor(request), request.params.ticketId),
  );

  const change = <B>(path: string, summary: string, body: ZodType<B>, run: (actor: Actor, id: string, body: B) => Promise<void>) =>
    app.post(path, { schema: { tags, summary, params: TicketParamsSchema, body, response: { 200: TicketSchema } } }, async (request) => {
      const actor = requireActor(request);
      await service.loadVisibleTicket(db, actor, request.params.ticketId);
      authorize(canManageTickets(actor));
      await run(actor, request.params.ticketId, request.body as B);
      return full(actor, request.params.ticketId);
    });

  change("/api/v1/helpdesk/tickets/:ticketId/classification", "Classify: type, technical, user group, urgency and impact (priority and SLA follow)", ClassificationInputSchema, (a, id, b) => service.classifyTicket(deps, a, id, b));
  change("/api/v1/helpdesk/tickets/:ticketId/assignment", "Assign to a helpdesk officer or administrator", AssignInputSchema, (a, id, b) => service.assignTicket(deps, a, id, b));
  change("/api/v1/helpdesk/tickets/:ticketId/escalation", "Escalate to the second level with a reason", EscalateInputSchema, (a, id, b) => service.escalateTicket(deps, a, id, b));
  change("/api/v1/helpdesk/tickets/:ticketId/status", "Change the status; resolving needs the outcome, sent to the submitter", StatusInputSchema, (a, id, b) => service.changeStatus(deps, a, id, b));
  change("/api/v1/helpdesk/tickets/:ticketId/comments", "Reply to the submitter (public) or add an internal note", CommentInputSchema, (a, id, b) => service.addStaffComment(deps, a, id, b));

  app.get("/api/v1/helpdesk/staff", { schema: { tags, summary: "Who tickets can be assigned or escalated to", response: { 200: AssigneeListSchema } } }, async (request) => {
    authorize(canReadTickets(requireActor(request)));
    return { items: await repo.listStaff(db) };
  });

  app.get("/api/v1/helpdesk/sla", { schema: { tags, summary: "SLA targets per priority, in hours", response: { 200: SlaSettingsSchema } } }, async (request) => {
    authorize(canReadTickets(requireActor(request)));
    return getSlaSettings(db);
  });

  app.put("/api/v1/helpdesk/sla", { schema: { tags, summary: "Replace the SLA targets (new and reclassified tickets use them)", body: SlaSettingsSchema, response: { 200: SlaSettingsSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(canEditSla(actor));
    return updateSlaSettings(db, actor, request.body, deps.clock.now());
  });

  app.get("/api/v1/helpdesk/reports/monthly", { schema: { tags, summary: "Monthly report: tickets by type, priority, user group and channel, SLA compliance, mean times", querystring: ReportQuerySchema, response: { 200: MonthlyReportSchema } } }, async (request) => {
    authorize(canReadTickets(requireActor(request)));
    return monthlyReport(db, request.query.month, deps.clock.now());
  });

  articleRoutes(app, deps);
}
