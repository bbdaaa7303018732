import { Badge } from "@mantine/core";
import { useProcurementLabels } from "../packages/labels";

/** The stage a tender is in, by name: grey before and after the schedule, blue while it runs. */
export function StageBadge({ stage, size = "md" }: { stage: string; size?: "sm" | "md" | "lg" }) {
  const labels = useProcurementLabels();
  const color = stage === "belum_dimulai" ? "gray" : stage === "selesai" ? "dark" : "blue";
  return (
    <Badge color={color} variant="light" size={size} data-testid="tender-stage">
      {labels.stage(stage)}
    </Badge>
  );
}
