import { Alert, Anchor, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { isApiError } from "../../lib/api";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useCurrentUser } from "../auth/useCurrentUser";
import { draftOf, PackageForm } from "./PackageForm";
import { type Package, usePackage, useUpdatePackage } from "./packages.api";

/** Its PPK edits a draft package; the whole package (with the HPS lines) is saved at once. */
export function PackageEditPage() {
  const { t } = useTranslation();
  const { packageId = "" } = useParams();
  const pkg = usePackage(packageId);
  const me = useCurrentUser();
  const back = `/app/paket/${packageId}`;
  if (pkg.isPending) return <PageLoader />;
  if (pkg.isError) {
    return (
      <Stack>
        <Anchor component={Link} to="/app/paket" size="sm">
          ← {t("common.back")}
        </Anchor>
        {isApiError(pkg.error) && pkg.error.status === 404 ? <Alert color="red">{t("packages.notFound")}</Alert> : <QueryError error={pkg.error} onRetry={() => void pkg.refetch()} />}
      </Stack>
    );
  }
  if (me.role !== "ppk" || me.id !== pkg.data.ppkId || pkg.data.status !== "draft") {
    return (
      <Stack>
        <Anchor component={Link} to={back} size="sm">
          ← {t("common.back")}
        </Anchor>
        <Alert color="red">{t("packages.ppkOnly")}</Alert>
      </Stack>
    );
  }
  return <EditForm pkg={pkg.data} back={back} />;
}

function EditForm({ pkg, back }: { pkg: Package; back: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdatePackage(pkg.id);
  return (
    <PackageForm
      title={t("packages.editTitle")}
      agencyId={pkg.agencyId}
      initial={draftOf(pkg)}
      error={update.error}
      pending={update.isPending}
      cancelTo={back}
      onSubmit={(input) =>
        update.mutate(input, {
          onSuccess: (saved) => {
            notifySuccess(t("packages.updated", { name: saved.name }));
            void navigate(back);
          },
        })
      }
    />
  );
}
