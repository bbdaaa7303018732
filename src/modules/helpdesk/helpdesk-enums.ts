/** The helpdesk's vocabulary, dependency-free so the web pages use the server's own lists. */

export const TICKET_CHANNELS = ["web", "email", "phone", "walk_in"] as const;
export const TICKET_TYPES = ["incident", "problem", "request"] as const;
export const USER_GROUPS = ["committee", "vendor", "ppk", "auditor", "public", "other"] as const;
export const LEVELS = ["low", "medium", "high"] as const;
export const PRIORITIES = ["P1", "P2", "P3", "P4"] as const;
export const TICKET_STATUSES = ["new", "assigned", "in_progress", "waiting_for_user", "resolved", "closed"] as const;

export type TicketChannel = (typeof TICKET_CHANNELS)[number];
export type TicketType = (typeof TICKET_TYPES)[number];
export type UserGroup = (typeof USER_GROUPS)[number];
export type Level = (typeof LEVELS)[number];
export type Priority = (typeof PRIORITIES)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];
