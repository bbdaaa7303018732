import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { Section } from "../tenders/Section";
import { useDirect } from "./direct.api";
import { DirectFacts, QuotationTable } from "./DirectSummary";

/**
 * The direct procurement as those who answer for the package read it (its PPK, the agency's PA/KPA, LPSE
 * oversight): what the official and the vendor have done so far, without forms. Others are not shown it.
 */
export function DirectProgressSection({ packageId }: { packageId: string }) {
  const { t } = useTranslation();
  const direct = useDirect(packageId);
  if (direct.isPending) return <PageLoader />;
  // The server answers 404 both before the invitation and to those who may not read it: nothing to show.
  if (direct.isError) return <QueryError error={direct.error} onRetry={() => void direct.refetch()} />;
  return (
    <Section id="direct-progress-title" title={t("direct.title")} testId="direct-progress">
      {direct.data === null ? (
        <Text size="sm" c="dimmed">
          {t("direct.progressNone")}
        </Text>
      ) : (
        <>
          <DirectFacts direct={direct.data} />
          {direct.data.quotation !== null && <QuotationTable direct={direct.data} />}
        </>
      )}
    </Section>
  );
}
