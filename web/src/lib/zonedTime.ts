import type { TimeZoneCode } from "./format";

/**
 * Wall-clock times in the LPSE's zone for `<input type="datetime-local">` and `type="date"`. Indonesia
 * keeps no daylight saving, so each zone is a fixed offset and the conversion needs no time-zone database;
 * the browser's own zone never enters into it.
 */
export const ZONE_OFFSET_HOURS: Record<TimeZoneCode, number> = { WIB: 7, WITA: 8, WIT: 9 };
const MINUTE = 60_000;

function offsetText(zone: TimeZoneCode): string {
  return `+${String(ZONE_OFFSET_HOURS[zone]).padStart(2, "0")}:00`;
}

/**
 * An ISO instant as "YYYY-MM-DDTHH:MM" on the LPSE's wall clock. Seconds are rounded up to the next whole
 * minute: an input shows minutes, and rounding up never moves a start into the past or two stages into
 * overlap (the order of instants is kept).
 */
export function toZonedInput(iso: string, zone: TimeZoneCode): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  const rounded = Math.ceil(ms / MINUTE) * MINUTE;
  return new Date(rounded + ZONE_OFFSET_HOURS[zone] * 3_600_000).toISOString().slice(0, 16);
}

/** "YYYY-MM-DDTHH:MM" on the LPSE's wall clock as an ISO time with the zone's offset, or null if incomplete. */
export function fromZonedInput(value: string, zone: TimeZoneCode): string | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(value);
  if (!match) return null;
  const iso = `${match[1]}${match[2] ?? ":00"}${offsetText(zone)}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** The LPSE's calendar date (YYYY-MM-DD) of an instant, `days` later. */
export function zonedDate(instant: Date, zone: TimeZoneCode, days = 0): string {
  return new Date(instant.getTime() + ZONE_OFFSET_HOURS[zone] * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The LPSE's current year, e.g. for a fiscal-year default. */
export function zonedYear(instant: Date, zone: TimeZoneCode): number {
  return Number(zonedDate(instant, zone).slice(0, 4));
}
