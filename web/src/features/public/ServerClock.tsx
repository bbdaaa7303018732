import { Text } from "@mantine/core";
import { formatClock } from "../../lib/format";
import { useLanguage } from "../../lib/useLanguage";
import { useServerNow } from "../../lib/useServerNow";
import type { PublicLpse } from "./public.api";

/** Live server time in the LPSE's zone, e.g. "Kamis, 26 November 2026 14.15.03 WIB". */
export function ServerClock({ lpse }: { lpse: PublicLpse }) {
  const now = useServerNow(lpse.clockOffsetMs);
  const language = useLanguage();
  return (
    <Text component="time" dateTime={now.toISOString()} fz={{ base: "lg", sm: "xl" }} fw={600} ff="monospace" data-testid="server-clock">
      {formatClock(now, lpse.ianaZone, lpse.timeZone, language)}
    </Text>
  );
}
