import { Badge, Stack, Table } from "@mantine/core";
import { rupiah } from "../../lib/money";
import { useTranslation } from "react-i18next";

/** Passed, failed, or not evaluated yet: a stage's outcome as a badge. */
export function Verdict({ passed, testId }: { passed: boolean | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (passed === null || passed === undefined) {
    return (
      <Badge variant="outline" color="gray" data-testid={testId}>
        {t("award.verdict.pending")}
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={passed ? "teal" : "red"} data-testid={testId}>
      {passed ? t("award.verdict.passed") : t("award.verdict.failed")}
    </Badge>
  );
}

/** Amounts in a table: right-aligned, digits of equal width, never broken. */
export const AMOUNT_STYLE = { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;

/** The first cells of a bidder's row in the evaluation tables: the name (the winner marked), offer, corrected offer. */
export function BidderCells({ bidder, winner }: { bidder: { vendorName: string; offer: string | null; corrected: string | null }; winner: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th scope="row" fw={500}>
        <Stack gap={2} align="flex-start">
          <span>{bidder.vendorName}</span>
          {winner && (
            <Badge color="teal" variant="filled" size="sm">
              {t("award.evaluation.winner")}
            </Badge>
          )}
        </Stack>
      </Table.Th>
      <Table.Td ta="right" style={AMOUNT_STYLE}>
        {bidder.offer === null ? t("common.none") : rupiah(bidder.offer)}
      </Table.Td>
      <Table.Td ta="right" style={AMOUNT_STYLE}>
        {bidder.corrected === null ? t("common.none") : rupiah(bidder.corrected)}
      </Table.Td>
    </>
  );
}
