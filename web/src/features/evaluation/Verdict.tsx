import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Passed, failed, or not evaluated yet: a stage's outcome as a badge. */
export function Verdict({ passed, testId }: { passed: boolean | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (passed === null || passed === undefined) {
    return (
      <Badge variant="outline" color="gray" data-testid={testId}>
        {t("award.verdict.pending")}
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={passed ? "teal" : "red"} data-testid={testId}>
      {passed ? t("award.verdict.passed") : t("award.verdict.failed")}
    </Badge>
  );
}

/** Amounts in a table: right-aligned, digits of equal width, never broken. */
export const AMOUNT_STYLE = { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;
