import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { REGULATION_KINDS, REGULATION_STATUSES, type Regulation, type RegulationInput, useRegulations, useSaveRegulation } from "./compliance.api";
import { ExpiryBadge } from "./ExpiryBadge";

const FIELDS = { title: "title", number: "number", kind: "kind", issuedOn: "issuedOn", validUntil: "validUntil", reviewOn: "reviewOn", status: "status", replacedBy: "replacedBy", link: "link", notes: "notes" } as const;
const EMPTY = { title: "", number: "", kind: "perpres", issuedOn: "", validUntil: "", reviewOn: "", status: "in_force", replacedBy: "", link: "", notes: "" };
type Form = typeof EMPTY;

const toForm = (r: Regulation): Form => ({
  title: r.title, number: r.number, kind: r.kind, issuedOn: r.issuedOn, validUntil: r.validUntil ?? "", reviewOn: r.reviewOn ?? "", status: r.status,
  replacedBy: r.replacedBy ?? "", link: r.link ?? "", notes: r.notes ?? "",
});

const toInput = (f: Form): RegulationInput => ({
  title: f.title, number: f.number, kind: f.kind as RegulationInput["kind"], issuedOn: f.issuedOn, validUntil: f.validUntil || null, reviewOn: f.reviewOn || null,
  status: f.status as RegulationInput["status"], replacedBy: f.replacedBy.trim() || null, link: f.link.trim() || null, notes: f.notes.trim() || null,
});

/** /app/peraturan: the regulation register (standard 1.3 and 16.1) with expiry and review alerts. */
export function RegulationsPage() {
  const { t } = useTranslation();
  const regulations = useRegulations();
  const save = useSaveRegulation();
  const problem = useFormProblem(save.error, FIELDS);
  const [editing, setEditing] = useState<{ id: string | null; form: Form } | null>(null);
  const set = (key: keyof Form) => (e: { currentTarget: { value: string } }) => editing && setEditing({ ...editing, form: { ...editing.form, [key]: e.currentTarget.value } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (editing) save.mutate({ id: editing.id, input: toInput(editing.form) }, { onSuccess: () => setEditing(null) });
  };
  const data = regulations.data;
  return (
    <Stack>
      <div>
        <Title order={1}>{t("compliance.regulationsTitle")}</Title>
        <Text c="dimmed">{t("compliance.regulationsIntro")}</Text>
      </div>
      {regulations.isPending && <PageLoader />}
      {regulations.isError && <QueryError error={regulations.error} onRetry={() => void regulations.refetch()} />}
      {data && (
        <Alert color={data.alerts > 0 ? "orange" : "green"} role="status">
          {data.alerts > 0 ? t("compliance.regulationAlerts", { count: data.alerts, days: data.alertDays }) : t("compliance.noRegulationAlerts", { days: data.alertDays })}
        </Alert>
      )}
      {data?.can.manage && !editing && (
        <Group>
          <Button onClick={() => { save.reset(); setEditing({ id: null, form: EMPTY }); }}>{t("compliance.newRegulation")}</Button>
        </Group>
      )}
      {editing && (
        <Paper withBorder p="md" radius="md" maw={760}>
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={2} size="h3">{editing.id ? t("compliance.editRegulation") : t("compliance.newRegulation")}</Title>
              <TextInput label={t("compliance.title")} required value={editing.form.title} onChange={set("title")} error={problem.fields.title} />
              <Group grow>
                <TextInput label={t("compliance.number")} description={t("compliance.numberHint")} required value={editing.form.number} onChange={set("number")} error={problem.fields.number} />
                <NativeSelect label={t("compliance.kind")} value={editing.form.kind} onChange={set("kind")} error={problem.fields.kind} data={REGULATION_KINDS.map((v) => ({ value: v, label: t(`compliance.kinds.${v}`) }))} />
              </Group>
              <Group grow>
                <TextInput type="date" label={t("compliance.issuedOn")} required value={editing.form.issuedOn} onChange={set("issuedOn")} error={problem.fields.issuedOn} />
                <TextInput type="date" label={t("compliance.validUntil")} value={editing.form.validUntil} onChange={set("validUntil")} error={problem.fields.validUntil} />
                <TextInput type="date" label={t("compliance.reviewOn")} value={editing.form.reviewOn} onChange={set("reviewOn")} error={problem.fields.reviewOn} />
              </Group>
              <Group grow>
                <NativeSelect label={t("compliance.status")} value={editing.form.status} onChange={set("status")} error={problem.fields.status} data={REGULATION_STATUSES.map((v) => ({ value: v, label: t(`compliance.statuses.${v}`) }))} />
                <TextInput label={t("compliance.replacedBy")} value={editing.form.replacedBy} onChange={set("replacedBy")} error={problem.fields.replacedBy} disabled={editing.form.status !== "replaced"} />
              </Group>
              <TextInput type="url" label={t("compliance.link")} value={editing.form.link} onChange={set("link")} error={problem.fields.link} />
              <Textarea label={t("compliance.notes")} autosize minRows={2} value={editing.form.notes} onChange={set("notes")} error={problem.fields.notes} />
              <FormAlert message={problem.general} />
              <Group>
                <Button type="submit" loading={save.isPending}>{t("compliance.save")}</Button>
                <Button variant="default" onClick={() => setEditing(null)}>{t("compliance.cancel")}</Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      {data && data.items.length === 0 && <Text c="dimmed">{t("compliance.empty")}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={960}>
          <Table striped verticalSpacing="sm" aria-label={t("compliance.regulationTable")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("compliance.number")}</Table.Th>
                <Table.Th scope="col">{t("compliance.title")}</Table.Th>
                <Table.Th scope="col">{t("compliance.kind")}</Table.Th>
                <Table.Th scope="col">{t("compliance.issuedOn")}</Table.Th>
                <Table.Th scope="col">{t("compliance.validity")}</Table.Th>
                <Table.Th scope="col">{t("compliance.status")}</Table.Th>
                {data.can.manage && <Table.Th scope="col" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.link ? <Anchor href={r.link} target="_blank" rel="noopener noreferrer">{r.number}</Anchor> : r.number}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.title}</Text>
                    {r.notes && <Text size="xs" c="dimmed">{r.notes}</Text>}
                  </Table.Td>
                  <Table.Td>{t(`compliance.kinds.${r.kind}`)}</Table.Td>
                  <Table.Td>{r.issuedOn}</Table.Td>
                  <Table.Td>
                    <ExpiryBadge date={r.validUntil} expiry={r.expiry} />
                    {r.reviewDue && <Badge variant="light" color="orange">{t("compliance.reviewDue")} ({r.reviewOn})</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={r.status === "in_force" ? "green" : "gray"}>{t(`compliance.statuses.${r.status}`)}</Badge>
                    {r.replacedBy && <Text size="xs" c="dimmed">{t("compliance.replacedBy")}: {r.replacedBy}</Text>}
                  </Table.Td>
                  {data.can.manage && (
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => { save.reset(); setEditing({ id: r.id, form: toForm(r) }); }} aria-label={`${t("compliance.edit")} ${r.number}`}>
                        {t("compliance.edit")}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
