import type { Language } from "../i18n";

/** Indonesian time zones: the code the LPSE chooses, and the IANA zone it stands for. */
export const TIME_ZONE_CODES = ["WIB", "WITA", "WIT"] as const;
export type TimeZoneCode = (typeof TIME_ZONE_CODES)[number];

export const IANA_ZONES: Record<TimeZoneCode, string> = {
  WIB: "Asia/Jakarta",
  WITA: "Asia/Makassar",
  WIT: "Asia/Jayapura",
};

/** The short label shown after a time, e.g. "14.15.03 WIB". */
export function zoneLabel(code: TimeZoneCode): string {
  return code;
}

function locale(language: Language): string {
  return language === "en" ? "en-GB" : "id-ID";
}

const rupiah = new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", minimumFractionDigits: 0, maximumFractionDigits: 0 });

/** Rupiah as Indonesians write it ("Rp 1.500.000"), whatever the UI language: amounts are legal figures. */
export function formatRupiah(amount: number): string {
  return rupiah.format(amount);
}

/**
 * "Kamis, 26 November 2026 14.15.03 WIB". Date and time are formatted separately because id-ID joins them
 * with "pukul", and the label is the LPSE's zone code rather than the browser's idea of the zone's name.
 */
export function formatClock(instant: Date, ianaZone: string, zone: TimeZoneCode, language: Language): string {
  const date = new Intl.DateTimeFormat(locale(language), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: ianaZone,
  }).format(instant);
  const time = new Intl.DateTimeFormat(locale(language), {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZone: ianaZone,
  }).format(instant);
  return `${date} ${time} ${zoneLabel(zone)}`;
}

/**
 * An ISO instant as a date and time in the LPSE's zone, e.g. "26 Nov 2026 14.15.03 WIB"; without seconds
 * for schedules ("26 Nov 2026 14.15 WIB"), whose stages begin and end on whole minutes.
 */
export function formatDateTime(iso: string, ianaZone: string, zone: TimeZoneCode, language: Language, options: { seconds?: boolean } = {}): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const text = new Intl.DateTimeFormat(locale(language), {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    ...(options.seconds !== false && { second: "2-digit" }),
    hourCycle: "h23",
    timeZone: ianaZone,
  }).format(instant);
  return `${text} ${zoneLabel(zone)}`;
}

/** A calendar date (YYYY-MM-DD) with its weekday. Formatted in UTC so no zone can shift it a day. */
export function formatCalendarDate(date: string, language: Language): string {
  const instant = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return date;
  return new Intl.DateTimeFormat(locale(language), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(instant);
}

/** Whole numbers with the language's grouping ("1.234" / "1,234"). */
export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** A calendar date (YYYY-MM-DD) in short form, e.g. "2 Jan 2024"; in UTC so no zone can shift it a day. */
export function formatShortDate(date: string, language: Language): string {
  const instant = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return date;
  return new Intl.DateTimeFormat(locale(language), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(instant);
}

const FILE_SIZE_UNITS = ["B", "KB", "MB", "GB"] as const;

/** A file size in binary units with the language's decimal mark, e.g. "1,5 MB" / "1.5 MB". */
export function formatFileSize(bytes: number, language: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < FILE_SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale(language), { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${FILE_SIZE_UNITS[unit]}`;
}
