import { Button, DataList, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../lib/DateTime";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { Section } from "../tenders/Section";
import { KeyFingerprint } from "./KeyFingerprint";
import { type OpeningKey, useOwnOpeningKey } from "./opening.api";
import { OpeningKeyForm } from "./OpeningKeyForm";

/** A committee member's opening key: whether there is one, its fingerprint, and the form to make one. */
export function OpeningKeyPage() {
  const { t } = useTranslation();
  const own = useOwnOpeningKey();
  const [replacing, setReplacing] = useState(false);

  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t("opening.key.title")}</Title>
      <Text c="dimmed">{t("opening.key.intro")}</Text>
      {own.isPending && <PageLoader />}
      {own.isError && <QueryError error={own.error} onRetry={() => void own.refetch()} />}
      {own.data !== undefined && (
        <OwnKeySummary
          stored={own.data}
          aside={
            own.data && !replacing ? (
              <Button variant="light" size="compact-sm" onClick={() => setReplacing(true)}>
                {t("opening.key.replace")}
              </Button>
            ) : undefined
          }
        />
      )}
      {own.data === null && <OpeningKeyForm replacing={false} />}
      {own.data && replacing && <OpeningKeyForm replacing onDone={() => setReplacing(false)} />}
    </Stack>
  );
}

function OwnKeySummary({ stored, aside }: { stored: OpeningKey | null; aside: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Section id="opening-key-title" title={t("opening.key.statusTitle")} testId="opening-key" aside={aside}>
      <Text data-testid="opening-key-status">{stored ? t("opening.key.has") : t("opening.key.none")}</Text>
      {stored && (
        <>
          <DataList labelWidth="13rem" withDivider>
            <DataList.Item>
              <DataList.ItemLabel>{t("opening.key.fingerprint")}</DataList.ItemLabel>
              <DataList.ItemValue>
                <KeyFingerprint publicKey={stored.publicKey} testId="opening-key-fingerprint" />
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t("opening.key.createdAt")}</DataList.ItemLabel>
              <DataList.ItemValue>
                <DateTime value={stored.createdAt} />
              </DataList.ItemValue>
            </DataList.Item>
          </DataList>
          <Text size="sm" c="dimmed">
            {t("opening.key.fingerprintHint")}
          </Text>
        </>
      )}
    </Section>
  );
}
