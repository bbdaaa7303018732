import type { Queryable } from "../../db/database.js";
import { getSettings } from "../settings/settings.service.js";
import { complianceOf } from "./helpdesk.compliance.js";
import { listTicketsFiledBetween, type TicketRow } from "./helpdesk.repository.js";
import { PRIORITIES, TICKET_CHANNELS, TICKET_STATUSES, TICKET_TYPES, USER_GROUPS } from "./helpdesk.schemas.js";

/** UTC offsets of the Indonesian zones (none has daylight saving time). */
const ZONE_OFFSET_HOURS = { WIB: 7, WITA: 8, WIT: 9 } as const;

function countBy(tickets: TicketRow[], keys: readonly string[], of: (t: TicketRow) => string): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const t of tickets) out[of(t)] = (out[of(t)] ?? 0) + 1;
  return out;
}

function meanMinutes(pairs: [string, string | null][]): number | null {
  const done = pairs.filter((p): p is [string, string] => p[1] !== null);
  if (done.length === 0) return null;
  const total = done.reduce((sum, [from, to]) => sum + (Date.parse(to) - Date.parse(from)), 0);
  return Math.round(total / done.length / 60_000);
}

/** The month's start and end in the LPSE's zone, as UTC instants. */
export function monthRange(month: string, zone: keyof typeof ZONE_OFFSET_HOURS): { from: Date; to: Date } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const offset = ZONE_OFFSET_HOURS[zone] * 3_600_000;
  return { from: new Date(Date.UTC(y, m - 1, 1) - offset), to: new Date(Date.UTC(y, m, 1) - offset) };
}

/** The monthly helpdesk report: tickets filed in the month (LPSE zone) by type, priority, user group and channel, SLA compliance and mean times. */
export async function monthlyReport(db: Queryable, month: string, now: Date) {
  const zone = (await getSettings(db)).timeZone;
  const { from, to } = monthRange(month, zone);
  const tickets = await listTicketsFiledBetween(db, from.toISOString(), to.toISOString());
  return {
    month,
    timeZone: zone,
    from: from.toISOString(),
    to: to.toISOString(),
    total: tickets.length,
    byType: countBy(tickets, TICKET_TYPES, (t) => t.type),
    byPriority: countBy(tickets, PRIORITIES, (t) => t.priority),
    byUserGroup: countBy(tickets, USER_GROUPS, (t) => t.user_group),
    byChannel: countBy(tickets, TICKET_CHANNELS, (t) => t.channel),
    byStatus: countBy(tickets, TICKET_STATUSES, (t) => t.status),
    technical: tickets.filter((t) => t.technical === 1).length,
    escalated: tickets.filter((t) => t.escalated_to_id !== null).length,
    compliance: complianceOf(tickets, now),
    meanFirstResponseMinutes: meanMinutes(tickets.map((t) => [t.created_at, t.first_response_at])),
    meanResolutionMinutes: meanMinutes(tickets.map((t) => [t.created_at, t.resolved_at])),
    generatedAt: now.toISOString(),
  };
}

