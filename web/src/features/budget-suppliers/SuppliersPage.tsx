import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CalendarDate } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { SLA_DIRECTIONS, SUPPLIER_SERVICES, type Supplier, type SupplierInput, type TargetInput, useAddReview, useAddSupplier, useSuppliers } from "./budget-suppliers.api";

const STATE_COLOURS = { ok: "green", expiring: "yellow", expired: "red" } as const;

/** /app/pemasok: suppliers of supporting services with contracts, SLA targets and periodic reviews (standard 14). */
export function SuppliersPage() {
  const { t } = useTranslation();
  const suppliers = useSuppliers();
  const [selected, setSelected] = useState<string | null>(null);
  const supplier = suppliers.data?.items.find((s) => s.id === selected);
  return (
    <Stack>
      <Title order={1}>{t("suppliers.title")}</Title>
      {suppliers.isPending && <PageLoader />}
      {suppliers.isError && <QueryError error={suppliers.error} onRetry={() => void suppliers.refetch()} />}
      {suppliers.data && (
        <>
          <Text size="sm" c="dimmed">
            {t("suppliers.alertRule", { days: suppliers.data.alertDays })}
            {suppliers.data.alerts > 0 && (
              <Badge ml="xs" color="yellow">
                {t("suppliers.alerts", { count: suppliers.data.alerts })}
              </Badge>
            )}
          </Text>
          {suppliers.data.items.length === 0 && <Text c="dimmed">{t("suppliers.none")}</Text>}
          {suppliers.data.items.length > 0 && (
            <Table withTableBorder aria-label={t("suppliers.title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("suppliers.name")}</Table.Th>
                  <Table.Th scope="col">{t("suppliers.service")}</Table.Th>
                  <Table.Th scope="col">{t("suppliers.contractNumber")}</Table.Th>
                  <Table.Th scope="col">{t("suppliers.contractEndsOn")}</Table.Th>
                  <Table.Th scope="col">{t("suppliers.targets")}</Table.Th>
                  <Table.Th scope="col">{t("suppliers.lastReview")}</Table.Th>
                  <Table.Th scope="col" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {suppliers.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Th scope="row">{s.name}</Table.Th>
                    <Table.Td>{t(`suppliers.services.${s.service}`)}</Table.Td>
                    <Table.Td>{s.contractNumber}</Table.Td>
                    <Table.Td>
                      <CalendarDate value={s.contractEndsOn} />{" "}
                      <Badge color={STATE_COLOURS[s.contract.state]}>{t(`suppliers.contractStates.${s.contract.state}`, { days: s.contract.daysLeft })}</Badge>
                    </Table.Td>
                    <Table.Td>{s.targets.map((x) => `${x.metric} ${x.direction === "at_least" ? "≥" : "≤"} ${x.target} ${x.unit}`).join("; ") || "—"}</Table.Td>
                    <Table.Td>
                      {s.reviews[0] ? <Badge color={s.reviews[0].allMet ? "green" : "red"}>{s.reviews[0].allMet ? t("suppliers.allMet") : t("suppliers.notAllMet")}</Badge> : "—"}
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setSelected(s.id)} aria-label={t("suppliers.open", { name: s.name })}>
                        {t("suppliers.reviews")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {supplier && <SupplierReviews supplier={supplier} />}
          {suppliers.data.can.manage && <SupplierForm />}
        </>
      )}
    </Stack>
  );
}

const SUPPLIER_FIELDS = { name: "name", service: "service", contractNumber: "contractNumber", contractStartsOn: "contractStartsOn", contractEndsOn: "contractEndsOn", contact: "contact", targets: "targets" } as const;

function SupplierForm() {
  const { t } = useTranslation();
  const add = useAddSupplier();
  const problem = useFormProblem(add.error, SUPPLIER_FIELDS);
  const empty = { name: "", service: "isp" as SupplierInput["service"], contractNumber: "", contractStartsOn: "", contractEndsOn: "", contact: "" };
  const [form, setForm] = useState(empty);
  const [targets, setTargets] = useState<TargetInput[]>([]);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const setTarget = (i: number, change: Partial<TargetInput>) => setTargets(targets.map((x, j) => (j === i ? { ...x, ...change } : x)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { ...form, assetIds: [], targets: targets.map((x) => ({ ...x, target: x.target.trim().replace(",", ".") })) },
      {
        onSuccess: () => {
          notifySuccess(t("suppliers.saved"));
          setForm(empty);
          setTargets([]);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" maw={900}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4">
            {t("suppliers.new")}
          </Title>
          <Group grow>
            <TextInput label={t("suppliers.name")} required value={form.name} onChange={set("name")} error={problem.fields.name} />
            <NativeSelect label={t("suppliers.service")} value={form.service} onChange={set("service")} data={SUPPLIER_SERVICES.map((s) => ({ value: s, label: t(`suppliers.services.${s}`) }))} />
          </Group>
          <Group grow>
            <TextInput label={t("suppliers.contractNumber")} required value={form.contractNumber} onChange={set("contractNumber")} error={problem.fields.contractNumber} />
            <TextInput label={t("suppliers.contractStartsOn")} type="date" required value={form.contractStartsOn} onChange={set("contractStartsOn")} error={problem.fields.contractStartsOn} />
            <TextInput label={t("suppliers.contractEndsOn")} type="date" required value={form.contractEndsOn} onChange={set("contractEndsOn")} error={problem.fields.contractEndsOn} />
          </Group>
          <TextInput label={t("suppliers.contact")} required value={form.contact} onChange={set("contact")} error={problem.fields.contact} />
          {targets.map((x, i) => (
            <Group key={i} grow align="flex-end">
              <TextInput label={t("suppliers.metric", { n: i + 1 })} required value={x.metric} onChange={(e) => setTarget(i, { metric: e.currentTarget.value })} />
              <NativeSelect
                label={t("suppliers.direction", { n: i + 1 })}
                value={x.direction}
                onChange={(e) => setTarget(i, { direction: e.currentTarget.value as TargetInput["direction"] })}
                data={SLA_DIRECTIONS.map((d) => ({ value: d, label: t(`suppliers.directions.${d}`) }))}
              />
              <TextInput label={t("suppliers.targetValue", { n: i + 1 })} required inputMode="decimal" value={x.target} onChange={(e) => setTarget(i, { target: e.currentTarget.value })} />
              <TextInput label={t("suppliers.unit", { n: i + 1 })} required value={x.unit} onChange={(e) => setTarget(i, { unit: e.currentTarget.value })} />
            </Group>
          ))}
          <Group>
            <Button variant="light" onClick={() => setTargets([...targets, { metric: "", target: "", unit: "%", direction: "at_least" }])}>
              {t("suppliers.addTarget")}
            </Button>
          </Group>
          <FormAlert message={problem.fields.targets ?? problem.general} />
          <Button type="submit" loading={add.isPending}>
            {t("suppliers.save")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function SupplierReviews({ supplier }: { supplier: Supplier }) {
  const { t } = useTranslation();
  const add = useAddReview();
  const problem = useFormProblem(add.error, { periodFrom: "periodFrom", periodTo: "periodTo", rating: "rating", notes: "notes", measurements: "measurements" } as const);
  const empty = { periodFrom: "", periodTo: "", rating: "3", notes: "" };
  const [form, setForm] = useState(empty);
  const [measured, setMeasured] = useState<Record<string, string>>({});
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const measurements = supplier.targets.filter((x) => (measured[x.id] ?? "").trim() !== "").map((x) => ({ targetId: x.id, measured: (measured[x.id] ?? "").trim().replace(",", ".") }));
    add.mutate(
      { supplierId: supplier.id, ...form, rating: Number(form.rating), measurements },
      {
        onSuccess: () => {
          notifySuccess(t("suppliers.reviewSaved"));
          setForm(empty);
          setMeasured({});
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Title order={3} size="h4">
          {t("suppliers.reviewsOf", { name: supplier.name })}
        </Title>
        <Text size="sm">
          {t("suppliers.contractPeriod")}: <CalendarDate value={supplier.contractStartsOn} /> – <CalendarDate value={supplier.contractEndsOn} /> · {supplier.contact}
        </Text>
        {supplier.reviews.length === 0 && <Text c="dimmed">{t("suppliers.noReviews")}</Text>}
        {supplier.reviews.map((r) => (
          <Paper key={r.id} withBorder p="sm" radius="sm" role="group" aria-label={t("suppliers.reviewOf", { from: r.periodFrom, to: r.periodTo })}>
            <Group justify="space-between">
              <Text fw={600}>
                <CalendarDate value={r.periodFrom} /> – <CalendarDate value={r.periodTo} />
              </Text>
              <Group gap={4}>
                <Badge color="blue">{t("suppliers.ratingOf", { rating: r.rating })}</Badge>
                <Badge color={r.allMet ? "green" : "red"}>{r.allMet ? t("suppliers.allMet") : t("suppliers.notAllMet")}</Badge>
              </Group>
            </Group>
            {r.measurements.map((m) => (
              <Text key={m.targetId} size="sm">
                {m.metric}: {m.measured} {m.unit} ({t("suppliers.targetShort")} {m.target} {m.unit}) — <strong>{m.met ? t("suppliers.met") : t("suppliers.notMet")}</strong>
              </Text>
            ))}
            {r.notes && (
              <Text size="sm" c="dimmed">
                {r.notes}
              </Text>
            )}
          </Paper>
        ))}
        {supplier.can.manage && supplier.targets.length > 0 && (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={4} size="h5">
                {t("suppliers.newReview")}
              </Title>
              <Group grow>
                <TextInput label={t("suppliers.periodFrom")} type="date" required value={form.periodFrom} onChange={set("periodFrom")} error={problem.fields.periodFrom} />
                <TextInput label={t("suppliers.periodTo")} type="date" required value={form.periodTo} onChange={set("periodTo")} error={problem.fields.periodTo} />
                <NativeSelect label={t("suppliers.rating")} value={form.rating} onChange={set("rating")} data={["1", "2", "3", "4", "5"]} />
              </Group>
              {supplier.targets.map((x) => (
                <TextInput
                  key={x.id}
                  label={t("suppliers.measured", { metric: x.metric, unit: x.unit })}
                  inputMode="decimal"
                  value={measured[x.id] ?? ""}
                  onChange={(e) => setMeasured({ ...measured, [x.id]: e.currentTarget.value })}
                />
              ))}
              <Textarea label={t("suppliers.notes")} autosize minRows={2} value={form.notes} onChange={set("notes")} error={problem.fields.notes} />
              <FormAlert message={problem.fields.measurements ?? problem.general} />
              <Button type="submit" loading={add.isPending}>
                {t("suppliers.saveReview")}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
