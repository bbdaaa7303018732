import { Badge, DataList, Table, Text, useMatches } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../lib/DateTime";
import { formatQuantity, formatSen, lineTotalSen, rupiah } from "../../lib/money";
import { useLanguage } from "../../lib/useLanguage";
import type { Direct, DirectStatus } from "./direct.api";

const STATUS_COLOURS: Record<DirectStatus, string> = { invited: "blue", quoted: "cyan", negotiated: "indigo", awarded: "teal", failed: "red" };

export function DirectStatusBadge({ status }: { status: DirectStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" data-testid="direct-status">
      {t(`direct.status.${status}`)}
    </Badge>
  );
}

/** What has happened so far: the vendor, the due time, the quotation, the negotiation and the result. */
export function DirectFacts({ direct }: { direct: Direct }) {
  const { t } = useTranslation();
  const orientation = useMatches<"vertical" | "horizontal">({ base: "vertical", sm: "horizontal" });
  const facts: [string, ReactNode][] = [
    [t("direct.statusLabel"), <DirectStatusBadge status={direct.status} />],
    [t("direct.vendor"), direct.vendorName],
    [t("direct.hps"), rupiah(direct.hps)],
    [t("direct.invitedAt"), <DateTime value={direct.invitedAt} />],
    [t("direct.quotationDue"), <DateTime value={direct.quotationDue} seconds={false} />],
  ];
  if (direct.quotation !== null && direct.quotedAt !== null) {
    facts.push([t("direct.quotation"), <Text span fz="inherit" fw={700} data-testid="direct-quotation">{rupiah(direct.quotation)}</Text>]);
    facts.push([t("direct.quotedAt"), <DateTime value={direct.quotedAt} />]);
  }
  if (direct.negotiated !== null && direct.negotiatedAt !== null) {
    facts.push([t("direct.negotiated"), <Text span fz="inherit" fw={700} data-testid="direct-negotiated">{rupiah(direct.negotiated)}</Text>]);
    facts.push([t("direct.negotiationNotes"), <Text span fz="inherit" style={{ whiteSpace: "pre-wrap" }}>{direct.negotiationNotes}</Text>]);
    facts.push([t("direct.negotiatedAt"), <DateTime value={direct.negotiatedAt} />]);
  }
  if (direct.resultReason !== null && direct.decidedAt !== null) {
    facts.push([t("direct.resultReason"), <Text span fz="inherit" style={{ whiteSpace: "pre-wrap" }}>{direct.resultReason}</Text>]);
    facts.push([t("direct.decidedAt"), <DateTime value={direct.decidedAt} />]);
  }
  return (
    <DataList orientation={orientation} labelWidth="13rem" withDivider data-testid="direct-facts">
      {facts.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

/** The quotation line by line, once the vendor has quoted. */
export function QuotationTable({ direct }: { direct: Direct }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (direct.quotation === null) return null;
  const right = { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs" aria-label={t("direct.items.title")} data-testid="direct-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("direct.items.description")}</Table.Th>
            <Table.Th scope="col" style={right}>{t("direct.items.quantity")}</Table.Th>
            <Table.Th scope="col" style={right}>{t("direct.items.unitPrice")}</Table.Th>
            <Table.Th scope="col" style={right}>{t("direct.items.lineTotal")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {direct.items.map((item) => {
            const total = item.quotedUnitPrice === null ? null : lineTotalSen(item.quantity, item.quotedUnitPrice);
            return (
              <Table.Tr key={item.id}>
                <Table.Td>
                  {item.position}. {item.description}
                </Table.Td>
                <Table.Td style={right}>
                  {formatQuantity(item.quantity, language)} {item.unit}
                </Table.Td>
                <Table.Td style={right}>{item.quotedUnitPrice === null ? t("common.none") : rupiah(item.quotedUnitPrice)}</Table.Td>
                <Table.Td style={right}>{total === null ? t("common.none") : formatSen(total)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={3} style={{ textAlign: "right" }}>
              {t("direct.items.total")}
            </Table.Th>
            <Table.Td fw={700} style={right}>
              {rupiah(direct.quotation)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
