import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { WrongPassphraseError } from "../../../../src/crypto/keys.js";
import { useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { errorText } from "../../lib/problem";
import { QueryError } from "../../lib/QueryError";
import { SecretInput } from "../../lib/SecretInput";
import { useLanguage } from "../../lib/useLanguage";
import { Section } from "../tenders/Section";
import { type OpeningStatus, ShareUnreadableError, useOpeningStatus, useSubmitShare } from "./opening.api";

interface Props {
  code: string;
  deadline: string | null;
  deadlinePassed: boolean;
}

/**
 * The opening, for the committee: after the bid deadline each member unlocks its opening key here with
 * its passphrase and sends its share of the tender key; the threshold-th share opens every bid. The
 * progress is the server's, so every member sees the others' shares arrive.
 */
export function BidOpeningSection({ code, deadline, deadlinePassed }: Props) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const status = useOpeningStatus(code, deadlinePassed);

  return (
    <Section id="bid-opening-title" title={t("opening.open.title")} testId="bid-opening">
      {!deadlinePassed && deadline && <Text size="sm">{t("opening.open.before", { date: format(deadline, { seconds: false }) })}</Text>}
      {deadlinePassed && status.isPending && <PageLoader />}
      {status.isError && <QueryError error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && <Progress status={status.data} code={code} />}
    </Section>
  );
}

function Progress({ status, code }: { status: OpeningStatus; code: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text fw={600} data-testid="opening-progress" role="status">
        {t("opening.open.progress", { received: status.received, threshold: status.threshold })}
      </Text>
      {status.opened ? (
        <Alert color="teal" variant="light">
          {t("opening.open.opened")}
        </Alert>
      ) : status.mine ? (
        <Alert color="blue" variant="light">
          {t("opening.open.mine")}
        </Alert>
      ) : (
        <ShareForm code={code} />
      )}
    </Stack>
  );
}

function ShareForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const submit = useSubmitShare(code);
  const [passphrase, setPassphrase] = useState("");
  const wrong = submit.error instanceof WrongPassphraseError;
  const general =
    submit.error === null || wrong ? null : submit.error instanceof ShareUnreadableError ? t("opening.open.unreadableShare") : errorText(submit.error, language, t);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate(passphrase, {
      onSuccess: (progress) => {
        setPassphrase("");
        notifySuccess(progress.opened ? t("opening.open.openedNow") : t("opening.open.submitted"));
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("opening.open.intro")}
        </Text>
        <SecretInput
          label={t("opening.open.passphrase")}
          required
          autoComplete="current-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          error={wrong ? t("opening.open.wrongPassphrase") : undefined}
        />
        <FormAlert message={general} />
        {submit.isPending && (
          <Text size="sm" role="status">
            {t("opening.open.working")}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={submit.isPending} disabled={passphrase === ""}>
            {t("opening.open.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
