import { Alert, Button, Group, Progress, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { formatSen, parseRupiah } from "../../lib/money";
import { notifySuccess } from "../../lib/notify";
import { errorText } from "../../lib/problem";
import { useLanguage } from "../../lib/useLanguage";
import { PricedLine } from "../tenders/PricedLine";
import type { Tender } from "../tenders/tenders.api";
import { type Receipt, type TenderKey, useSubmitBid } from "./bidding.api";
import { BidFilesField } from "./BidFilesField";
import { bidDocument, type BidDraft, draftProblems, emptyDraft, lineTotals, MAX_BID_FILES, MAX_BID_VALIDITY_DAYS, totalSen } from "./bidDraft";
import { sealInBrowser } from "./sealing";

type Phase = { step: "idle" } | { step: "encrypting" } | { step: "uploading"; percent: number };

interface Props {
  tender: Tender;
  vendorId: string;
  userId: string;
  tenderKey: TenderKey;
  /** The receipt of the bid just sent, and the SHA-256 of the envelope this browser sent (null when too large to hash). */
  onSent: (receipt: Receipt, sentSha256: string | null) => void;
  onCancel?: () => void;
}

/**
 * The bid form: a unit price per line of the bill of quantities (line amounts and the total computed
 * exactly as the vendor types), the bid's validity and its files. "Kirim penawaran" seals everything in
 * this browser to the tender key, then uploads the envelope with a progress bar.
 */
export function BidForm({ tender, vendorId, userId, tenderKey, onSent, onCancel }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const submitBid = useSubmitBid(tender.tenderCode, userId);
  const [draft, setDraft] = useState<BidDraft>(emptyDraft);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  // Field messages appear once the vendor has tried to send, not while typing the first digits.
  const [attempted, setAttempted] = useState(false);
  const [sealFailed, setSealFailed] = useState(false);

  const items = tender.items;
  const totals = lineTotals(items, draft);
  const total = totalSen(items, draft);
  const hpsSen = parseRupiah(tender.hps);
  const problems = draftProblems(items, draft);
  const shown = attempted ? problems : [];
  const busy = phase.step !== "idle";
  const totalProblem = shown.find((p) => p.field === "total");
  const filesProblem = shown.find((p) => p.field === "files");

  const setUnitPrice = (itemId: string, value: string) => setDraft((d) => ({ ...d, unitPrices: { ...d.unitPrices, [itemId]: value } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setSealFailed(false);
    submitBid.reset();
    if (problems.length > 0) return;
    setPhase({ step: "encrypting" });
    let sealed;
    try {
      sealed = await sealInBrowser({ tenderCode: tender.tenderCode, vendorId, tenderPublicKey: tenderKey.publicKey, document: bidDocument(items, draft), files: draft.files.map((f) => f.file) });
    } catch {
      // A file changed or became unreadable after it was chosen, or the browser lacks a primitive.
      setSealFailed(true);
      setPhase({ step: "idle" });
      return;
    }
    setPhase({ step: "uploading", percent: 0 });
    submitBid.mutate(
      { envelope: sealed.envelope, onProgress: ({ loaded, total: size }) => setPhase({ step: "uploading", percent: size > 0 ? Math.min(100, Math.floor((loaded * 100) / size)) : 0 }) },
      {
        onSuccess: (receipt) => {
          notifySuccess(t("bidding.sent"));
          onSent(receipt, sealed.sha256);
        },
        onSettled: () => setPhase({ step: "idle" }),
      },
    );
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="bid-form-title">
      <Stack gap="md">
        <Title order={3} size="h4" id="bid-form-title">
          {t("bidding.itemsTitle")}
        </Title>
        {items.map((item, index) => {
          const line = totals[index] ?? null;
          const price = draft.unitPrices[item.id] ?? "";
          const invalid = shown.some((p) => p.field === "unitPrice" && p.itemId === item.id);
          return (
            <PricedLine
              key={item.id}
              item={item}
              n={index + 1}
              price={price}
              onChange={(value) => setUnitPrice(item.id, value)}
              lineTotal={line}
              error={invalid ? t("bidding.errors.unitPrice") : undefined}
              disabled={busy}
              testId="bid"
            />
          );
        })}
        <Stack gap={4} aria-live="polite">
          <Text fw={600}>
            {t("bidding.total")}:{" "}
            <Text span fw={700} data-testid="bid-total">
              {total !== null ? formatSen(total) : t("bidding.invalidAmount")}
            </Text>
          </Text>
          {totalProblem && (
            <Text size="sm" c="red" role="alert">
              {totalProblem.reason === "zero" ? t("bidding.errors.totalZero") : t("bidding.errors.totalTooLarge")}
            </Text>
          )}
          {total !== null && hpsSen !== null && total > hpsSen && (
            <Alert color="orange" variant="light" p="xs">
              {t("bidding.aboveHps", { total: formatSen(total), hps: formatSen(hpsSen) })}
            </Alert>
          )}
        </Stack>
        <TextInput
          label={t("bidding.validityDays")}
          description={t("bidding.validityHint")}
          required
          inputMode="numeric"
          autoComplete="off"
          maw={{ base: "100%", sm: 320 }}
          disabled={busy}
          value={draft.validityDays}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setDraft((d) => ({ ...d, validityDays: value }));
          }}
          error={shown.some((p) => p.field === "validityDays") ? t("bidding.errors.validityDays", { max: MAX_BID_VALIDITY_DAYS }) : undefined}
        />
        <BidFilesField
          files={draft.files}
          disabled={busy}
          onAdd={(added) => setDraft((d) => ({ ...d, files: [...d.files, ...added] }))}
          onRemove={(key) => setDraft((d) => ({ ...d, files: d.files.filter((f) => f.key !== key) }))}
          error={filesProblem ? (filesProblem.reason === "none" ? t("bidding.errors.noFiles") : t("bidding.errors.tooManyFiles", { max: MAX_BID_FILES })) : undefined}
        />
        {phase.step === "encrypting" && (
          <Text size="sm" role="status" data-testid="bid-progress">
            {t("bidding.encrypting")}
          </Text>
        )}
        {phase.step === "uploading" && (
          <Stack gap={4} data-testid="bid-progress">
            <Text size="sm" role="status">
              {t("bidding.uploading", { percent: phase.percent })}
            </Text>
            <Progress.Root size="lg">
              <Progress.Section value={phase.percent} aria-label={t("bidding.uploadProgress")} />
            </Progress.Root>
          </Stack>
        )}
        <FormAlert message={attempted && problems.length > 0 ? t("bidding.errors.incomplete") : sealFailed ? t("bidding.errors.sealing") : submitBid.error ? errorText(submitBid.error, language, t) : null} />
        <Group justify="flex-end" gap="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={busy}>
              {t("bidding.cancelResubmit")}
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {t("bidding.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
