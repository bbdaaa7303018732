import { Badge, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A date with its expiry state (ok, expiring within the alert window, expired); a dash without a date. */
export function ExpiryBadge({ date, expiry }: { date: string | null; expiry: { state: "none" | "ok" | "expiring" | "expired"; daysLeft: number | null } }) {
  const { t } = useTranslation();
  if (!date) return <>—</>;
  return (
    <Stack gap={0}>
      <Text size="sm">{date}</Text>
      {expiry.state !== "none" && (
        <Badge variant="light" color={expiry.state === "expired" ? "red" : expiry.state === "expiring" ? "orange" : "gray"}>
          {t(`compliance.expiryStates.${expiry.state}`, { days: Math.abs(expiry.daysLeft ?? 0) })}
        </Badge>
      )}
    </Stack>
  );
}
