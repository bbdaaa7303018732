import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useProcurementLabels } from "../packages/labels";

/**
 * The stage a tender is in, by name: grey before and after the schedule, blue while a stage is open,
 * outlined while the tender waits between two windows for the stage named.
 */
export function StageBadge({ stage, open = true, size = "md" }: { stage: string; open?: boolean; size?: "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  const labels = useProcurementLabels();
  const running = stage !== "belum_dimulai" && stage !== "selesai";
  const color = stage === "belum_dimulai" ? "gray" : stage === "selesai" ? "dark" : "blue";
  const waiting = running && !open;
  return (
    <Badge color={color} variant={waiting ? "outline" : "light"} size={size} data-testid="tender-stage">
      {waiting ? t("tender.waitingFor", { stage: labels.stage(stage) }) : labels.stage(stage)}
    </Badge>
  );
}
