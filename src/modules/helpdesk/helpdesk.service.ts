import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Tx } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { TicketStatus } from "../../db/schema.helpdesk.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import type { AppDeps } from "../../server/app.js";
import { AppError, fieldError, type Message } from "../../server/errors.js";
import { composeMail, enqueueMail, notifyUser } from "../notifications/notifications.service.js";
import { findUserById } from "../users/users.repository.js";
import { canManageTickets, canReadTickets, isOwnTicket } from "./helpdesk.policy.js";
import * as repo from "./helpdesk.repository.js";
import { canMoveTo, dueTimes, newTicketCode, priorityOf } from "./helpdesk.rules.js";
import type { z } from "zod";
import type {
  AssignInputSchema,
  ClassificationInputSchema,
  CommentInputSchema,
  EscalateInputSchema,
  PublicTicketInputSchema,
  StaffTicketInputSchema,
  StatusInputSchema,
} from "./helpdesk.schemas.js";
import { getSlaSettings } from "./helpdesk.settings.js";

type Deps = Pick<AppDeps, "database" | "clock" | "config">;

const ticketNotFound = () => new AppError("NOT_FOUND", { id: "Tiket tidak ditemukan", en: "Ticket not found" });

/** Roles a ticket can be escalated to: the second level (administrator, head of the LPSE) or another helpdesk officer. */
const ESCALATION_ROLES = new Set(["helpdesk", "admin_ppe", "kepala_lpse"]);
const ASSIGNEE_ROLES = new Set(["helpdesk", "admin_ppe"]);

interface NewTicket {
  channel: repo.TicketRow["channel"];
  name: string;
  email: string | null;
  phone: string | null;
  userId: string | null;
  createdBy: string | null;
  subject: string;
  description: string;
  type: repo.TicketRow["type"];
  technical: boolean;
  userGroup: repo.TicketRow["user_group"];
  urgency: repo.TicketRow["urgency"];
  impact: repo.TicketRow["impact"];
}

async function insertNewTicket(deps: Deps, t: NewTicket): Promise<{ id: string; code: string }> {
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const priority = priorityOf(t.urgency, t.impact);
    const due = dueTimes(at, priority, await getSlaSettings(trx));
    const id = randomUUID();
    const code = newTicketCode();
    await repo.insertTicket(trx, {
      id,
      code,
      channel: t.channel,
      submitter_name: t.name,
      submitter_email: t.email,
      submitter_phone: t.phone,
      submitter_user_id: t.userId,
      subject: t.subject,
      description: t.description,
      type: t.type,
      technical: t.technical ? 1 : 0,
      user_group: t.userGroup,
      urgency: t.urgency,
      impact: t.impact,
      priority,
      status: "new",
      assignee_id: null,
      escalated_to_id: null,
      escalation_reason: null,
      escalated_at: null,
      outcome: null,
      created_by: t.createdBy,
      created_at: at,
      updated_at: at,
      response_due_at: due.responseDueAt,
      resolution_due_at: due.resolutionDueAt,
      first_response_at: null,
      resolved_at: null,
      closed_at: null,
    });
    await appendEvent(
      trx,
      { actorId: t.createdBy ?? t.userId, type: "helpdesk.ticket_filed", subject: { type: "helpdesk_ticket", id }, payload: { code, channel: t.channel, type: t.type, userGroup: t.userGroup, priority } },
      now,
    );
    await tellSubmitter(
      deps,
      trx,
      { id, code, submitter_email: t.email, submitter_user_id: t.userId },
      {
        title: { id: `Tiket ${code} diterima`, en: `Ticket ${code} received` },
        body: {
          id: `Tiket Helpdesk Anda "${t.subject}" sudah kami terima dengan kode ${code}. Ikuti perkembangannya di halaman Bantuan dengan kode ini dan email Anda.`,
          en: `We received your Helpdesk ticket "${t.subject}" with code ${code}. Follow it on the Help page with this code and your email.`,
        },
      },
      now,
    );
    return { id, code };
  });
}

/** A ticket from the public form: classified by default as a non-technical request, medium urgency and impact, until staff triage it. */
export function filePublicTicket(deps: Deps, actor: Actor | null, input: z.infer<typeof PublicTicketInputSchema>) {
  return insertNewTicket(deps, {
    channel: "web",
    name: input.name,
    email: input.email,
    phone: null,
    userId: actor?.id ?? null,
    createdBy: null,
    subject: input.subject,
    description: input.description,
    type: "request",
    technical: false,
    userGroup: input.userGroup,
    urgency: "medium",
    impact: "medium",
  });
}

/** A ticket from an incoming email (helpdesk.mail-intake.ts): classified like a public one until staff triage it. */
export function fileEmailTicket(deps: Deps, mail: { name: string; email: string; subject: string; description: string }) {
  return insertNewTicket(deps, {
    channel: "email",
    name: mail.name,
    email: mail.email,
    phone: null,
    userId: null,
    createdBy: null,
    subject: mail.subject,
    description: mail.description,
    type: "request",
    technical: false,
    userGroup: "other",
    urgency: "medium",
    impact: "medium",
  });
}

/** A ticket entered by staff for a phone call, a visit or an email. */
export function fileStaffTicket(deps: Deps, actor: Actor, input: z.infer<typeof StaffTicketInputSchema>) {
  return insertNewTicket(deps, {
    channel: input.channel,
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    userId: null,
    createdBy: actor.id,
    subject: input.subject,
    description: input.description,
    type: input.type,
    technical: input.technical,
    userGroup: input.userGroup,
    urgency: input.urgency,
    impact: input.impact,
  });
}

/**
 * Tell the submitter: an account gets an inbox notification and a mail, an address alone gets the mail.
 * A phone caller without an email is told by phone; the outcome on the ticket records what was said.
 */
async function tellSubmitter(
  deps: Deps,
  trx: Tx,
  ticket: Pick<repo.TicketRow, "id" | "code" | "submitter_email" | "submitter_user_id">,
  message: { title: Message; body: Message },
  now: Date,
): Promise<void> {
  const link = `/bantuan?kode=${ticket.code}`;
  const context = { publicUrl: deps.config.publicUrl };
  if (ticket.submitter_user_id) {
    await notifyUser(trx, { userId: ticket.submitter_user_id, kind: "helpdesk.ticket", title: message.title, body: message.body, link, email: true }, now, context);
  } else if (ticket.submitter_email) {
    await enqueueMail(trx, composeMail(ticket.submitter_email, { ...message, link }, context), now);
  }
}

/** The ticket for a staff reader or its own submitter; anyone else gets 404, so existence stays secret. */
export async function loadVisibleTicket(db: Kysely<DB>, actor: Actor, id: string): Promise<repo.TicketWithNames> {
  const ticket = await repo.findTicket(db, id);
  if (!ticket || !(canReadTickets(actor) || isOwnTicket(actor, ticket))) throw ticketNotFound();
  return ticket;
}

/** Change a ticket in one transaction: lock, check, update, log. */
async function changeTicket(
  deps: Deps,
  actor: Actor,
  id: string,
  type: string,
  change: (ticket: repo.TicketRow, trx: Tx, now: Date) => Promise<{ changes: Partial<repo.TicketRow>; payload: Record<string, unknown> }>,
): Promise<void> {
  if (!canManageTickets(actor)) throw new AppError("FORBIDDEN");
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const ticket = await repo.lockTicket(trx, id, deps.database.dialect);
    if (!ticket) throw ticketNotFound();
    const { changes, payload } = await change(ticket, trx, now);
    await repo.updateTicket(trx, id, { ...changes, updated_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type, subject: { type: "helpdesk_ticket", id }, payload: { code: ticket.code, ...payload } }, now);
  });
}

function refuseIfFinished(ticket: repo.TicketRow): void {
  if (ticket.status === "resolved" || ticket.status === "closed") {
    throw new AppError("CONFLICT", { id: `Tiket ${ticket.code} sudah ${ticket.status === "closed" ? "ditutup" : "diselesaikan"}`, en: `Ticket ${ticket.code} is already ${ticket.status}` });
  }
}

/** Set type, technical, user group, urgency and impact; the priority and SLA due times follow. */
export function classifyTicket(deps: Deps, actor: Actor, id: string, input: z.infer<typeof ClassificationInputSchema>) {
  return changeTicket(deps, actor, id, "helpdesk.ticket_classified", async (ticket, trx) => {
    refuseIfFinished(ticket);
    const priority = priorityOf(input.urgency, input.impact);
    const due = dueTimes(ticket.created_at, priority, await getSlaSettings(trx));
    return {
      changes: { type: input.type, technical: input.technical ? 1 : 0, user_group: input.userGroup, urgency: input.urgency, impact: input.impact, priority, response_due_at: due.responseDueAt, resolution_due_at: due.resolutionDueAt },
      payload: { ...input, priority, before: { priority: ticket.priority, type: ticket.type } },
    };
  });
}

async function staffUser(trx: Tx, userId: string, roles: Set<string>, field: string) {
  const user = await findUserById(trx, userId);
  if (!user || user.status !== "active" || !roles.has(user.role)) {
    throw fieldError(field, { id: "bukan petugas aktif yang dapat menerima tiket", en: "not an active staff member who can take tickets" });
  }
  return user;
}

/** Give the ticket to a helpdesk officer or administrator, who is told in the inbox. */
export function assignTicket(deps: Deps, actor: Actor, id: string, input: z.infer<typeof AssignInputSchema>) {
  return changeTicket(deps, actor, id, "helpdesk.ticket_assigned", async (ticket, trx, now) => {
    refuseIfFinished(ticket);
    const assignee = await staffUser(trx, input.assigneeId, ASSIGNEE_ROLES, "body.assigneeId");
    if (assignee.id !== actor.id) {
      await notifyUser(
        trx,
        { userId: assignee.id, kind: "helpdesk.assigned", title: { id: `Tiket ${ticket.code} untuk Anda`, en: `Ticket ${ticket.code} assigned to you` }, body: { id: ticket.subject, en: ticket.subject }, link: `/app/helpdesk/tiket/${ticket.id}` },
        now,
        { publicUrl: deps.config.publicUrl },
      );
    }
    const status: TicketStatus = ticket.status === "new" ? "assigned" : ticket.status;
    return { changes: { assignee_id: assignee.id, status }, payload: { assigneeId: assignee.id, status } };
  });
}

/** Escalate to the second level (or a named officer) with a reason; the receiver is told in the inbox. */
export function escalateTicket(deps: Deps, actor: Actor, id: string, input: z.infer<typeof EscalateInputSchema>) {
  return changeTicket(deps, actor, id, "helpdesk.ticket_escalated", async (ticket, trx, now) => {
    refuseIfFinished(ticket);
    const to = await staffUser(trx, input.toUserId, ESCALATION_ROLES, "body.toUserId");
    await notifyUser(
      trx,
      { userId: to.id, kind: "helpdesk.escalated", title: { id: `Eskalasi tiket ${ticket.code}`, en: `Ticket ${ticket.code} escalated` }, body: { id: input.reason, en: input.reason }, link: `/app/helpdesk/tiket/${ticket.id}` },
      now,
      { publicUrl: deps.config.publicUrl },
    );
    return { changes: { escalated_to_id: to.id, escalation_reason: input.reason, escalated_at: now.toISOString() }, payload: { toUserId: to.id, reason: input.reason } };
  });
}

/** Move the ticket along; resolving needs the outcome, which the submitter receives. */
export function changeStatus(deps: Deps, actor: Actor, id: string, input: z.infer<typeof StatusInputSchema>) {
  return changeTicket(deps, actor, id, "helpdesk.ticket_status_changed", async (ticket, trx, now) => {
    if (!canMoveTo(ticket.status, input.status)) {
      throw new AppError("CONFLICT", { id: `Tiket berstatus ${ticket.status} tidak dapat diubah menjadi ${input.status}`, en: `A ${ticket.status} ticket cannot become ${input.status}` });
    }
    const at = now.toISOString();
    const changes: Partial<repo.TicketRow> = { status: input.status };
    if (input.status === "resolved") {
      if (!input.outcome) throw fieldError("body.outcome", { id: "wajib diisi saat tiket diselesaikan", en: "required when resolving a ticket" });
      Object.assign(changes, { outcome: input.outcome, resolved_at: at, first_response_at: ticket.first_response_at ?? at });
      await tellSubmitter(
        deps,
        trx,
        ticket,
        {
          title: { id: `Tiket ${ticket.code} selesai`, en: `Ticket ${ticket.code} resolved` },
          body: { id: `Tiket Anda "${ticket.subject}" sudah diselesaikan.\n\nHasil: ${input.outcome}`, en: `Your ticket "${ticket.subject}" has been resolved.\n\nOutcome: ${input.outcome}` },
        },
        now,
      );
    }
    if (input.status === "closed") changes.closed_at = at;
    // Reopening: the resolution clock runs again against the same due time.
    if (ticket.status === "resolved" && input.status === "in_progress") Object.assign(changes, { resolved_at: null, outcome: null });
    return { changes, payload: { from: ticket.status, to: input.status, ...(input.outcome ? { outcome: input.outcome } : {}) } };
  });
}

/** A public reply (the submitter is told, and the first one is the first response) or an internal note. */
export async function addStaffComment(deps: Deps, actor: Actor, id: string, input: z.infer<typeof CommentInputSchema>): Promise<void> {
  await changeTicket(deps, actor, id, "helpdesk.ticket_commented", async (ticket, trx, now) => {
    if (ticket.status === "closed") refuseIfFinished(ticket);
    const at = now.toISOString();
    await repo.insertComment(trx, { id: randomUUID(), ticket_id: ticket.id, author_id: actor.id, author_name: actor.name, from_staff: 1, visibility: input.visibility, body: input.body, created_at: at });
    if (input.visibility === "internal") return { changes: {}, payload: { visibility: "internal" } };
    await tellSubmitter(
      deps,
      trx,
      ticket,
      { title: { id: `Balasan untuk tiket ${ticket.code}`, en: `Reply on ticket ${ticket.code}` }, body: { id: `Helpdesk menjawab tiket "${ticket.subject}":\n\n${input.body}`, en: `The Helpdesk replied on "${ticket.subject}":\n\n${input.body}` } },
      now,
    );
    return { changes: { first_response_at: ticket.first_response_at ?? at }, payload: { visibility: "public", firstResponse: ticket.first_response_at === null } };
  });
}

/** The submitter's reply from the tracking page; a ticket waiting for the user goes back in progress. */
export async function addSubmitterReply(deps: Deps, code: string, email: string, body: string): Promise<repo.TicketRow> {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const ticket = await repo.unsafeFindTicketByCodeAndEmail(trx, code, email);
    if (!ticket) throw ticketNotFound();
    if (ticket.status === "closed") refuseIfFinished(ticket);
    const at = now.toISOString();
    await repo.insertComment(trx, { id: randomUUID(), ticket_id: ticket.id, author_id: ticket.submitter_user_id, author_name: ticket.submitter_name, from_staff: 0, visibility: "public", body, created_at: at });
    const status: TicketStatus = ticket.status === "waiting_for_user" ? "in_progress" : ticket.status;
    await repo.updateTicket(trx, ticket.id, { status, updated_at: at });
    await appendEvent(trx, { actorId: ticket.submitter_user_id, type: "helpdesk.submitter_replied", subject: { type: "helpdesk_ticket", id: ticket.id }, payload: { code, status } }, now);
    return { ...ticket, status };
  });
}
