import { Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useDateTimeFormat } from "../../lib/DateTime";
import { useLanguage } from "../../lib/useLanguage";
import { Section } from "../tenders/Section";
import { formatScore, hasCombinedScore, hasTechnicalScore, type Results } from "./evaluation.api";
import { AMOUNT_STYLE, BidderCells, Verdict } from "./Verdict";

const STAGE_COLUMNS = ["administrasi", "teknis", "kualifikasi", "harga"] as const;

/**
 * The public evaluation results, for everyone once the winner is named: per bidder the offer, the
 * corrected offer, each stage passed or failed with the published reasons, the scores under the scored
 * methods, the rank, the winner marked.
 */
export function ResultsSection({ results }: { results: Results }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const scored = hasTechnicalScore(results.evaluationMethod);
  const combined = hasCombinedScore(results.evaluationMethod);
  const score = (value: string | null) => formatScore(value, language, t("common.none"));
  const format = useDateTimeFormat();
  return (
    <Section id="evaluation-results-title" title={t("award.results.title")} testId="evaluation-results">
      <Stack gap={2}>
        <Text fw={600} data-testid="evaluation-winner">
          {t("award.results.winner", { vendor: results.winner })}
        </Text>
        <Text size="sm" c="dimmed">
          {t("award.results.determinedAt", { date: format(results.determinedAt) })}
        </Text>
      </Stack>
      <Table.ScrollContainer minWidth={960}>
        <Table striped verticalSpacing="xs" horizontalSpacing="xs" aria-labelledby="evaluation-results-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("award.results.vendor")}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t("award.results.offer")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("award.results.corrected")}
              </Table.Th>
              {STAGE_COLUMNS.map((stage) => (
                <Table.Th scope="col" key={stage}>
                  {t(`award.stages.${stage}`)}
                </Table.Th>
              ))}
              {scored && (
                <Table.Th scope="col" ta="right">
                  {t("award.results.technicalScore")}
                </Table.Th>
              )}
              {combined && (
                <Table.Th scope="col" ta="right">
                  {t("award.results.combinedScore")}
                </Table.Th>
              )}
              <Table.Th scope="col">{t("award.results.reasons")}</Table.Th>
              <Table.Th scope="col" ta="center">
                {t("award.results.rank")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.bidders.map((bidder) => (
              <Table.Tr key={bidder.vendorName} data-winner={bidder.winner || undefined}>
                <BidderCells bidder={bidder} winner={bidder.winner} />
                {STAGE_COLUMNS.map((stage) => (
                  <Table.Td key={stage}>
                    <Verdict passed={bidder[stage]} />
                  </Table.Td>
                ))}
                {scored && (
                  <Table.Td ta="right" style={AMOUNT_STYLE}>
                    {score(bidder.technicalScore)}
                  </Table.Td>
                )}
                {combined && (
                  <Table.Td ta="right" style={AMOUNT_STYLE} fw={600}>
                    {score(bidder.combinedScore)}
                  </Table.Td>
                )}
                <Table.Td fz="sm" miw="14rem" style={{ whiteSpace: "pre-wrap" }}>
                  {bidder.reasons.length === 0 ? t("common.none") : bidder.reasons.join("\n")}
                </Table.Td>
                <Table.Td ta="center" fw={700}>
                  {bidder.rank ?? t("common.none")}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
