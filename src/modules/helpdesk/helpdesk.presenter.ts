import type { ArticleRow, CommentRow, TicketRow, TicketWithNames } from "./helpdesk.repository.js";
import { timer } from "./helpdesk.rules.js";

/** A queue row with its two SLA timers as of the server's `now`. */
export function presentTicketSummary(t: TicketWithNames, now: Date) {
  return {
    id: t.id,
    code: t.code,
    channel: t.channel,
    submitterName: t.submitter_name,
    subject: t.subject,
    type: t.type,
    technical: t.technical === 1,
    userGroup: t.user_group,
    urgency: t.urgency,
    impact: t.impact,
    priority: t.priority,
    status: t.status,
    assignee: t.assignee_id && t.assignee_name ? { id: t.assignee_id, name: t.assignee_name } : null,
    escalatedTo: t.escalated_to_id && t.escalated_to_name ? { id: t.escalated_to_id, name: t.escalated_to_name } : null,
    createdAt: t.created_at,
    sla: { firstResponse: timer(t.response_due_at, t.first_response_at, now), resolution: timer(t.resolution_due_at, t.resolved_at, now) },
  };
}

/**
 * The full ticket for staff readers (with internal notes) or for its own submitter: replies only, and as on
 * the tracking page no officer's name (staff replies are signed "Helpdesk"), no assignee, no escalation.
 */
export function presentTicket(t: TicketWithNames, comments: CommentRow[], now: Date, can: { manage: boolean }, reader: { staff: boolean } = { staff: true }) {
  const summary = presentTicketSummary(t, now);
  const staff = reader.staff;
  return {
    ...summary,
    assignee: staff ? summary.assignee : null,
    escalatedTo: staff ? summary.escalatedTo : null,
    submitterEmail: t.submitter_email,
    submitterPhone: t.submitter_phone,
    description: t.description,
    escalationReason: staff ? t.escalation_reason : null,
    escalatedAt: staff ? t.escalated_at : null,
    outcome: t.outcome,
    firstResponseAt: t.first_response_at,
    resolvedAt: t.resolved_at,
    closedAt: t.closed_at,
    comments: comments.map((c) => ({ id: c.id, authorName: !staff && c.from_staff === 1 ? "Helpdesk" : c.author_name, fromStaff: c.from_staff === 1, visibility: c.visibility, body: c.body, createdAt: c.created_at })),
    can,
    serverNow: now.toISOString(),
  };
}

/** What the submitter sees: staff replies are signed "Helpdesk", never with an officer's name. */
export function presentTrackedTicket(t: TicketRow, publicComments: CommentRow[]) {
  return {
    code: t.code,
    subject: t.subject,
    description: t.description,
    status: t.status,
    createdAt: t.created_at,
    resolvedAt: t.resolved_at,
    outcome: t.outcome,
    replies: publicComments.map((c) => ({ fromStaff: c.from_staff === 1, authorName: c.from_staff === 1 ? "Helpdesk" : c.author_name, body: c.body, createdAt: c.created_at })),
  };
}

export function presentArticle(a: ArticleRow) {
  return { id: a.id, title: a.title, body: a.body, category: a.category, status: a.status, updatedAt: a.updated_at, publishedAt: a.published_at };
}
