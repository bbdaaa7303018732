import { appendEvent } from "../../log/event-log.js";
import type { AppDeps } from "../../server/app.js";
import { notifyUser } from "../notifications/notifications.service.js";
import * as repo from "./helpdesk.repository.js";
import { OPEN_STATUSES } from "./helpdesk.rules.js";

/**
 * Escalate every open ticket whose resolution due time has passed and that nobody escalated yet, to the
 * second level (the LPSE administrator), who is told in the inbox. Run with the tree-head timer; returns
 * how many it escalated. A ticket escalated by hand is left alone.
 */
export async function escalateOverdueTickets(deps: Pick<AppDeps, "database" | "clock" | "config">): Promise<number> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const db = deps.database.db;
  const overdue = await repo.listOverdueUnescalated(db, at, OPEN_STATUSES);
  if (overdue.length === 0) return 0;
  const secondLevel = await repo.findSecondLevel(db);
  if (!secondLevel) return 0;
  let escalated = 0;
  for (const candidate of overdue) {
    await db.transaction().execute(async (trx) => {
      const ticket = await repo.lockTicket(trx, candidate.id, deps.database.dialect);
      // Re-checked under the lock: staff may have resolved or escalated it meanwhile.
      if (!ticket || ticket.escalated_to_id !== null || !OPEN_STATUSES.includes(ticket.status)) return;
      const reason = `Otomatis: batas waktu penyelesaian SLA terlewati / Automatic: the resolution SLA was breached (${ticket.resolution_due_at})`;
      await repo.updateTicket(trx, ticket.id, { escalated_to_id: secondLevel.id, escalation_reason: reason, escalated_at: at, updated_at: at });
      await notifyUser(
        trx,
        {
          userId: secondLevel.id,
          kind: "helpdesk.escalated",
          title: { id: `Eskalasi otomatis tiket ${ticket.code}`, en: `Ticket ${ticket.code} escalated automatically` },
          body: { id: `Batas waktu penyelesaian tiket "${ticket.subject}" (${ticket.priority}) terlewati.`, en: `The resolution due time of "${ticket.subject}" (${ticket.priority}) has passed.` },
          link: `/app/helpdesk/tiket/${ticket.id}`,
        },
        now,
        { publicUrl: deps.config.publicUrl },
      );
      await appendEvent(trx, { actorId: null, type: "helpdesk.ticket_escalated", subject: { type: "helpdesk_ticket", id: ticket.id }, payload: { code: ticket.code, toUserId: secondLevel.id, automatic: true } }, now);
      escalated++;
    });
  }
  return escalated;
}
