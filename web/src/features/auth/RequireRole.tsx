import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { mayOpenRolePage, type RolePage } from "../../layout/navItems";
import { useCurrentUser } from "./useCurrentUser";

/** Pages for some roles only (see ROLE_PAGES): the server enforces the same rule. */
export function RequireRole({ page }: { page: RolePage }) {
  const me = useCurrentUser();
  const { t } = useTranslation();
  if (!mayOpenRolePage(me, page)) {
    return (
      <Alert color="red" title={t("common.errorTitle")} role="alert">
        {t("common.forbidden")}
      </Alert>
    );
  }
  return <Outlet />;
}
