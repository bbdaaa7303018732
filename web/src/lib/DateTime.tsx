import { usePublicLpse } from "../features/public/public.api";
import { formatDateTime, formatShortDate } from "./format";
import { useLanguage } from "./useLanguage";

/** Formats ISO instants in the LPSE's zone with its label ("26 Nov 2026 14.15.03 WIB"; without seconds on request). */
export function useDateTimeFormat(): (iso: string, options?: { seconds?: boolean }) => string {
  const lpse = usePublicLpse();
  const language = useLanguage();
  return (iso, options) => (lpse.data ? formatDateTime(iso, lpse.data.ianaZone, lpse.data.timeZone, language, options) : iso);
}

/** An instant as a <time> element in the LPSE's zone; `seconds={false}` for schedules. */
export function DateTime({ value, seconds }: { value: string; seconds?: boolean }) {
  const format = useDateTimeFormat();
  return <time dateTime={value}>{format(value, seconds === undefined ? {} : { seconds })}</time>;
}

/** A calendar date (YYYY-MM-DD) as a <time> element, e.g. "2 Jan 2024". */
export function CalendarDate({ value }: { value: string }) {
  const language = useLanguage();
  return <time dateTime={value}>{formatShortDate(value, language)}</time>;
}
