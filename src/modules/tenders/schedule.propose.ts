import { addWorkingDays, isWorkingDay, startOfLocalDate, ZONE_OFFSET_HOURS } from "../settings/calendar.js";
import type { LpseSettings } from "../settings/settings.schemas.js";
import { OBJECTION_STAGES } from "../settings/stage-keys.js";
import { PASCA_ONE_FILE, type StageKey, type StageWindow } from "./schedule.rules.js";

type CalendarSettings = Pick<LpseSettings, "timeZone" | "workingDays" | "workingHours" | "stageMinimums">;

/** The instant of a local date and HH:MM in the LPSE's zone. */
function instantAt(date: string, hhmm: string, settings: CalendarSettings): Date {
  return new Date(Date.parse(`${date}T${hhmm}:00Z`) - ZONE_OFFSET_HOURS[settings.timeZone] * 3_600_000);
}

function localParts(instant: Date, settings: CalendarSettings): { date: string; time: string } {
  const wall = new Date(instant.getTime() + ZONE_OFFSET_HOURS[settings.timeZone] * 3_600_000).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/** The first working-hours instant at or after `instant`. */
function nextWorkingMoment(instant: Date, settings: CalendarSettings, holidays: ReadonlySet<string>): Date {
  const { date, time } = localParts(instant, settings);
  if (isWorkingDay(date, settings, holidays) && time >= settings.workingHours.start && time < settings.workingHours.end) return instant;
  const day = isWorkingDay(date, settings, holidays) && time < settings.workingHours.start ? date : addWorkingDays(date, 1, settings, holidays);
  return instantAt(day, settings.workingHours.start, settings);
}

/** Where a proposal asked for a local date starts: that date's first moment in the LPSE's zone, never before `now`. */
export function proposalStart(date: string, now: Date, settings: Pick<LpseSettings, "timeZone">): Date {
  const requested = startOfLocalDate(date, settings.timeZone);
  return requested > now ? requested : now;
}

/**
 * The shortest schedule that meets the LPSE's stage minimums, starting at the first working moment at or
 * after `start`: each stage begins when the previous one ends (or at the next working moment), working-day
 * stages end at the close of their last working day, and the sanggah period is stretched to end on a working
 * day within working hours. The committee adjusts it from there; the demo and tests use it as it is.
 */
export function proposeSchedule(start: Date, settings: CalendarSettings, holidays: ReadonlySet<string>, flow: readonly StageKey[] = PASCA_ONE_FILE): StageWindow[] {
  const windows: StageWindow[] = [];
  let cursor = start;
  for (const stage of flow) {
    const minimum = settings.stageMinimums[stage] ?? { amount: 1, unit: "hours" as const };
    const startsAt = nextWorkingMoment(cursor, settings, holidays);
    let endsAt: Date;
    if (minimum.unit === "working_days") {
      const firstDay = localParts(startsAt, settings).date;
      const lastDay = minimum.amount <= 1 ? firstDay : addWorkingDays(firstDay, minimum.amount - 1, settings, holidays);
      endsAt = instantAt(lastDay, settings.workingHours.end, settings);
    } else if (minimum.unit === "hours") {
      endsAt = new Date(startsAt.getTime() + Math.max(1, minimum.amount) * 3_600_000);
    } else {
      endsAt = new Date(startsAt.getTime() + minimum.amount * 86_400_000);
    }
    if (OBJECTION_STAGES.includes(stage)) {
      // The objection period must close on a working day, within working hours.
      const moment = nextWorkingMoment(endsAt, settings, holidays);
      endsAt = moment.getTime() === endsAt.getTime() ? endsAt : new Date(moment.getTime() + 3_600_000);
    }
    windows.push({ stage, startsAt, endsAt });
    cursor = endsAt;
  }
  return windows;
}
