import { Alert, Anchor, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { DateTime } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { errorText } from "../../lib/problem";
import { QueryError } from "../../lib/QueryError";
import { useLanguage } from "../../lib/useLanguage";
import type { Me } from "../auth/auth.api";
import { Section } from "./Section";
import { type Tender, useJoinTender, useParticipants } from "./tenders.api";

/** Who takes part: public, as in SPSE. */
export function ParticipantsSection({ tender }: { tender: Tender }) {
  const { t } = useTranslation();
  const participants = useParticipants(tender.tenderCode);
  return (
    <Section id="participants-title" title={t("tender.participantsTitle")} testId="participants">
      {participants.isPending && <PageLoader />}
      {participants.isError && <QueryError error={participants.error} onRetry={() => void participants.refetch()} />}
      {participants.data && participants.data.length === 0 && <Text c="dimmed">{t("tender.participantsEmpty")}</Text>}
      {participants.data && participants.data.length > 0 && (
        <Table striped verticalSpacing="xs" horizontalSpacing="xs" aria-labelledby="participants-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={32}>
                #
              </Table.Th>
              <Table.Th scope="col">{t("vendor.name")}</Table.Th>
              <Table.Th scope="col">{t("tender.joinedAt")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {participants.data.map((p, i) => (
              <Table.Tr key={`${p.name}:${p.joinedAt}`}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td fz="sm">
                  <DateTime value={p.joinedAt} seconds={false} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

interface JoinProps {
  tender: Tender;
  user: Me | null;
  isParticipant: boolean;
  participantCheckPending: boolean;
}

/** The way in for a vendor ("Ikut tender"); an invitation to log in for a visitor; nothing for staff. */
export function JoinPanel({ tender, user, isParticipant, participantCheckPending }: JoinProps) {
  const { t } = useTranslation();
  const location = useLocation();
  if (user === null) {
    return (
      <Group gap="xs">
        <Text size="sm">{t("tender.joinLogin")}</Text>
        <Anchor component={Link} to="/login" state={{ from: location.pathname }} size="sm">
          {t("nav.login")}
        </Anchor>
      </Group>
    );
  }
  if (user.role !== "vendor" || participantCheckPending) return null;
  if (isParticipant) {
    return (
      <Alert color="teal" variant="light" p="xs" data-testid="participant-status">
        {t("tender.joined")}
      </Alert>
    );
  }
  return <JoinButton code={tender.tenderCode} />;
}

/**
 * The server decides whether joining is open now (a verified vendor, from the announcement to the bid
 * deadline); outside those stages its message names the stage and its dates, shown as it comes.
 */
function JoinButton({ code }: { code: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const join = useJoinTender(code);
  return (
    <Stack gap="xs" align="stretch">
      <Group>
        <Button color="teal" loading={join.isPending} onClick={() => join.mutate(undefined, { onSuccess: () => notifySuccess(t("tender.joinedNow", { code })) })}>
          {t("tender.join")}
        </Button>
      </Group>
      <FormAlert message={join.error ? errorText(join.error, language, t) : null} />
    </Stack>
  );
}
