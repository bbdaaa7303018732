import { Badge, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../lib/DateTime";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { type RestoreDrill, useDrills } from "./drills.api";

const NO_WRAP = { whiteSpace: "nowrap" } as const;

/** Restore drills for the Admin PPE, the Kepala LPSE and auditors: continuity evidence, read-only. */
export function DrillsPage() {
  const { t } = useTranslation();
  const drills = useDrills();
  return (
    <Stack>
      <div>
        <Title order={1}>{t("drills.title")}</Title>
        <Text c="dimmed">{t("drills.intro")}</Text>
      </div>
      {drills.isPending && <PageLoader />}
      {drills.isError && <QueryError error={drills.error} onRetry={() => void drills.refetch()} />}
      {drills.data && drills.data.length === 0 && <Text c="dimmed">{t("drills.empty")}</Text>}
      {drills.data && drills.data.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("drills.startedAt")}</Table.Th>
                <Table.Th scope="col">{t("drills.result")}</Table.Th>
                <Table.Th scope="col">{t("drills.backup")}</Table.Th>
                <Table.Th scope="col" ta="right">{t("drills.backupAge")}</Table.Th>
                <Table.Th scope="col" ta="right">{t("drills.restore")}</Table.Th>
                <Table.Th scope="col" ta="right">{t("drills.verify")}</Table.Th>
                <Table.Th scope="col" ta="right">{t("drills.logSize")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {drills.data.map((drill) => (
                <DrillRow key={drill.id} drill={drill} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function DrillRow({ drill }: { drill: RestoreDrill }) {
  const { t } = useTranslation();
  const age = drill.backupAgeSeconds === null ? t("drills.unknown") : t("drills.hours", { value: (drill.backupAgeSeconds / 3600).toFixed(1) });
  return (
    <Table.Tr>
      <Table.Td style={NO_WRAP}>
        <DateTime value={drill.startedAt} />
        <Text size="xs" c="dimmed">
          {t("drills.logIndex", { index: drill.logIndex })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={drill.ok ? "teal" : "red"} variant="light">
          {drill.ok ? t("drills.ok") : t("drills.failed")}
        </Badge>
        {!drill.ok && (
          <Text size="xs" ff="monospace" style={{ wordBreak: "break-word" }} lineClamp={4} title={drill.detail}>
            {drill.detail}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace" style={{ wordBreak: "break-all" }}>
          {drill.backupName}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={NO_WRAP}>{age}</Table.Td>
      <Table.Td ta="right" style={NO_WRAP}>{t("drills.seconds", { value: drill.restoreSeconds.toFixed(1) })}</Table.Td>
      <Table.Td ta="right" style={NO_WRAP}>{t("drills.seconds", { value: drill.verifySeconds.toFixed(1) })}</Table.Td>
      <Table.Td ta="right">{drill.logSize ?? t("drills.unknown")}</Table.Td>
    </Table.Tr>
  );
}
