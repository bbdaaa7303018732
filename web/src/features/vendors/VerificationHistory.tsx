import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../lib/DateTime";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useVerificationHistory } from "./vendors.api";

/** Past decisions, newest first: a list rather than a table, so it reads well on a phone. */
export function VerificationHistory({ vendorId }: { vendorId: string }) {
  const { t } = useTranslation();
  const history = useVerificationHistory(vendorId);
  if (history.isPending) return <PageLoader />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <Text c="dimmed">{t("vendor.historyEmpty")}</Text>;
  return (
    <Stack component="ol" gap="xs" style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid="verification-history">
      {history.data.map((record) => (
        <Paper component="li" key={record.id} withBorder radius="sm" p="sm">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap="xs">
              <Badge color={record.decision === "approved" ? "teal" : "red"} variant="light">
                {t(`vendor.decisions.${record.decision}`)}
              </Badge>
              <Text size="sm">{t(`vendor.modes.${record.mode}`)}</Text>
            </Group>
            <Text size="xs" c="dimmed">
              <DateTime value={record.createdAt} />
            </Text>
          </Group>
          <Text size="sm" mt={6} style={{ whiteSpace: "pre-wrap" }}>
            {record.reason}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t("vendor.verifier")}: {record.verifierName}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
