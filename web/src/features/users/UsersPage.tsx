import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { ROLES } from "../../lib/roles";
import { useAgencies } from "../agencies/agencies.api";
import { useCurrentUser } from "../auth/useCurrentUser";
import { AgencySelect } from "./AgencySelect";
import { RoleSelect } from "./RoleSelect";
import { type UserFilters, useUsers } from "./users.api";
import { UsersTable } from "./UsersTable";

export function UsersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  // An agency administrator only ever sees its own agency: no agency filter for them.
  const lpseWide = me.role !== "admin_agency";
  const [filters, setFilters] = useState<UserFilters>({ role: "", agencyId: "" });
  const users = useUsers(filters);
  const agencies = useAgencies(lpseWide);

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t("users.title")}</Title>
        {/* A button, not a link: its name must not match a search for the "Pengguna" navigation link. */}
        <Button onClick={() => void navigate("/app/users/new")}>{t("users.add")}</Button>
      </Group>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <RoleSelect
          label={t("users.filterRole")}
          roles={ROLES}
          value={filters.role}
          emptyLabel={t("users.all")}
          onChange={(role) => setFilters((f) => ({ ...f, role }))}
        />
        {lpseWide && (
          <AgencySelect
            label={t("users.filterAgency")}
            agencies={agencies.data ?? []}
            value={filters.agencyId}
            emptyLabel={t("users.all")}
            onChange={(agencyId) => setFilters((f) => ({ ...f, agencyId }))}
          />
        )}
      </Group>
      {users.isPending && <PageLoader />}
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && users.data.length === 0 && <Text c="dimmed">{t("users.empty")}</Text>}
      {users.data && users.data.length > 0 && <UsersTable users={users.data} currentUserId={me.id} />}
    </Stack>
  );
}
