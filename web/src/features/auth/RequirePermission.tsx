import { Alert } from "@mantine/core";
import { Outlet } from "react-router";
import { useTranslation } from "react-i18next";
import type { Permission } from "./auth.api";
import { useCurrentUser } from "./useCurrentUser";

/** Admin pages: the server enforces the same rule; this only avoids showing a page that would fail. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const me = useCurrentUser();
  const { t } = useTranslation();
  if (!me.permissions[permission]) {
    return (
      <Alert color="red" title={t("common.errorTitle")} role="alert">
        {t("common.forbidden")}
      </Alert>
    );
  }
  return <Outlet />;
}
