import { Alert, Anchor, Button, DataList, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateTime, useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { errorText } from "../../lib/problem";
import { useLanguage } from "../../lib/useLanguage";
import { Section } from "../tenders/Section";
import { KeyFingerprint } from "./KeyFingerprint";
import { CeremonyPlan, KeyHoldersTable } from "./KeyHoldersTable";
import { type Ceremony, CommitteeChangedError, keyHoldersOf, type TenderKey, useRunCeremony, webCryptoAvailable } from "./opening.api";

/** The tender key is split among at least two members. */
const MIN_KEY_HOLDERS = 2;

interface Props {
  code: string;
  ceremony: Ceremony;
  userId: string;
  deadline: string | null;
  deadlinePassed: boolean;
}

/**
 * The tender key, for the committee. Before the ceremony: who is ready (has an opening key, with its
 * fingerprint to compare) and the button that makes the key, splits it and seals a share to each member,
 * all in this browser. After: the tender key's fingerprint and its threshold.
 */
export function TenderKeySection({ code, ceremony, userId, deadline, deadlinePassed }: Props) {
  const { t } = useTranslation();
  return (
    <Section id="tender-key-title" title={t("opening.tenderKey.title")} testId="tender-key">
      <Text size="sm" c="dimmed">
        {t("opening.tenderKey.intro")}
      </Text>
      {ceremony.tenderKey ? (
        <TenderKeyFacts tenderKey={ceremony.tenderKey} />
      ) : (
        <CeremonyPanel code={code} ceremony={ceremony} userId={userId} deadline={deadline} deadlinePassed={deadlinePassed} />
      )}
    </Section>
  );
}

function TenderKeyFacts({ tenderKey }: { tenderKey: TenderKey }) {
  const { t } = useTranslation();
  return (
    <DataList labelWidth="15rem" withDivider>
      <DataList.Item>
        <DataList.ItemLabel>{t("opening.tenderKey.publicKey")}</DataList.ItemLabel>
        <DataList.ItemValue>
          <KeyFingerprint publicKey={tenderKey.publicKey} testId="tender-key-fingerprint" />
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t("opening.tenderKey.threshold")}</DataList.ItemLabel>
        <DataList.ItemValue data-testid="tender-key-threshold">
          {t("opening.tenderKey.thresholdValue", { k: tenderKey.threshold, n: tenderKey.members })} {tenderKey.escrow && t("opening.tenderKey.thresholdEscrow")}
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t("opening.tenderKey.createdAt")}</DataList.ItemLabel>
        <DataList.ItemValue>
          <DateTime value={tenderKey.createdAt} />
        </DataList.ItemValue>
      </DataList.Item>
    </DataList>
  );
}

function CeremonyPanel({ code, ceremony, userId, deadline, deadlinePassed }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useDateTimeFormat();
  const run = useRunCeremony(code);
  const allReady = keyHoldersOf(ceremony).every((m) => m.publicKey !== null);
  // A key split among fewer than two holders would be one person's key (runKeyCeremony refuses it too).
  const splittable = ceremony.members.length >= MIN_KEY_HOLDERS;
  const ownMissing = keyHoldersOf(ceremony).some((m) => m.userId === userId && m.publicKey === null);
  const error = run.error instanceof CommitteeChangedError ? t("opening.tenderKey.committeeChanged") : run.error ? errorText(run.error, language, t) : null;

  return (
    <Stack gap="sm">
      <KeyHoldersTable ceremony={ceremony} userId={userId} />
      {ownMissing && (
        <Anchor component={Link} to="/app/kunci-pembukaan" size="sm">
          {t("opening.tenderKey.makeYourKey")}
        </Anchor>
      )}
      <CeremonyPlan ceremony={ceremony} />
      {!splittable ? (
        <Alert color="gray" variant="light">
          {t("opening.tenderKey.tooFewMembers")}
        </Alert>
      ) : deadlinePassed ? (
        <Alert color="red" variant="light">
          {t("opening.tenderKey.deadlinePassed")}
        </Alert>
      ) : (
        <>
          {deadline && (
            <Text size="sm" c="dimmed">
              {t("opening.tenderKey.deadline", { date: format(deadline, { seconds: false }) })}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {allReady ? t("opening.tenderKey.compareHint") : t("opening.tenderKey.waitingForMembers")}
          </Text>
          <FormAlert message={error} />
          {run.isPending && (
            <Text size="sm" role="status">
              {t("opening.tenderKey.creating")}
            </Text>
          )}
          <Group>
            <Button
              loading={run.isPending}
              disabled={!allReady || !webCryptoAvailable()}
              onClick={() => run.mutate(ceremony, { onSuccess: () => notifySuccess(t("opening.tenderKey.created")) })}
            >
              {t("opening.tenderKey.create")}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
