import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { VendorStatus } from "./vendors.api";

const COLORS: Record<VendorStatus, string> = { draft: "gray", submitted: "yellow", verified: "teal", rejected: "red" };

export function VendorStatusBadge({ status, size = "md" }: { status: VendorStatus; size?: "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" size={size} data-testid="vendor-status">
      {t(`vendor.statuses.${status}`)}
    </Badge>
  );
}
