import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function PackageStatusBadge({ status, size = "md" }: { status: "draft" | "published"; size?: "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === "published" ? "teal" : "gray"} variant="light" size={size} data-testid="package-status">
      {t(`packages.statuses.${status}`)}
    </Badge>
  );
}
