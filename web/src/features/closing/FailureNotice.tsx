import { Alert, Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { DateTime } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { QueryError } from "../../lib/QueryError";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { useLanguage } from "../../lib/useLanguage";
import { useServerTimePassed } from "../opening/deadline";
import type { Tender } from "../tenders/tenders.api";
import { type Failure, openingStart, useFailure, useRetender } from "./closing.api";
import { useTenderOfficials } from "./useTenderOfficials";

/** The failure notice when the tender was declared failed; nothing before the bid opening or otherwise. */
export function TenderFailure({ tender }: { tender: Tender }) {
  const failure = useFailure(tender.tenderCode, useServerTimePassed(openingStart(tender)));
  if (failure.isError) return <QueryError error={failure.error} onRetry={() => void failure.refetch()} />;
  return failure.data ? <FailureNotice code={tender.tenderCode} failure={failure.data} retenderedAs={tender.retenderedAs} /> : null;
}

/**
 * The failure notice at the top of the announcement, for everyone: the reason and the committee's
 * explanation, and the published re-tender. The package's PPK starts the re-tender here, or follows the link
 * to the package it made.
 */
export function FailureNotice({ code, failure, retenderedAs }: { code: string; failure: Failure; retenderedAs: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { isPpk, retender } = useTenderOfficials(code);
  return (
    <Alert color="red" variant="light" title={t("closing.failure.noticeTitle")} data-testid="failure-notice">
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t("closing.failure.reason", { reason: failure.reasonName[language] })}
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {failure.text}
        </Text>
        <Text size="xs" c="dimmed">
          {t("closing.failure.declaredAt")} <DateTime value={failure.declaredAt} />
        </Text>
        {retenderedAs && (
          <Group gap="xs" wrap="wrap" data-testid="retendered-as">
            <Text size="sm">{t("closing.failure.retenderedAs", { code: retenderedAs })}</Text>
            <Anchor component={Link} to={`/tender/${retenderedAs}`} fw={600} size="sm">
              {t("closing.failure.viewFailed", { code: retenderedAs })}
            </Anchor>
          </Group>
        )}
        {retender ? (
          <Group gap="xs" wrap="wrap" data-testid="retender-link">
            <Text size="sm">{t("closing.failure.retenderExists")}</Text>
            <Anchor component={Link} to={`/app/paket/${retender.id}`} fw={600} size="sm">
              {t("closing.failure.openRetender")}
            </Anchor>
          </Group>
        ) : (
          isPpk && <RetenderAction code={code} />
        )}
      </Stack>
    </Alert>
  );
}

function RetenderAction({ code }: { code: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const retender = useRetender(code);
  const [confirming, setConfirming] = useState(false);
  const problem = useFormProblem(retender.error, {});
  const onConfirm = () => {
    retender.mutate(undefined, {
      onSuccess: (made) => {
        notifySuccess(t("closing.failure.retendered"));
        void navigate(`/app/paket/${made.packageId}`);
      },
      onSettled: () => setConfirming(false),
    });
  };
  return (
    <Stack gap="xs">
      <Text size="sm">{t("closing.failure.retenderHelp")}</Text>
      <FormAlert message={problem.general} />
      <Group>
        <Button size="compact-md" onClick={() => setConfirming(true)}>
          {t("closing.failure.retender")}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t("closing.failure.retenderConfirmTitle")}
        message={t("closing.failure.retenderConfirmMessage", { code })}
        loading={retender.isPending}
        onConfirm={onConfirm}
        onCancel={() => setConfirming(false)}
      />
    </Stack>
  );
}
