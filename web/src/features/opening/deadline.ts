import { useEffect, useState } from "react";
import type { Tender } from "../tenders/tenders.api";
import { usePublicLpse } from "../public/public.api";

/** setTimeout's longest delay (about 24.8 days); longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The bid deadline: the end of Upload Dokumen Penawaran, the stage the server's bid rules follow. */
export function bidDeadline(tender: Tender): string | null {
  return tender.schedule.find((w) => w.stage === "upload_penawaran")?.endsAt ?? null;
}

/**
 * Whether an instant has passed on the server's clock, turning true at that moment without a reload.
 * The server decides again at each request; this only chooses what to offer.
 */
export function useServerTimePassed(instant: string | null): boolean {
  const offsetMs = usePublicLpse().data?.clockOffsetMs ?? 0;
  const target = instant === null ? Number.NaN : Date.parse(instant);
  const remaining = () => target - (Date.now() + offsetMs);
  const [passed, setPassed] = useState(() => remaining() <= 0);
  useEffect(() => {
    if (Number.isNaN(target)) {
      setPassed(false);
      return;
    }
    let timer: number | undefined;
    const check = () => {
      const left = target - (Date.now() + offsetMs);
      setPassed(left <= 0);
      if (left > 0) timer = window.setTimeout(check, Math.min(left, MAX_TIMER_MS));
    };
    check();
    return () => window.clearTimeout(timer);
  }, [target, offsetMs]);
  return passed;
}
