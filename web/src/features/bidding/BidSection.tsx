import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { errorText } from "../../lib/problem";
import { QueryError } from "../../lib/QueryError";
import { useLanguage } from "../../lib/useLanguage";
import { usePublicLpse } from "../public/public.api";
import { Section } from "../tenders/Section";
import { isOpen, type Tender } from "../tenders/tenders.api";
import { useMyBid, useTenderKey, useWithdrawBid } from "./bidding.api";
import { BidForm } from "./BidForm";
import { BidReceiptCard } from "./BidReceiptCard";

interface Props {
  tender: Tender;
  userId: string;
  vendorId: string;
}

/**
 * A participant's sealed bid on the announcement. During Upload Dokumen Penawaran: the form, or the
 * current bid's receipt with "Kirim ulang" and "Tarik penawaran"; outside it, the dates and the receipt.
 * The stage follows the server's clock; at its edges the server's answer decides.
 */
export function BidSection({ tender, userId, vendorId }: Props) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const lpse = usePublicLpse();
  const tenderKey = useTenderKey(tender.tenderCode);
  const mine = useMyBid(tender.tenderCode, userId);
  const [resubmitting, setResubmitting] = useState(false);
  // The hash of the envelope this browser just sent, kept with its bid so only that receipt is compared to it.
  const [sent, setSent] = useState<{ bidId: string; sha256: string | null } | null>(null);

  const uploadWindow = tender.schedule.find((w) => w.stage === "upload_penawaran");
  const nowMs = Date.now() + (lpse.data?.clockOffsetMs ?? 0);
  const open = isOpen(tender, ["upload_penawaran"], nowMs);
  const upcoming = uploadWindow !== undefined && nowMs < Date.parse(uploadWindow.startsAt);
  // WebCrypto, which seals the bid, exists only in a secure context (HTTPS, or this machine).
  const canSeal = globalThis.isSecureContext && globalThis.crypto?.subtle !== undefined;
  const receipt = mine.data ?? null;
  const key = tenderKey.data ?? null;

  return (
    <Section id="bid-title" title={t("bidding.title")} testId="bid">
      {key ? (
        <Alert color="blue" variant="light" data-testid="bid-sealed-note">
          {t("bidding.sealedNote", { threshold: key.threshold, members: key.members })}
        </Alert>
      ) : (
        tenderKey.data === null && (
          <Alert color="yellow" variant="light" data-testid="bid-no-key">
            {t("bidding.noKey")}
          </Alert>
        )
      )}
      {uploadWindow && (
        <Text size="sm" data-testid="bid-window">
          {open
            ? t("bidding.deadline", { date: format(uploadWindow.endsAt, { seconds: false }) })
            : upcoming
              ? t("bidding.notYetOpen", { date: format(uploadWindow.startsAt, { seconds: false }) })
              : t("bidding.closed", { date: format(uploadWindow.endsAt, { seconds: false }) })}
        </Text>
      )}

      {(mine.isPending || tenderKey.isPending) && <PageLoader />}
      {mine.isError && <QueryError error={mine.error} onRetry={() => void mine.refetch()} />}
      {tenderKey.isError && <QueryError error={tenderKey.error} onRetry={() => void tenderKey.refetch()} />}

      {receipt && <BidReceiptCard receipt={receipt} sentSha256={sent?.bidId === receipt.bidId ? sent.sha256 : null} />}
      {mine.isSuccess && receipt === null && <Text c="dimmed">{upcoming || open ? t("bidding.none") : t("bidding.noneSent")}</Text>}

      {open && key && !canSeal && (
        <Alert color="red" variant="light" role="alert">
          {t("bidding.insecure")}
        </Alert>
      )}
      {open && key && canSeal && mine.isSuccess && (receipt === null || resubmitting) && (
        <Stack gap="sm">
          {resubmitting && (
            <Alert color="orange" variant="light">
              {t("bidding.resubmitNote")}
            </Alert>
          )}
          <BidForm
            tender={tender}
            vendorId={vendorId}
            userId={userId}
            tenderKey={key}
            onSent={(r, sha256) => {
              setSent({ bidId: r.bidId, sha256 });
              setResubmitting(false);
            }}
            onCancel={resubmitting ? () => setResubmitting(false) : undefined}
          />
        </Stack>
      )}
      {open && key && receipt && !resubmitting && <BidActions code={tender.tenderCode} userId={userId} onResubmit={() => setResubmitting(true)} />}
    </Section>
  );
}

function BidActions({ code, userId, onResubmit }: { code: string; userId: string; onResubmit: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const withdraw = useWithdrawBid(code, userId);
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button onClick={onResubmit}>{t("bidding.resubmit")}</Button>
        <Button variant="light" color="red" onClick={() => setConfirming(true)}>
          {t("bidding.withdraw")}
        </Button>
      </Group>
      <FormAlert message={withdraw.error ? errorText(withdraw.error, language, t) : null} />
      <ConfirmDialog
        opened={confirming}
        title={t("bidding.withdrawTitle")}
        message={t("bidding.withdrawMessage")}
        loading={withdraw.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          withdraw.mutate(undefined, {
            onSuccess: () => notifySuccess(t("bidding.withdrawn")),
            onSettled: () => setConfirming(false),
          })
        }
      />
    </Stack>
  );
}
