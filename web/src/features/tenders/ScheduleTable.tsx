import { Badge, Table, Text, useMatches } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../lib/DateTime";
import { useProcurementLabels } from "../packages/labels";
import { usePublicLpse } from "../public/public.api";

interface Props {
  stages: readonly { stage: string; startsAt: string; endsAt: string }[];
  /** The stage the server says the tender is in now; its row is highlighted. */
  current: string;
  labelledBy?: string;
}

/**
 * Stages with their start and end in the LPSE's zone; the current one marked by colour, and by text while it runs. On a
 * phone start and end share one column, one above the other, so nothing needs sideways scrolling.
 */
export function ScheduleTable({ stages, current, labelledBy }: Props) {
  const { t } = useTranslation();
  const labels = useProcurementLabels();
  const compact = useMatches({ base: true, sm: false });
  const lpse = usePublicLpse();
  const nowMs = Date.now() + (lpse.data?.clockOffsetMs ?? 0);
  return (
    <Table verticalSpacing="xs" horizontalSpacing="xs" aria-labelledby={labelledBy} data-testid="schedule-table" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={compact ? "42%" : "40%"}>
            {t("tender.stage")}
          </Table.Th>
          {compact ? (
            <Table.Th scope="col">
              {t("tender.starts")} – {t("tender.ends")}
            </Table.Th>
          ) : (
            <>
              <Table.Th scope="col">{t("tender.starts")}</Table.Th>
              <Table.Th scope="col">{t("tender.ends")}</Table.Th>
            </>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {stages.map((w) => {
          // The server's current stage is highlighted; "in progress" only while its window is open (not overnight between two stages).
          const active = w.stage === current;
          const running = Date.parse(w.startsAt) <= nowMs && nowMs < Date.parse(w.endsAt);
          return (
            <Table.Tr key={w.stage} bg={active ? "var(--mantine-color-blue-light)" : undefined} aria-current={active ? "step" : undefined} data-current={active || undefined}>
              <Table.Th scope="row" fw={active ? 700 : 500} fz="sm">
                {labels.stage(w.stage)}
                {active && running && (
                  <Badge display="block" w="fit-content" mt={2} size="xs" color="blue" variant="filled">
                    {t("tender.now")}
                  </Badge>
                )}
              </Table.Th>
              {compact ? (
                <Table.Td fz="xs">
                  <DateTime value={w.startsAt} seconds={false} />
                  <Text span display="block" fz="xs">
                    – <DateTime value={w.endsAt} seconds={false} />
                  </Text>
                </Table.Td>
              ) : (
                <>
                  <Table.Td fz="sm">
                    <DateTime value={w.startsAt} seconds={false} />
                  </Table.Td>
                  <Table.Td fz="sm">
                    <DateTime value={w.endsAt} seconds={false} />
                  </Table.Td>
                </>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
