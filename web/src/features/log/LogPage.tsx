import { Alert, Card, Code, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatCount, formatDateTime } from "../../lib/format";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useLanguage } from "../../lib/useLanguage";
import { usePublicLpse } from "../public/public.api";
import { useTreeHead } from "./log.api";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </div>
  );
}

export function LogPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const head = useTreeHead();
  const lpse = usePublicLpse();

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t("log.title")}</Title>
      <Text c="dimmed">{t("log.intro")}</Text>
      {head.isPending && <PageLoader />}
      {head.isError && <QueryError error={head.error} onRetry={() => void head.refetch()} />}
      {head.data === null && <Alert color="gray">{t("log.noHead")}</Alert>}
      {head.data && (
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="tree-head-title">
          <Title order={2} size="h4" mb="md" id="tree-head-title">
            {t("log.head")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Row label={t("log.treeSize")}>
              <Text fw={600} data-testid="tree-size">
                {formatCount(head.data.treeSize, language)}
              </Text>
            </Row>
            <Row label={t("log.timestamp")}>
              <Text>
                <time dateTime={head.data.timestamp}>
                  {lpse.data ? formatDateTime(head.data.timestamp, lpse.data.ianaZone, lpse.data.timeZone, language) : head.data.timestamp}
                </time>
              </Text>
            </Row>
          </SimpleGrid>
          <Stack gap="md" mt="md">
            <Row label={t("log.rootHash")}>
              <Code block style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }} data-testid="root-hash">
                {head.data.rootHash}
              </Code>
            </Row>
            <Row label={t("log.keyId")}>
              <Code block style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }}>
                {head.data.keyId}
              </Code>
            </Row>
            <Row label={t("log.signature")}>
              <Code block style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }}>
                {head.data.signature}
              </Code>
            </Row>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
