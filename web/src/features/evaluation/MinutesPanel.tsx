import { Button, Code, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { errorText } from "../../lib/problem";
import { useLanguage } from "../../lib/useLanguage";
import { type MinutesKind, minutesUrl, useIssueMinutes, useMinutesStatus } from "./minutes.api";

interface Props {
  code: string;
  /** The Berita Acara Hasil Pemilihan exists once the winner is named. */
  winnerNamed: boolean;
  /** The committee issues the final version; others only read. */
  canIssue: boolean;
}

/**
 * The minutes of the evaluation: each opens in a new tab, ready to print (A4); a draft until the committee
 * issues it, after which every copy carries the SHA-256 recorded in the log.
 */
export function MinutesPanel({ code, winnerNamed, canIssue }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useDateTimeFormat();
  const status = useMinutesStatus(code, true);
  const issue = useIssueMinutes(code);
  const [confirming, setConfirming] = useState<MinutesKind | null>(null);
  const kinds: MinutesKind[] = winnerNamed ? ["evaluasi", "hasil_pemilihan"] : ["evaluasi"];

  const onConfirm = () => {
    if (!confirming) return;
    const kind = confirming;
    issue.mutate(kind, { onSuccess: () => notifySuccess(t("award.minutes.issued", { title: t(`award.minutes.kinds.${kind}`) })), onSettled: () => setConfirming(null) });
  };

  return (
    <Stack gap="xs" data-testid="evaluation-minutes">
      <Title order={3} size="h5">
        {t("award.minutes.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("award.minutes.intro")}
      </Text>
      {kinds.map((kind) => {
        const issued = status.data?.find((m) => m.kind === kind);
        const title = t(`award.minutes.kinds.${kind}`);
        return (
          <Stack key={kind} gap={2}>
            <Group gap="xs" wrap="wrap">
              <Button component="a" href={minutesUrl(code, kind)} target="_blank" rel="noopener noreferrer" variant="light" size="compact-sm">
                {title}
              </Button>
              {!issued && canIssue && status.isSuccess && (
                <Button variant="default" size="compact-sm" onClick={() => setConfirming(kind)} aria-label={t("award.minutes.issueName", { title })}>
                  {t("award.minutes.issue")}
                </Button>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {issued ? (
                <>
                  {t("award.minutes.issuedAt", { date: format(issued.issuedAt, { seconds: false }) })} · SHA-256 <Code fz="xs" style={{ wordBreak: "break-all" }}>{issued.sha256}</Code>
                </>
              ) : (
                t("award.minutes.draft")
              )}
            </Text>
          </Stack>
        );
      })}
      <FormAlert message={issue.error ? errorText(issue.error, language, t) : null} />
      <ConfirmDialog
        opened={confirming !== null}
        title={t("award.minutes.confirmTitle")}
        message={t("award.minutes.confirmMessage", { title: confirming ? t(`award.minutes.kinds.${confirming}`) : "" })}
        confirmLabel={t("award.minutes.issue")}
        loading={issue.isPending}
        onConfirm={onConfirm}
        onCancel={() => setConfirming(null)}
      />
    </Stack>
  );
}
