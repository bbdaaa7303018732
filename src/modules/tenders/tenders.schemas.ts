import { z } from "zod";
import { bilingual } from "../../server/validation.js";
import { StageKeySchema } from "../settings/settings.schemas.js";

/** ISO-8601 with a zone (Z or +07:00): a time without a zone would be ambiguous across WIB/WITA/WIT. */
const instant = z.iso.datetime({ offset: true, message: bilingual("waktu ISO-8601 dengan zona, mis. 2026-12-01T08:00:00+07:00", "an ISO-8601 time with a zone, e.g. 2026-12-01T08:00:00+07:00") });

export const SCHEDULE_CHANGE_REASONS = ["force_majeure", "technical_failure", "document_change"] as const;

export const ScheduleInputSchema = z.strictObject({
  stages: z.array(z.strictObject({ stage: StageKeySchema, startsAt: instant, endsAt: instant })).min(1).max(30),
  /** Required once the tender is published (Perpres 16/2018: only for these reasons, with minutes kept). */
  reason: z.strictObject({ kind: z.enum(SCHEDULE_CHANGE_REASONS), text: z.string().trim().min(10).max(2000) }).optional(),
});
export type ScheduleInput = z.infer<typeof ScheduleInputSchema>;

export const ScheduleSchema = z
  .object({
    stages: z.array(z.object({ stage: StageKeySchema, startsAt: z.string(), endsAt: z.string() })),
    current: z.object({ stage: z.string(), open: z.boolean(), next: z.string().nullable(), opensAt: z.string().nullable() }),
    serverTime: z.string(),
    timeZone: z.enum(["WIB", "WITA", "WIT"]),
    changes: z.array(z.object({ changedAt: z.string(), reasonKind: z.string(), reasonText: z.string() })),
  })
  .meta({ id: "TenderSchedule" });
