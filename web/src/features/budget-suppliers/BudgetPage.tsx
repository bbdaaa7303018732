import { Badge, Button, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CalendarDate } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { normalizeRupiah, rupiah } from "../../lib/money";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { useAssets } from "../registers/registers.api";
import { type BudgetLine, COST_COMPONENTS, type LineInput, useAddLine, useAddRealisation, useBudgetYear, useCloseYear } from "./budget-suppliers.api";

export function usePercent(): (value: number) => string {
  const { i18n } = useTranslation();
  return (value) => `${value.toLocaleString(i18n.language === "en" ? "en-GB" : "id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

/** /app/anggaran: the service budget per fiscal year, by cost component, with realisation (standard 13). */
export function BudgetPage() {
  const { t } = useTranslation();
  const percent = usePercent();
  const [year, setYear] = useState(new Date().getFullYear());
  const budget = useBudgetYear(year);
  const close = useCloseYear();
  const closeProblem = useFormProblem(close.error, {} as const);
  const [selected, setSelected] = useState<string | null>(null);
  const line = budget.data?.lines.find((l) => l.id === selected);
  return (
    <Stack>
      <Title order={1}>{t("budget.title")}</Title>
      <Group align="flex-end">
        <NumberInput label={t("budget.year")} min={2000} max={2100} value={year} onChange={(v) => typeof v === "number" && setYear(v)} w={160} />
        {budget.data?.closed && <Badge color="gray">{t("budget.closed")}</Badge>}
      </Group>
      {budget.isPending && <PageLoader />}
      {budget.isError && <QueryError error={budget.error} onRetry={() => void budget.refetch()} />}
      {budget.data && (
        <>
          <Title order={2} size="h3">
            {t("budget.summary")}
          </Title>
          {budget.data.lines.length === 0 && <Text c="dimmed">{t("budget.noLines")}</Text>}
          {budget.data.lines.length > 0 && (
            <Table withTableBorder aria-label={t("budget.summary")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("budget.component")}</Table.Th>
                  <Table.Th scope="col">{t("budget.planned")}</Table.Th>
                  <Table.Th scope="col">{t("budget.realised")}</Table.Th>
                  <Table.Th scope="col">{t("budget.share")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {budget.data.byComponent.map((c) => (
                  <Table.Tr key={c.component}>
                    <Table.Th scope="row">
                      {t(`budget.components.${c.component}`)} <Text span size="xs" c="dimmed">({t(`budget.categories.${c.category}`)})</Text>
                    </Table.Th>
                    <Table.Td>{rupiah(c.planned)}</Table.Td>
                    <Table.Td>{rupiah(c.realised)}</Table.Td>
                    <Table.Td>{percent(c.realisedPercent)}</Table.Td>
                  </Table.Tr>
                ))}
                {(["operating", "capital"] as const).map((category) => (
                  <Table.Tr key={category}>
                    <Table.Th scope="row">{t(`budget.categoryTotal.${category}`)}</Table.Th>
                    <Table.Td>{rupiah(budget.data.byCategory[category].planned)}</Table.Td>
                    <Table.Td>{rupiah(budget.data.byCategory[category].realised)}</Table.Td>
                    <Table.Td>{percent(budget.data.byCategory[category].realisedPercent)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr fw={700}>
                  <Table.Th scope="row">{t("budget.total")}</Table.Th>
                  <Table.Td>{rupiah(budget.data.total.planned)}</Table.Td>
                  <Table.Td>{rupiah(budget.data.total.realised)}</Table.Td>
                  <Table.Td data-testid="budget-total-share">{percent(budget.data.total.realisedPercent)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )}

          <Title order={2} size="h3">
            {t("budget.lines")}
          </Title>
          {budget.data.lines.length > 0 && (
            <Table withTableBorder aria-label={t("budget.lines")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("budget.description")}</Table.Th>
                  <Table.Th scope="col">{t("budget.component")}</Table.Th>
                  <Table.Th scope="col">{t("budget.asset")}</Table.Th>
                  <Table.Th scope="col">{t("budget.planned")}</Table.Th>
                  <Table.Th scope="col">{t("budget.realised")}</Table.Th>
                  <Table.Th scope="col">{t("budget.remaining")}</Table.Th>
                  <Table.Th scope="col">{t("budget.share")}</Table.Th>
                  <Table.Th scope="col" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {budget.data.lines.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Th scope="row">{l.description}</Table.Th>
                    <Table.Td>{t(`budget.components.${l.component}`)}</Table.Td>
                    <Table.Td>{l.asset ? `${l.asset.code} ${l.asset.name}` : "—"}</Table.Td>
                    <Table.Td>{rupiah(l.planned)}</Table.Td>
                    <Table.Td>{rupiah(l.realised)}</Table.Td>
                    <Table.Td>{rupiah(l.remaining)}</Table.Td>
                    <Table.Td>{percent(l.realisedPercent)}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setSelected(l.id)} aria-label={t("budget.openLine", { line: l.description })}>
                        {t("budget.realisations")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {line && <LineRealisations line={line} manage={budget.data.can.manage} />}
          {budget.data.can.manage && <LineForm year={year} />}
          {budget.data.can.manage && budget.data.lines.length > 0 && (
            <Group>
              <Button color="red" variant="light" loading={close.isPending} onClick={() => close.mutate(year, { onSuccess: () => notifySuccess(t("budget.yearClosed", { year })) })}>
                {t("budget.closeYear", { year })}
              </Button>
              <FormAlert message={closeProblem.general} />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

const LINE_FIELDS = { component: "component", description: "description", planned: "planned", assetId: "assetId", year: "year" } as const;

function LineForm({ year }: { year: number }) {
  const { t } = useTranslation();
  const add = useAddLine();
  const assets = useAssets();
  const problem = useFormProblem(add.error, LINE_FIELDS);
  const empty = { component: "internet" as LineInput["component"], description: "", planned: "", assetId: "" };
  const [form, setForm] = useState(empty);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { year, component: form.component, description: form.description, planned: normalizeRupiah(form.planned), assetId: form.assetId || null },
      {
        onSuccess: () => {
          notifySuccess(t("budget.lineSaved"));
          setForm(empty);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" maw={820}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4">
            {t("budget.newLine", { year })}
          </Title>
          <Group grow>
            <NativeSelect
              label={t("budget.component")}
              value={form.component}
              onChange={(e) => setForm({ ...form, component: e.currentTarget.value as LineInput["component"] })}
              data={COST_COMPONENTS.map((c) => ({ value: c, label: t(`budget.components.${c}`) }))}
              error={problem.fields.component}
            />
            <TextInput label={t("budget.plannedRp")} required inputMode="decimal" value={form.planned} onChange={(e) => setForm({ ...form, planned: e.currentTarget.value })} error={problem.fields.planned} />
          </Group>
          <TextInput label={t("budget.description")} required value={form.description} onChange={(e) => setForm({ ...form, description: e.currentTarget.value })} error={problem.fields.description} />
          <NativeSelect
            label={t("budget.asset")}
            value={form.assetId}
            onChange={(e) => setForm({ ...form, assetId: e.currentTarget.value })}
            data={[{ value: "", label: t("budget.noAsset") }, ...(assets.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))]}
            error={problem.fields.assetId}
          />
          <FormAlert message={problem.fields.year ?? problem.general} />
          <Button type="submit" loading={add.isPending}>
            {t("budget.saveLine")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function LineRealisations({ line, manage }: { line: BudgetLine; manage: boolean }) {
  const { t } = useTranslation();
  const add = useAddRealisation();
  const problem = useFormProblem(add.error, { realisedOn: "realisedOn", amount: "amount", description: "description", reference: "reference" } as const);
  const empty = { realisedOn: "", amount: "", description: "", reference: "" };
  const [form, setForm] = useState(empty);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { lineId: line.id, ...form, amount: normalizeRupiah(form.amount) },
      {
        onSuccess: () => {
          notifySuccess(t("budget.realisationSaved"));
          setForm(empty);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Title order={3} size="h4">
          {t("budget.realisationsOf", { line: line.description })}
        </Title>
        {line.realisations.length === 0 && <Text c="dimmed">{t("budget.noRealisations")}</Text>}
        {line.realisations.length > 0 && (
          <Table withTableBorder aria-label={t("budget.realisationsOf", { line: line.description })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("budget.realisedOn")}</Table.Th>
                <Table.Th scope="col">{t("budget.description")}</Table.Th>
                <Table.Th scope="col">{t("budget.reference")}</Table.Th>
                <Table.Th scope="col">{t("budget.amount")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {line.realisations.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <CalendarDate value={r.realisedOn} />
                  </Table.Td>
                  <Table.Th scope="row">{r.description}</Table.Th>
                  <Table.Td>{r.reference || "—"}</Table.Td>
                  <Table.Td>{rupiah(r.amount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {manage && (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Group grow>
                <TextInput label={t("budget.realisedOn")} type="date" required value={form.realisedOn} onChange={set("realisedOn")} error={problem.fields.realisedOn} />
                <TextInput label={t("budget.amountRp")} required inputMode="decimal" value={form.amount} onChange={set("amount")} error={problem.fields.amount} />
              </Group>
              <Group grow>
                <TextInput label={t("budget.realisationDescription")} required value={form.description} onChange={set("description")} error={problem.fields.description} />
                <TextInput label={t("budget.reference")} value={form.reference} onChange={set("reference")} error={problem.fields.reference} />
              </Group>
              <FormAlert message={problem.general} />
              <Button type="submit" loading={add.isPending}>
                {t("budget.saveRealisation")}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
