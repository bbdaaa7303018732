import { randomInt } from "node:crypto";
import type { TicketLevel, TicketPriority, TicketStatus } from "../../db/schema.helpdesk.js";
import type { SlaSettings } from "./helpdesk.schemas.js";

const HOUR_MS = 3_600_000;
const LEVEL_SCORE: Record<TicketLevel, number> = { low: 1, medium: 2, high: 3 };

/**
 * The priority matrix (urgency × impact), as in ITIL's: the sum of the two scores (low 1, medium 2,
 * high 3) gives 6 → P1, 5 → P2, 4 → P3, 2–3 → P4.
 *
 * |            | impact low | impact medium | impact high |
 * | urgency high   | P3 | P2 | P1 |
 * | urgency medium | P4 | P3 | P2 |
 * | urgency low    | P4 | P4 | P3 |
 */
export function priorityOf(urgency: TicketLevel, impact: TicketLevel): TicketPriority {
  const score = LEVEL_SCORE[urgency] + LEVEL_SCORE[impact];
  if (score >= 6) return "P1";
  if (score === 5) return "P2";
  if (score === 4) return "P3";
  return "P4";
}

/** Due times for a ticket filed at `createdAt`, from the LPSE's targets (calendar hours). */
export function dueTimes(createdAt: string, priority: TicketPriority, sla: SlaSettings): { responseDueAt: string; resolutionDueAt: string } {
  const start = Date.parse(createdAt);
  const target = sla[priority];
  return {
    responseDueAt: new Date(start + target.firstResponseHours * HOUR_MS).toISOString(),
    resolutionDueAt: new Date(start + target.resolutionHours * HOUR_MS).toISOString(),
  };
}

export type TimerState = "running" | "overdue" | "met" | "breached";

/** One SLA timer as seen at `now`: running or overdue until done, then met or breached. */
export function timer(dueAt: string, doneAt: string | null, now: Date) {
  if (doneAt !== null) return { dueAt, doneAt, remainingSeconds: null, state: (doneAt <= dueAt ? "met" : "breached") as TimerState };
  const remainingSeconds = Math.floor((Date.parse(dueAt) - now.getTime()) / 1000);
  return { dueAt, doneAt, remainingSeconds, state: (remainingSeconds >= 0 ? "running" : "overdue") as TimerState };
}

/** Status changes staff may make by hand; assignment and filing set `assigned` and `new`. */
const ALLOWED: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ["in_progress", "waiting_for_user", "resolved"],
  assigned: ["in_progress", "waiting_for_user", "resolved"],
  in_progress: ["waiting_for_user", "resolved"],
  waiting_for_user: ["in_progress", "resolved"],
  // Reopening a resolved ticket puts it back in progress; closing ends it for good.
  resolved: ["in_progress", "closed"],
  closed: [],
};

export function canMoveTo(from: TicketStatus, to: TicketStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** Ticket states that still count as open work (the queue's default filter). */
export const OPEN_STATUSES: readonly TicketStatus[] = ["new", "assigned", "in_progress", "waiting_for_user"];

const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A random tracking code (31^8 ≈ 8.5e11 values): not guessable, and read aloud on the phone without ambiguity. */
export function newTicketCode(): string {
  let s = "HD-";
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}
