import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { notifySuccess } from "../../lib/notify";
import { zonedYear } from "../../lib/zonedTime";
import { useCurrentUser } from "../auth/useCurrentUser";
import { usePublicLpse } from "../public/public.api";
import { emptyDraft, PackageForm } from "./PackageForm";
import { useCreatePackage } from "./packages.api";

/** A new draft package, for the PPK's own agency. */
export function PackageCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const lpse = usePublicLpse();
  const create = useCreatePackage();
  if (!me.agencyId) {
    return (
      <Alert color="red" title={t("common.errorTitle")} role="alert">
        {t("common.forbidden")}
      </Alert>
    );
  }
  const now = new Date(Date.now() + (lpse.data?.clockOffsetMs ?? 0));
  return (
    <PackageForm
      title={t("packages.createTitle")}
      agencyId={me.agencyId}
      initial={emptyDraft(zonedYear(now, lpse.data?.timeZone ?? "WIB"))}
      error={create.error}
      pending={create.isPending}
      cancelTo="/app/paket"
      onSubmit={(input) =>
        create.mutate(input, {
          onSuccess: (saved) => {
            notifySuccess(t("packages.created", { name: saved.name }));
            void navigate(`/app/paket/${saved.id}`);
          },
        })
      }
    />
  );
}
