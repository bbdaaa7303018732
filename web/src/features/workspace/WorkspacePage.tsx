import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../auth/useCurrentUser";

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div">{value}</Text>
    </div>
  );
}

export function WorkspacePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <Stack gap="lg">
      <Title order={1}>{t("workspace.greeting", { name: me.name })}</Title>
      <Card withBorder radius="md" padding="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Fact
            label={t("workspace.role")}
            value={
              <Group gap="xs">
                <Badge variant="light" data-testid="me-role">
                  {t(`roles.${me.role}`)}
                </Badge>
              </Group>
            }
          />
          <Fact label={t("workspace.agency")} value={<span data-testid="me-agency">{me.agencyName ?? (me.vendorId ? t("common.none") : t("workspace.lpseWide"))}</span>} />
          <Fact label={t("workspace.email")} value={me.email} />
        </SimpleGrid>
      </Card>
      <Text c="dimmed">{t("workspace.intro")}</Text>
    </Stack>
  );
}
