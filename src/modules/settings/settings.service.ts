import type { Kysely } from "kysely";
import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import * as repo from "./settings.repository.js";
import { DEFAULT_BACKUP_SCHEDULE, DEFAULT_OPERATIONS_SETTINGS, DEFAULT_PROCUREMENT_RULES, DEFAULT_RATE_LIMITS, DEFAULT_REGISTER_SETTINGS, DEFAULT_SETTINGS, DEFAULT_UPLOAD_LIMITS, type Holiday, type LpseSettings, LpseSettingsSchema } from "./settings.schemas.js";

const SETTINGS_KEY = "lpse";

/** The LPSE's settings; stored values are laid over the defaults so new settings get their default. */
export async function getSettings(db: Queryable): Promise<LpseSettings> {
  const stored = await repo.readSetting(db, SETTINGS_KEY);
  if (!stored) return DEFAULT_SETTINGS;
  const merged = { ...DEFAULT_SETTINGS, ...(JSON.parse(stored) as Partial<LpseSettings>) };
  merged.stageMinimums = { ...DEFAULT_SETTINGS.stageMinimums, ...merged.stageMinimums };
  merged.security = { ...DEFAULT_SETTINGS.security, ...merged.security };
  merged.security.rateLimits = { ...DEFAULT_RATE_LIMITS, ...merged.security.rateLimits };
  merged.procurementRules = { ...DEFAULT_PROCUREMENT_RULES, ...merged.procurementRules };
  merged.uploadLimits = { ...DEFAULT_UPLOAD_LIMITS, ...merged.uploadLimits };
  merged.backups = { ...DEFAULT_BACKUP_SCHEDULE, ...merged.backups };
  merged.registers = { ...DEFAULT_REGISTER_SETTINGS, ...merged.registers };
  merged.operations = { ...DEFAULT_OPERATIONS_SETTINGS, ...merged.operations };
  return LpseSettingsSchema.parse(merged);
}

/** Replace the settings and record the change, in one transaction. */
export async function updateSettings(db: Kysely<DB>, actor: Actor | null, settings: LpseSettings, now: Date): Promise<LpseSettings> {
  return db.transaction().execute(async (trx) => {
    const before = await getSettings(trx);
    // A client that does not know the procurement rules leaves them as they are.
    settings = {
      ...settings,
      security: {
        ...settings.security,
        tenderKeyEscrow: settings.security.tenderKeyEscrow ?? before.security.tenderKeyEscrow,
        rateLimits: settings.security.rateLimits ?? before.security.rateLimits,
      },
      procurementRules: settings.procurementRules ?? before.procurementRules,
      uploadLimits: settings.uploadLimits ?? before.uploadLimits,
      backups: settings.backups ?? before.backups,
      registers: settings.registers ?? before.registers,
      operations: settings.operations ?? before.operations,
    };
    await repo.writeSetting(trx, SETTINGS_KEY, JSON.stringify(settings), now.toISOString());
    await appendEvent(
      trx,
      { actorId: actor?.id ?? null, type: "settings.updated", subject: { type: "settings", id: SETTINGS_KEY }, payload: { before, after: settings }, visibility: "public" },
      now,
    );
    return settings;
  });
}

export async function addHoliday(db: Kysely<DB>, actor: Actor | null, holiday: Holiday, now: Date): Promise<Holiday> {
  return db.transaction().execute(async (trx) => {
    if (await repo.findHoliday(trx, holiday.date)) {
      throw new AppError("CONFLICT", { id: `Tanggal ${holiday.date} sudah ada di kalender`, en: `${holiday.date} is already in the calendar` }, [
        { field: "body.date", message: { id: "sudah ada", en: "already exists" } },
      ]);
    }
    await repo.insertHoliday(trx, holiday, now.toISOString());
    await appendEvent(trx, { actorId: actor?.id ?? null, type: "holiday.added", subject: { type: "holiday", id: holiday.date }, payload: holiday, visibility: "public" }, now);
    return holiday;
  });
}

export async function removeHoliday(db: Kysely<DB>, actor: Actor, date: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const existing = await repo.findHoliday(trx, date);
    if (!existing) throw new AppError("NOT_FOUND", { id: `Tanggal ${date} tidak ada di kalender`, en: `${date} is not in the calendar` });
    await repo.deleteHoliday(trx, date);
    await appendEvent(trx, { actorId: actor.id, type: "holiday.removed", subject: { type: "holiday", id: date }, payload: existing, visibility: "public" }, now);
  });
}
