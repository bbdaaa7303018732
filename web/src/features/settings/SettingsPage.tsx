import { Paper, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { HolidaysSection } from "./HolidaysSection";
import { useSettings } from "./settings.api";
import { SettingsForm } from "./SettingsForm";

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t("settings.title")}</Title>
      {settings.isPending && <PageLoader />}
      {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <SettingsForm settings={settings.data} />}
      <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }}>
        <HolidaysSection />
      </Paper>
    </Stack>
  );
}
