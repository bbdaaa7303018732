import { Anchor, Badge, Card, Group, NativeSelect, Pagination, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateTime } from "../../lib/DateTime";
import { formatCount } from "../../lib/format";
import { rupiah } from "../../lib/money";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useLanguage } from "../../lib/useLanguage";
import { useProcurementLabels } from "../packages/labels";
import { usePublicAgencies } from "../public/public.api";
import { type DirectResult, useDirectResults } from "./direct.api";

/**
 * The public results of Pengadaan Langsung: each decided package with its agency and HPS, and the vendor
 * with the agreed price, or the reason it failed. Quotations and negotiation minutes are not shown.
 */
export function DirectResultsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [filter, setFilter] = useState({ agencyId: "", page: 1 });
  const results = useDirectResults(filter);
  const agencies = usePublicAgencies();
  const totalPages = results.data ? Math.ceil(results.data.total / results.data.perPage) : 0;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/" size="sm">
          ← {t("directResults.home")}
        </Anchor>
        <Title order={1} id="direct-results-title">
          {t("directResults.title")}
        </Title>
        <Text c="dimmed">{t("directResults.intro")}</Text>
      </div>
      <NativeSelect
        label={t("search.agency")}
        value={filter.agencyId}
        data={[{ value: "", label: t("search.all") }, ...(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))]}
        onChange={(e) => setFilter({ agencyId: e.currentTarget.value, page: 1 })}
        maw={480}
      />
      {results.isPending ? (
        <PageLoader />
      ) : results.isError ? (
        <QueryError error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="direct-results-total">
            {t("directResults.total", { count: formatCount(results.data.total, language) })}
          </Text>
          {results.data.items.length === 0 ? (
            <Text c="dimmed">{t("directResults.empty")}</Text>
          ) : (
            <Stack component="ul" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-labelledby="direct-results-title">
              {results.data.items.map((item) => (
                <ResultCard key={item.packageId} item={item} />
              ))}
            </Stack>
          )}
          {totalPages > 1 && (
            <Group justify="center">
              <Pagination total={totalPages} value={filter.page} onChange={(page) => setFilter((f) => ({ ...f, page }))} aria-label={t("search.pagination")} />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

function ResultCard({ item }: { item: DirectResult }) {
  const { t } = useTranslation();
  const labels = useProcurementLabels();
  return (
    <Card component="li" withBorder radius="md" padding="md" data-testid="direct-result">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>{item.name}</Text>
          <Badge color={item.status === "awarded" ? "teal" : "red"} variant="light">
            {t(`direct.status.${item.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {item.agencyName} · {labels.category(item.category)} · {t("directResults.rup", { code: item.rupCode })} · {t("directResults.fiscalYear", { year: item.fiscalYear })}
        </Text>
        <Text size="sm">
          {t("directResults.hps")}: {rupiah(item.hps)}
        </Text>
        {item.status === "awarded" ? (
          <Text size="sm">
            {t("directResults.vendor")}: <strong>{item.vendorName}</strong> · {t("directResults.price")}: <strong>{rupiah(item.price ?? "0")}</strong>
          </Text>
        ) : (
          <Text size="sm">
            {t("directResults.reason")}: {item.reason}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t("directResults.decidedAt")} <DateTime value={item.decidedAt} />
        </Text>
      </Stack>
    </Card>
  );
}
