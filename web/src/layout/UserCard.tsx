import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Me } from "../features/auth/auth.api";

/** Who is logged in, at the foot of the navigation. */
export function UserCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600} truncate>
        {me.name}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {t(`roles.${me.role}`)}
        {me.agencyName ? ` · ${me.agencyName}` : ""}
      </Text>
    </Stack>
  );
}
