import { Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { DateTime, useDateTimeFormat } from "../../lib/DateTime";
import { notifyError, notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { errorText } from "../../lib/problem";
import { QueryError } from "../../lib/QueryError";
import { useLanguage } from "../../lib/useLanguage";
import { type Session, useRecoveryCodeStatus, useRegenerateRecoveryCodes, useRevokeOtherSessions, useRevokeSession, useSessions } from "./account.api";
import { RecoveryCodeList } from "./RecoveryCodeForm";

/** /app/keamanan: every user's own sessions and recovery codes. */
export function AccountSecurityPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <Title order={1}>{t("security.title")}</Title>
      <SessionsSection />
      <RecoveryCodesSection />
    </Stack>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const sessions = useSessions();
  const revokeOthers = useRevokeOtherSessions();
  const onError = (error: unknown) => notifyError(errorText(error, language, t));
  return (
    <Stack component="section" aria-labelledby="sessions-title">
      <div>
        <Title order={2} size="h3" id="sessions-title">
          {t("security.sessionsTitle")}
        </Title>
        <Text c="dimmed" size="sm">
          {t("security.sessionsIntro")}
        </Text>
      </div>
      {sessions.isPending && <PageLoader />}
      {sessions.isError && <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("security.created")}</Table.Th>
                <Table.Th>{t("security.lastSeen")}</Table.Th>
                <Table.Th>{t("security.address")}</Table.Th>
                <Table.Th>{t("security.browser")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.map((session) => (
                <SessionRow key={session.ref} session={session} onError={onError} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {sessions.data && sessions.data.length > 1 && (
        <Group>
          <Button
            variant="light"
            color="red"
            loading={revokeOthers.isPending}
            onClick={() => revokeOthers.mutate(undefined, { onSuccess: (r) => notifySuccess(t("security.othersRevoked", { count: r.revoked })), onError })}
          >
            {t("security.revokeOthers")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function SessionRow({ session, onError }: { session: Session; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const revoke = useRevokeSession();
  return (
    <Table.Tr>
      <Table.Td>
        <DateTime value={session.createdAt} />
      </Table.Td>
      <Table.Td>
        <DateTime value={session.lastSeenAt} />
      </Table.Td>
      <Table.Td>{session.ip ?? t("security.unknown")}</Table.Td>
      <Table.Td style={{ maxWidth: 280, wordBreak: "break-word" }}>
        <Text size="xs">{session.userAgent ?? t("security.unknown")}</Text>
      </Table.Td>
      <Table.Td>
        {session.current ? (
          <Badge variant="light">{t("security.current")}</Badge>
        ) : (
          <Button
            size="compact-sm"
            variant="light"
            color="red"
            aria-label={t("security.revokeNamed", { created: format(session.createdAt) })}
            loading={revoke.isPending}
            onClick={() => revoke.mutate(session.ref, { onSuccess: () => notifySuccess(t("security.revoked")), onError })}
          >
            {t("security.revoke")}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function RecoveryCodesSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const status = useRecoveryCodeStatus();
  const regenerate = useRegenerateRecoveryCodes();
  const [confirming, setConfirming] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <Stack component="section" aria-labelledby="recovery-title">
      <Title order={2} size="h3" id="recovery-title">
        {t("security.codesTitle")}
      </Title>
      {status.isPending && <PageLoader />}
      {status.isError && <QueryError error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && !status.data.enrolled && <Text c="dimmed">{t("security.codesNotEnrolled")}</Text>}
      {status.data?.enrolled && (
        <>
          <Text>{t("security.codesRemaining", { count: status.data.remaining })}</Text>
          {codes && (
            <Stack gap="xs" role="status">
              <Text fw={500}>{t("security.newCodes")}</Text>
              <RecoveryCodeList codes={codes} />
            </Stack>
          )}
          <Group>
            <Button variant="light" onClick={() => setConfirming(true)}>
              {t("security.regenerate")}
            </Button>
          </Group>
        </>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t("security.regenerate")}
        message={t("security.confirmRegenerate")}
        loading={regenerate.isPending}
        onConfirm={() =>
          regenerate.mutate(undefined, {
            onSuccess: (fresh) => {
              setConfirming(false);
              setCodes(fresh);
            },
            onError: (error) => {
              setConfirming(false);
              notifyError(errorText(error, language, t));
            },
          })
        }
        onCancel={() => setConfirming(false)}
      />
    </Stack>
  );
}
