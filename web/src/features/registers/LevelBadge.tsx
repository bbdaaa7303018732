import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

export const LEVEL_COLORS = { rendah: "green", sedang: "yellow", tinggi: "red" } as const;

/** A rendah / sedang / tinggi badge, for asset classes and risk levels. */
export function LevelBadge({ level }: { level: keyof typeof LEVEL_COLORS }) {
  const { t } = useTranslation();
  return (
    <Badge color={LEVEL_COLORS[level]} variant="light">
      {t(`registers.levels.${level}`)}
    </Badge>
  );
}
