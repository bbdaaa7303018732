import { Badge, Code, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useDateTimeFormat } from "../../lib/DateTime";
import { rupiah } from "../../lib/money";
import { Section } from "../tenders/Section";
import { useOpeningRecord } from "./opening.api";

/** Hex digits of each envelope's SHA-256 shown in the table. */
const SHA_PREFIX = 16;

/**
 * The public opening record, for everyone once the bids are opened: each bidder, whether its envelope
 * opened, the price read out, why an invalid one failed, and the envelope's hash (as on its receipt).
 */
export function OpeningResultSection({ code, enabled }: { code: string; enabled: boolean }) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const record = useOpeningRecord(code, enabled);
  if (!record.data) return null;
  const { openedAt, bids } = record.data;

  return (
    <Section id="opening-result-title" title={t("opening.result.title")} testId="opening-result">
      <Text size="sm" c="dimmed">
        {t("opening.result.openedAt", { date: format(openedAt) })}
      </Text>
      {bids.length === 0 ? (
        <Text c="dimmed">{t("opening.result.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" horizontalSpacing="xs" aria-labelledby="opening-result-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("opening.result.vendor")}</Table.Th>
                <Table.Th scope="col">{t("opening.result.status")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("opening.result.price")}
                </Table.Th>
                <Table.Th scope="col">{t("opening.result.note")}</Table.Th>
                <Table.Th scope="col">{t("opening.result.sha256")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bids.map((bid) => (
                <Table.Tr key={bid.sha256}>
                  <Table.Th scope="row" fw={500}>
                    {bid.vendorName}
                  </Table.Th>
                  <Table.Td>
                    <Badge variant="light" color={bid.status === "valid" ? "teal" : "red"}>
                      {bid.status === "valid" ? t("opening.result.valid") : t("opening.result.invalid")}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
                    {bid.price === null ? t("common.none") : rupiah(bid.price)}
                  </Table.Td>
                  <Table.Td fz="sm">{bid.error ?? t("common.none")}</Table.Td>
                  <Table.Td>
                    {/* The start is enough to find one's receipt by eye; the full hash is in the public record and the log. */}
                    <Code fz="xs" title={bid.sha256}>
                      {bid.sha256.slice(0, SHA_PREFIX)}…
                    </Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
