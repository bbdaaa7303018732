import type { Kysely } from "kysely";
import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { readSetting, writeSetting } from "../settings/settings.repository.js";
import { DEFAULT_SLA, type SlaSettings, SlaSettingsSchema } from "./helpdesk.schemas.js";

/** Stored under its own key, beside the LPSE settings, so the helpdesk owns its targets. */
const SLA_KEY = "helpdesk.sla";

/** The SLA targets per priority: stored values over the defaults. */
export async function getSlaSettings(db: Queryable): Promise<SlaSettings> {
  const stored = await readSetting(db, SLA_KEY);
  if (!stored) return DEFAULT_SLA;
  return SlaSettingsSchema.parse({ ...DEFAULT_SLA, ...(JSON.parse(stored) as Partial<SlaSettings>) });
}

/**
 * Replace the targets. Tickets already filed keep their due times (fixed when filed or reclassified),
 * so compliance for past months does not move when the targets change.
 */
export async function updateSlaSettings(db: Kysely<DB>, actor: Actor, sla: SlaSettings, now: Date): Promise<SlaSettings> {
  return db.transaction().execute(async (trx) => {
    const before = await getSlaSettings(trx);
    await writeSetting(trx, SLA_KEY, JSON.stringify(sla), now.toISOString());
    await appendEvent(trx, { actorId: actor.id, type: "helpdesk.sla_updated", subject: { type: "settings", id: SLA_KEY }, payload: { before, after: sla }, visibility: "public" }, now);
    return sla;
  });
}
