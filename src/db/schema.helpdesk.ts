/** Tables of the helpdesk register (LPSE standard 5). Part of the `DB` type in schema.ts. */

export type TicketChannel = "web" | "email" | "phone" | "walk_in";
export type TicketType = "incident" | "problem" | "request";
export type TicketUserGroup = "committee" | "vendor" | "ppk" | "auditor" | "public" | "other";
export type TicketLevel = "low" | "medium" | "high";
export type TicketPriority = "P1" | "P2" | "P3" | "P4";
export type TicketStatus = "new" | "assigned" | "in_progress" | "waiting_for_user" | "resolved" | "closed";

/** One ticket. The due times are fixed from the SLA targets when it is filed or reclassified. */
export interface HelpdeskTicketsTable {
  id: string;
  /** The tracking code the submitter follows the ticket with (with its email). */
  code: string;
  channel: TicketChannel;
  submitter_name: string;
  submitter_email: string | null;
  submitter_phone: string | null;
  submitter_user_id: string | null;
  subject: string;
  description: string;
  type: TicketType;
  technical: number;
  user_group: TicketUserGroup;
  urgency: TicketLevel;
  impact: TicketLevel;
  priority: TicketPriority;
  status: TicketStatus;
  assignee_id: string | null;
  escalated_to_id: string | null;
  escalation_reason: string | null;
  escalated_at: string | null;
  outcome: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  response_due_at: string;
  resolution_due_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
}

/** A reply the submitter sees (public) or a note only staff see (internal). */
export interface HelpdeskCommentsTable {
  id: string;
  ticket_id: string;
  author_id: string | null;
  author_name: string;
  from_staff: number;
  visibility: "public" | "internal";
  body: string;
  created_at: string;
}

/** A knowledge-base (FAQ) article; only published ones are public. */
export interface HelpdeskArticlesTable {
  id: string;
  title: string;
  body: string;
  category: string;
  status: "draft" | "published";
  created_by: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}
