import type { LpseSettings, TimeZoneCode } from "./settings.schemas.js";

/** Offsets from UTC. Indonesia keeps no daylight saving time, so the offset of each zone is fixed. */
export const ZONE_OFFSET_HOURS: Record<TimeZoneCode, number> = { WIB: 7, WITA: 8, WIT: 9 };

type CalendarSettings = Pick<LpseSettings, "timeZone" | "workingDays" | "workingHours">;

/** The instant as seen on a wall clock in the zone, expressed as a Date whose UTC fields are local. */
function wallClock(instant: Date, zone: TimeZoneCode): Date {
  return new Date(instant.getTime() + ZONE_OFFSET_HOURS[zone] * 3_600_000);
}

/** The local calendar date (YYYY-MM-DD) of an instant in the LPSE's zone. */
export function localDate(instant: Date, zone: TimeZoneCode): string {
  return wallClock(instant, zone).toISOString().slice(0, 10);
}

/** The instant a local calendar date (YYYY-MM-DD) begins in the zone: 00:00 WIT is 15:00 UTC the day before. */
export function startOfLocalDate(date: string, zone: TimeZoneCode): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - ZONE_OFFSET_HOURS[zone] * 3_600_000);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** A working day: one of the LPSE's working weekdays, and neither a national holiday nor cuti bersama. */
export function isWorkingDay(date: string, settings: CalendarSettings, holidays: ReadonlySet<string>): boolean {
  return settings.workingDays.includes(isoWeekday(date)) && !holidays.has(date);
}

/** Whether an instant falls on a working day within working hours, in the LPSE's zone. */
export function isWithinWorkingHours(instant: Date, settings: CalendarSettings, holidays: ReadonlySet<string>): boolean {
  const local = wallClock(instant, settings.timeZone).toISOString();
  const date = local.slice(0, 10);
  const time = local.slice(11, 16);
  return isWorkingDay(date, settings, holidays) && time >= settings.workingHours.start && time <= settings.workingHours.end;
}

function nextDate(date: string, step: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + step * 86_400_000).toISOString().slice(0, 10);
}

/** The date `count` working days after `date` (before it when negative); `date` itself is not counted. */
export function addWorkingDays(date: string, count: number, settings: CalendarSettings, holidays: ReadonlySet<string>): string {
  const step = count < 0 ? -1 : 1;
  let remaining = Math.abs(count);
  let current = date;
  while (remaining > 0) {
    current = nextDate(current, step);
    if (isWorkingDay(current, settings, holidays)) remaining -= 1;
  }
  return current;
}

/** Working days strictly after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, settings: CalendarSettings, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let d = nextDate(from, 1); d <= to; d = nextDate(d, 1)) if (isWorkingDay(d, settings, holidays)) count += 1;
  return count;
}
