import { Box, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { HeatCell } from "./registers.api";
import { LEVEL_COLORS } from "./LevelBadge";

/** The 4 × 4 impact × likelihood matrix; each cell shows its count, coloured by the highest level in it. */
export function HeatMap({ cells }: { cells: HeatCell[] }) {
  const { t } = useTranslation();
  const cell = (impact: number, likelihood: number) => cells.find((c) => c.impact === impact && c.likelihood === likelihood);
  return (
    <Table withTableBorder withColumnBorders maw={520} aria-label={t("registers.heatMapTitle")}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("registers.impact")} \ {t("registers.likelihood")}</Table.Th>
          {[1, 2, 3, 4].map((l) => (
            <Table.Th scope="col" key={l} ta="center">{l}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[4, 3, 2, 1].map((impact) => (
          <Table.Tr key={impact}>
            <Table.Th scope="row" ta="center">{impact}</Table.Th>
            {[1, 2, 3, 4].map((likelihood) => {
              const c = cell(impact, likelihood);
              const count = c?.count ?? 0;
              return (
                <Table.Td key={likelihood} p={0} data-impact={impact} data-likelihood={likelihood} aria-label={t("registers.heatCell", { impact, likelihood, count })}>
                  <Box bg={c?.highest ? `${LEVEL_COLORS[c.highest]}.2` : undefined} p="sm" ta="center">
                    <Text fw={count > 0 ? 700 : 400} c={count > 0 ? undefined : "dimmed"}>{count}</Text>
                  </Box>
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
