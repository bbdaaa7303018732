import { Anchor, Badge, Button, Card, Group, NativeSelect, Pagination, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { DateTime } from "../../lib/DateTime";
import { formatCount } from "../../lib/format";
import { rupiah } from "../../lib/money";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { useLanguage } from "../../lib/useLanguage";
import { STAGE_KEYS, useProcurementLabels } from "../packages/labels";
import { CATEGORIES, METHODS } from "../packages/packages.api";
import { usePublicAgencies } from "../public/public.api";
import { PAGE_SIZE, type SearchParams, type TenderSummary, useTenderSearch } from "./tenders.api";
import { StageBadge } from "./StageBadge";

const TEXT_FIELDS = ["q", "fiscalYear", "minHps", "maxHps"] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const SELECT_FIELDS = ["agencyId", "category", "method", "stage"] as const;
type SelectField = (typeof SELECT_FIELDS)[number];

/** Query errors (`query.minHps`) belong under the matching input. */
const FIELD_PATHS = { q: "q", fiscalYear: "fiscalYear", minHps: "minHps", maxHps: "maxHps", agencyId: "agencyId" } as const;

function readParams(params: URLSearchParams): SearchParams {
  const page = Number(params.get("page") ?? "1");
  const get = (key: TextField | SelectField) => params.get(key) ?? "";
  return {
    q: get("q"),
    agencyId: get("agencyId"),
    category: get("category"),
    method: get("method"),
    stage: get("stage"),
    fiscalYear: get("fiscalYear"),
    minHps: get("minHps"),
    maxHps: get("maxHps"),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function writeParams(search: SearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [...TEXT_FIELDS, ...SELECT_FIELDS]) {
    const value = search[key].trim();
    if (value !== "") out[key] = value;
  }
  if (search.page > 1) out.page = String(search.page);
  return out;
}

/**
 * The public tender search: the filters live in the address, so a search can be bookmarked, shared and
 * returned to with the back button. Selects apply at once; typed filters when the form is sent.
 */
export function TenderSearch() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const applied = readParams(params);
  const search = useTenderSearch(applied);
  const problem = useFormProblem(search.error, FIELD_PATHS);
  const apply = (next: SearchParams) => setParams(writeParams(next));
  const filtered = Object.keys(writeParams({ ...applied, page: 1 })).length > 0;
  // A count that stopped (`totalExact` false) still reaches 1,000 past this page, so "next" always exists.
  const totalPages = search.data ? Math.max(1, Math.ceil(search.data.total / PAGE_SIZE)) : 1;
  const fieldErrors = Object.keys(problem.fields).length > 0;

  return (
    <Stack component="section" aria-labelledby="tenders-title" gap="md">
      <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
        <Title order={2} id="tenders-title">
          {t("home.packagesTitle")}
        </Title>
        <Anchor href="/api/v1/public/tenders/feed.atom" type="application/atom+xml" size="sm" title={t("search.feedHint")}>
          {t("search.feed")}
        </Anchor>
      </Group>
      {/* Keyed by the typed filters in the address, so going back in history shows them again. */}
      <SearchForm
        key={TEXT_FIELDS.map((f) => applied[f]).join("\u0000")}
        applied={applied}
        fieldErrors={problem.fields}
        filtered={filtered}
        onApply={apply}
        onReset={() => setParams({})}
      />
      {search.isPending && <PageLoader />}
      {search.isError && !fieldErrors && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
      {search.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="search-total">
            {t(search.data.totalExact ? "search.total" : "search.totalAtLeast", { count: formatCount(search.data.total, language) })}
          </Text>
          {search.data.items.length === 0 ? (
            <Text c="dimmed">{filtered ? t("search.empty") : t("search.emptyAll")}</Text>
          ) : (
            <Stack component="ul" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-labelledby="tenders-title">
              {search.data.items.map((item) => (
                <TenderCard key={item.tenderCode} item={item} />
              ))}
            </Stack>
          )}
          {totalPages > 1 && (
            <Group justify="center">
              <Pagination
                total={totalPages}
                value={Math.min(applied.page, totalPages)}
                onChange={(page) => apply({ ...applied, page })}
                siblings={1}
                boundaries={1}
                aria-label={t("search.pagination")}
                getItemProps={(page) => ({ "aria-label": t("search.page", { page }) })}
                getControlProps={(control) =>
                  control === "previous" ? { "aria-label": t("search.previous") } : control === "next" ? { "aria-label": t("search.next") } : {}
                }
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

interface SearchFormProps {
  applied: SearchParams;
  fieldErrors: Partial<Record<keyof typeof FIELD_PATHS, string>>;
  filtered: boolean;
  onApply: (search: SearchParams) => void;
  onReset: () => void;
}

function SearchForm({ applied, fieldErrors, filtered, onApply, onReset }: SearchFormProps) {
  const { t } = useTranslation();
  const labels = useProcurementLabels();
  const [draft, setDraft] = useState<Record<TextField, string>>({ q: applied.q, fiscalYear: applied.fiscalYear, minHps: applied.minHps, maxHps: applied.maxHps });
  const agencies = usePublicAgencies();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...applied, ...draft, page: 1 });
  };
  const change = (field: TextField) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setDraft((d) => ({ ...d, [field]: value }));
  };
  const select = (field: SelectField, label: string, options: { value: string; label: string }[]) => (
    <NativeSelect
      label={label}
      value={applied[field]}
      data={[{ value: "", label: t("search.all") }, ...options]}
      onChange={(e) => onApply({ ...applied, ...draft, [field]: e.currentTarget.value, page: 1 })}
      error={field === "agencyId" ? fieldErrors.agencyId : undefined}
    />
  );

  return (
    <Card withBorder radius="md" padding="md">
      <form onSubmit={submit} role="search" noValidate>
        <Stack gap="sm">
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              type="search"
              label={t("search.query")}
              placeholder={t("search.queryPlaceholder")}
              value={draft.q}
              onChange={change("q")}
              error={fieldErrors.q}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Button type="submit">
              {t("search.submit")}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" verticalSpacing="xs">
            {select("category", t("search.category"), CATEGORIES.map((c) => ({ value: c, label: labels.category(c) })))}
            {select("method", t("search.method"), METHODS.map((m) => ({ value: m, label: labels.method(m) })))}
            {select("stage", t("search.stage"), STAGE_KEYS.map((s) => ({ value: s, label: labels.stage(s) })))}
            {select("agencyId", t("search.agency"), (agencies.data ?? []).map((a) => ({ value: a.id, label: a.name })))}
            <TextInput label={t("search.fiscalYear")} inputMode="numeric" value={draft.fiscalYear} onChange={change("fiscalYear")} error={fieldErrors.fiscalYear} />
            <TextInput label={t("search.minHps")} inputMode="decimal" value={draft.minHps} onChange={change("minHps")} error={fieldErrors.minHps} />
            <TextInput label={t("search.maxHps")} inputMode="decimal" value={draft.maxHps} onChange={change("maxHps")} error={fieldErrors.maxHps} />
          </SimpleGrid>
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {t("search.amountHint")}
            </Text>
            {filtered && (
              <Button variant="subtle" size="compact-sm" onClick={onReset}>
                {t("search.reset")}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function TenderCard({ item }: { item: TenderSummary }) {
  const { t } = useTranslation();
  const labels = useProcurementLabels();
  return (
    <Card component="li" withBorder radius="md" padding="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title order={3} fz="md" style={{ minWidth: 0, overflowWrap: "anywhere" }}>
            <Anchor component={Link} to={`/tender/${item.tenderCode}`}>
              {item.name}
            </Anchor>
          </Title>
          <Text size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
            {item.tenderCode}
          </Text>
        </Group>
        <Text size="sm">
          {item.agencyName}
          <Text span c="dimmed">
            {" · "}
            {item.workUnitName}
          </Text>
        </Text>
        <Group gap={6} wrap="wrap">
          <StageBadge stage={item.stage} open={item.stageOpen} />
          <Badge variant="outline" color="gray">
            {labels.category(item.category)}
          </Badge>
          <Badge variant="outline" color="gray">
            {labels.method(item.method)}
          </Badge>
        </Group>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm">
            <Text span c="dimmed">
              {t("search.hps")}:{" "}
            </Text>
            <Text span fw={700} data-testid="tender-hps">
              {rupiah(item.hps)}
            </Text>
          </Text>
          <Text size="xs" c="dimmed">
            {t("search.published")} <DateTime value={item.publishedAt} seconds={false} />
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
