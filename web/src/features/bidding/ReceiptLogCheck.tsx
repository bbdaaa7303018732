import { Alert, Button, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { checkReceiptInLog, type ReceiptLogCheck as LogCheck } from "../../../../src/log/verify-receipt.js";
import { useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { errorText } from "../../lib/problem";
import { useLanguage } from "../../lib/useLanguage";
import { type Receipt, receiptLogSource } from "./bidding.api";

/**
 * "Periksa di log publik": the receipt checked in this browser against a signed tree head, with the
 * vendor's own event rebuilt into its leaf and the audit path climbed to the signed root. Keyed by the
 * bid where it is used, so a new receipt starts unchecked.
 */
export function ReceiptLogCheck({ receipt }: { receipt: Receipt }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const check = useMutation({ mutationFn: () => checkReceiptInLog(receipt, receiptLogSource) });
  return (
    <Stack gap="xs">
      <div>
        <Button variant="light" loading={check.isPending} onClick={() => check.mutate()}>
          {t("bidding.receipt.log.check")}
        </Button>
      </div>
      <FormAlert message={check.error ? errorText(check.error, language, t) : null} />
      {check.data && <LogCheckResult result={check.data} />}
    </Stack>
  );
}

function LogCheckResult({ result }: { result: LogCheck }) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  if (result.status === "verified") {
    return (
      <Alert color="teal" variant="light" title={t("bidding.receipt.log.verified")} role="status" data-testid="receipt-log-check">
        <Text size="sm">{t("bidding.receipt.log.verifiedDetail", { index: result.logIndex, size: result.treeSize, time: format(result.headTime) })}</Text>
      </Alert>
    );
  }
  if (result.status === "failed") {
    return (
      <Alert color="red" variant="light" title={t("bidding.receipt.log.failed")} role="alert" data-testid="receipt-log-check">
        {t(`bidding.receipt.log.steps.${result.step}`)}
      </Alert>
    );
  }
  return (
    <Alert color="yellow" variant="light" role="status" data-testid="receipt-log-check">
      {t("bidding.receipt.unsupported")}
    </Alert>
  );
}
