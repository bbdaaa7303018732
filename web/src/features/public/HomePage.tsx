import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useMe } from "../auth/auth.api";
import { TenderSearch } from "../tenders/TenderSearch";
import { usePublicLpse } from "./public.api";
import { ServerClock } from "./ServerClock";

export function HomePage() {
  const { t } = useTranslation();
  const lpse = usePublicLpse();
  const me = useMe();
  if (lpse.isPending) return <PageLoader />;
  if (lpse.isError) return <QueryError error={lpse.error} onRetry={() => void lpse.refetch()} />;
  const info = lpse.data;

  return (
    <Stack gap="lg">
      {info.setupNeeded && (
        <Alert color="yellow" title={t("home.setupNeeded")}>
          <Anchor component={Link} to="/setup">
            {t("home.setupLink")}
          </Anchor>
        </Alert>
      )}
      <div>
        <Text size="sm" c="dimmed" fw={500}>
          {t("app.tagline")}
        </Text>
        <Title order={1}>{info.name}</Title>
        <Text c="dimmed" size="lg">
          {info.region}
        </Text>
      </div>
      {/* Companies find the way in here; logged-in users already have an account. */}
      {!info.setupNeeded && me.data === null && (
        <Group>
          <Button component={Link} to="/daftar" variant="light">
            {t("register.link")}
          </Button>
        </Group>
      )}
      <Card withBorder padding="md" radius="md">
        <Stack gap={4}>
          <Text size="sm" c="dimmed" tt="uppercase" fw={600}>
            {t("home.serverTime")}
          </Text>
          <ServerClock lpse={info} />
          <Text size="xs" c="dimmed">
            {t("home.serverTimeHint")}
          </Text>
        </Stack>
      </Card>
      <TenderSearch />
      <Anchor component={Link} to="/pengadaan-langsung">
        {t("directResults.link")} →
      </Anchor>
      <Anchor component={Link} to="/bantuan">
        {t("helpdesk.homeLink")} →
      </Anchor>
    </Stack>
  );
}
