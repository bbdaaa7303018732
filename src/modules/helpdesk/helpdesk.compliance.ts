import type { Queryable } from "../../db/database.js";
import { listTicketsFiledBetween, type TicketRow } from "./helpdesk.repository.js";

export interface TargetCompliance {
  /** Done by the due time. */
  met: number;
  /** Done late, or not done and already past the due time. */
  breached: number;
  /** Not done and not yet due: neither met nor breached yet. */
  pending: number;
  /** met / (met + breached), or null when nothing is decided yet. */
  share: number | null;
}

export interface SlaCompliance {
  tickets: number;
  firstResponse: TargetCompliance;
  resolution: TargetCompliance;
}

function judge(tickets: TicketRow[], due: (t: TicketRow) => string, done: (t: TicketRow) => string | null, now: string): TargetCompliance {
  let met = 0;
  let breached = 0;
  let pending = 0;
  for (const t of tickets) {
    const d = done(t);
    if (d !== null) {
      if (d <= due(t)) met++;
      else breached++;
    } else if (now > due(t)) breached++;
    else pending++;
  }
  return { met, breached, pending, share: met + breached === 0 ? null : met / (met + breached) };
}

/** Both targets judged over a set of tickets, as of `now`. */
export function complianceOf(tickets: TicketRow[], now: Date): SlaCompliance {
  const at = now.toISOString();
  return {
    tickets: tickets.length,
    firstResponse: judge(tickets, (t) => t.response_due_at, (t) => t.first_response_at, at),
    resolution: judge(tickets, (t) => t.resolution_due_at, (t) => t.resolved_at, at),
  };
}

/**
 * SLA compliance of the tickets filed in [from, to): how many met their first-response and resolution
 * targets, and the share. Live evidence for LPSE standard 5 (the standards module reads it, e.g. over the
 * last 90 days). `now` (default: the current time) decides whether an unfinished ticket is already late.
 */
export async function helpdeskSlaCompliance(db: Queryable, range: { from: Date; to: Date; now?: Date }): Promise<SlaCompliance> {
  const tickets = await listTicketsFiledBetween(db, range.from.toISOString(), range.to.toISOString());
  return complianceOf(tickets, range.now ?? new Date());
}
