import { Badge, Button, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BreakableEmail } from "../../lib/BreakableEmail";
import { DateTime } from "../../lib/DateTime";
import { notifyError, notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { errorText } from "../../lib/problem";
import { QueryError } from "../../lib/QueryError";
import { useLanguage } from "../../lib/useLanguage";
import { canRetry, MAIL_STATUSES, type MailStatus, type OutboxMail, useOutbox, useRetryMail } from "./outbox.api";

const STATUS_COLORS: Record<MailStatus, string> = { pending: "yellow", sending: "blue", sent: "teal", failed: "red" };
const NO_WRAP = { whiteSpace: "nowrap" } as const;

/** The mail outbox for the LPSE administrator: delivery state, and re-queueing of undelivered mail. */
export function MailOutboxPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<MailStatus | "">("");
  const outbox = useOutbox(status);

  return (
    <Stack>
      <div>
        <Title order={1}>{t("outbox.title")}</Title>
        <Text c="dimmed">{t("outbox.intro")}</Text>
      </div>
      <NativeSelect
        label={t("outbox.filterStatus")}
        value={status}
        maw={260}
        data={[{ value: "", label: t("outbox.all") }, ...MAIL_STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))]}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setStatus(MAIL_STATUSES.find((s) => s === next) ?? "");
        }}
      />
      {outbox.isPending && <PageLoader />}
      {outbox.isError && <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {outbox.data && outbox.data.length === 0 && <Text c="dimmed">{t("outbox.empty")}</Text>}
      {outbox.data && outbox.data.length > 0 && (
        <Table.ScrollContainer minWidth={960}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("outbox.to")}</Table.Th>
                <Table.Th scope="col">{t("outbox.subject")}</Table.Th>
                <Table.Th scope="col">{t("outbox.status")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("outbox.attempts")}
                </Table.Th>
                <Table.Th scope="col">{t("outbox.nextAttempt")}</Table.Th>
                <Table.Th scope="col">{t("outbox.lastError")}</Table.Th>
                <Table.Th scope="col">{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outbox.data.map((mail) => (
                <MailRow key={mail.id} mail={mail} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function MailRow({ mail }: { mail: OutboxMail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const retry = useRetryMail();
  const onRetry = () =>
    retry.mutate(mail.id, {
      onSuccess: (saved) => notifySuccess(t("outbox.retried", { to: saved.to })),
      onError: (error) => notifyError(errorText(error, language, t)),
    });
  return (
    <Table.Tr>
      <Table.Td miw={160}>
        <BreakableEmail email={mail.to} />
      </Table.Td>
      <Table.Td>{mail.subject}</Table.Td>
      <Table.Td style={NO_WRAP}>
        <Badge color={STATUS_COLORS[mail.status]} variant="light">
          {t(`outbox.statuses.${mail.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">{mail.attempts}</Table.Td>
      <Table.Td style={NO_WRAP}>{mail.status === "sent" ? t("common.none") : <DateTime value={mail.nextAttemptAt} />}</Table.Td>
      <Table.Td>
        {mail.lastError ? (
          <Text size="xs" ff="monospace" style={{ wordBreak: "break-word" }} lineClamp={3} title={mail.lastError}>
            {mail.lastError}
          </Text>
        ) : (
          t("common.none")
        )}
      </Table.Td>
      <Table.Td>
        {canRetry(mail) && (
          <Button size="compact-sm" variant="light" onClick={onRetry} loading={retry.isPending} aria-label={t("outbox.retryNamed", { subject: mail.subject, to: mail.to })}>
            {t("outbox.retry")}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
