import { Alert, Button, DataList, Group, Paper, Stack, Text, Title, useMatches } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../lib/DateTime";
import { formatFileSize } from "../../lib/format";
import { QueryError } from "../../lib/QueryError";
import { useLanguage } from "../../lib/useLanguage";
import { type Receipt, useLogKey } from "./bidding.api";
import { checkReceipt, downloadReceipt, type ReceiptCheck } from "./receipt";
import { ReceiptLogCheck } from "./ReceiptLogCheck";

interface Props {
  receipt: Receipt;
  /** SHA-256 of the envelope this browser has just sent for this receipt's bid, if it hashed one. */
  sentSha256: string | null;
}

/** The receipt of the current bid: what the server signed, checked here (and in the public log on request), and downloadable. */
export function BidReceiptCard({ receipt, sentSha256 }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const logKey = useLogKey();
  const check = useQuery({
    queryKey: ["bid-receipt-check", receipt.bidId, receipt.signature, logKey.data?.publicKey, sentSha256],
    queryFn: () => checkReceipt(receipt, logKey.data as NonNullable<typeof logKey.data>, sentSha256),
    enabled: logKey.data !== undefined,
    staleTime: Infinity,
  });
  const orientation = useMatches<"vertical" | "horizontal">({ base: "vertical", sm: "horizontal" });
  const mono = (text: string | number, testId?: string) => (
    <Text span ff="monospace" fz="inherit" style={{ overflowWrap: "anywhere" }} data-testid={testId}>
      {text}
    </Text>
  );
  const rows: [string, ReactNode][] = [
    [t("bidding.receipt.sha256"), mono(receipt.sha256, "receipt-sha256")],
    [t("bidding.receipt.size"), formatFileSize(receipt.size, language)],
    [t("bidding.receipt.receivedAt"), <DateTime value={receipt.receivedAt} />],
    [t("bidding.receipt.logIndex"), mono(receipt.logIndex, "receipt-log-index")],
    [t("bidding.receipt.bidId"), mono(receipt.bidId)],
    [t("bidding.receipt.keyId"), mono(receipt.keyId)],
  ];

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="bid-receipt-title" data-testid="bid-receipt">
      <Stack gap="sm">
        <Title order={3} size="h4" id="bid-receipt-title">
          {t("bidding.receipt.title")}
        </Title>
        <DataList orientation={orientation} labelWidth="12rem" withDivider>
          {rows.map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue>{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
        {logKey.isError && <QueryError error={logKey.error} onRetry={() => void logKey.refetch()} />}
        {check.isError && <QueryError error={check.error} />}
        {!logKey.isError && !check.isError && <CheckResult result={check.data} />}
        <ReceiptLogCheck key={receipt.bidId} receipt={receipt} />
        <Group>
          <Button variant="light" onClick={() => downloadReceipt(receipt, logKey.data)}>
            {t("bidding.receipt.download")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function CheckResult({ result }: { result: ReceiptCheck | undefined }) {
  const { t } = useTranslation();
  if (result === undefined) {
    return (
      <Text size="sm" c="dimmed" role="status" data-testid="receipt-check">
        {t("bidding.receipt.checking")}
      </Text>
    );
  }
  if (result.status === "verified") {
    return (
      <Alert color="teal" variant="light" title={t("bidding.receipt.verified")} role="status" data-testid="receipt-check">
        <Text size="sm">{t("bidding.receipt.verifiedHint")}</Text>
        {result.hashMatched && <Text size="sm">{t("bidding.receipt.hashMatched")}</Text>}
      </Alert>
    );
  }
  if (result.status === "invalid") {
    return (
      <Alert color="red" variant="light" title={t("bidding.receipt.invalid")} role="alert" data-testid="receipt-check">
        {t(`bidding.receipt.invalidReasons.${result.reason}`)}
      </Alert>
    );
  }
  return (
    <Alert color="yellow" variant="light" role="status" data-testid="receipt-check">
      {t("bidding.receipt.unsupported")}
    </Alert>
  );
}
