import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { ASSET_TYPES, type Asset, type AssetInput, useAssets, useSaveAsset } from "./registers.api";
import { LevelBadge } from "./LevelBadge";

const FIELDS = { code: "code", name: "name", owner: "owner", location: "location", acquiredOn: "acquiredOn", expiresOn: "expiresOn", notes: "notes" } as const;
const EMPTY = { code: "", name: "", type: "hardware", owner: "", location: "", confidentiality: "2", integrity: "2", availability: "2", acquiredOn: "", expiresOn: "", notes: "" };
type Form = typeof EMPTY;

const toForm = (a: Asset): Form => ({
  code: a.code, name: a.name, type: a.type, owner: a.owner, location: a.location, confidentiality: String(a.confidentiality), integrity: String(a.integrity),
  availability: String(a.availability), acquiredOn: a.acquiredOn ?? "", expiresOn: a.expiresOn ?? "", notes: a.notes ?? "",
});

/** /app/register/aset: the asset register (standard 3) with values and expiry alerts. */
export function AssetsPage() {
  const { t } = useTranslation();
  const assets = useAssets();
  const save = useSaveAsset();
  const problem = useFormProblem(save.error, FIELDS);
  const [editing, setEditing] = useState<{ id: string | null; form: Form } | null>(null);
  const set = (key: keyof Form) => (e: { currentTarget: { value: string } }) => editing && setEditing({ ...editing, form: { ...editing.form, [key]: e.currentTarget.value } });
  const ratings = ["1", "2", "3"].map((v) => ({ value: v, label: v }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const f = editing.form;
    const input: AssetInput = {
      code: f.code, name: f.name, type: f.type as AssetInput["type"], owner: f.owner, location: f.location,
      confidentiality: Number(f.confidentiality), integrity: Number(f.integrity), availability: Number(f.availability),
      acquiredOn: f.acquiredOn || null, expiresOn: f.expiresOn || null, notes: f.notes.trim() || null,
    };
    save.mutate({ id: editing.id, input }, { onSuccess: () => setEditing(null) });
  };
  const data = assets.data;
  return (
    <Stack>
      <div>
        <Title order={1}>{t("registers.assetsTitle")}</Title>
        <Text c="dimmed">{t("registers.assetsIntro")}</Text>
      </div>
      {assets.isPending && <PageLoader />}
      {assets.isError && <QueryError error={assets.error} onRetry={() => void assets.refetch()} />}
      {data && (
        <Alert color={data.alerts > 0 ? "orange" : "green"} role="status">
          {data.alerts > 0 ? t("registers.alerts", { count: data.alerts, days: data.alertDays }) : t("registers.noAlerts", { days: data.alertDays })}
        </Alert>
      )}
      {data?.can.manage && !editing && (
        <Group>
          <Button onClick={() => { save.reset(); setEditing({ id: null, form: EMPTY }); }}>{t("registers.newAsset")}</Button>
        </Group>
      )}
      {editing && (
        <Paper withBorder p="md" radius="md" maw={760}>
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={2} size="h3">{editing.id ? t("registers.editAsset") : t("registers.newAsset")}</Title>
              <Group grow>
                <TextInput label={t("registers.code")} required value={editing.form.code} onChange={set("code")} error={problem.fields.code} />
                <NativeSelect label={t("registers.type")} value={editing.form.type} onChange={set("type")} data={ASSET_TYPES.map((v) => ({ value: v, label: t(`registers.types.${v}`) }))} />
              </Group>
              <TextInput label={t("registers.name")} required value={editing.form.name} onChange={set("name")} error={problem.fields.name} />
              <Group grow>
                <TextInput label={t("registers.owner")} required value={editing.form.owner} onChange={set("owner")} error={problem.fields.owner} />
                <TextInput label={t("registers.location")} required value={editing.form.location} onChange={set("location")} error={problem.fields.location} />
              </Group>
              <Group grow>
                <NativeSelect label={t("registers.confidentiality")} value={editing.form.confidentiality} onChange={set("confidentiality")} data={ratings} />
                <NativeSelect label={t("registers.integrity")} value={editing.form.integrity} onChange={set("integrity")} data={ratings} />
                <NativeSelect label={t("registers.availability")} value={editing.form.availability} onChange={set("availability")} data={ratings} />
              </Group>
              <Group grow>
                <TextInput type="date" label={t("registers.acquiredOn")} value={editing.form.acquiredOn} onChange={set("acquiredOn")} error={problem.fields.acquiredOn} />
                <TextInput type="date" label={t("registers.expiresOn")} value={editing.form.expiresOn} onChange={set("expiresOn")} error={problem.fields.expiresOn} />
              </Group>
              <Textarea label={t("registers.notes")} autosize minRows={2} value={editing.form.notes} onChange={set("notes")} error={problem.fields.notes} />
              <FormAlert message={problem.general} />
              <Group>
                <Button type="submit" loading={save.isPending}>{t("registers.save")}</Button>
                <Button variant="default" onClick={() => setEditing(null)}>{t("registers.cancel")}</Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      {data && data.items.length === 0 && <Text c="dimmed">{t("registers.empty")}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={960}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("registers.code")}</Table.Th>
                <Table.Th scope="col">{t("registers.name")}</Table.Th>
                <Table.Th scope="col">{t("registers.type")}</Table.Th>
                <Table.Th scope="col">{t("registers.owner")}</Table.Th>
                <Table.Th scope="col">K / I / A</Table.Th>
                <Table.Th scope="col">{t("registers.value")}</Table.Th>
                <Table.Th scope="col">{t("registers.expiry")}</Table.Th>
                <Table.Th scope="col">{t("registers.risks")}</Table.Th>
                {data.can.manage && <Table.Th scope="col" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td ff="monospace">{a.code}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.name}</Text>
                    <Text size="xs" c="dimmed">{a.location}</Text>
                  </Table.Td>
                  <Table.Td>{t(`registers.types.${a.type}`)}</Table.Td>
                  <Table.Td>{a.owner}</Table.Td>
                  <Table.Td>{a.confidentiality} / {a.integrity} / {a.availability}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm">{a.value}</Text>
                      <LevelBadge level={a.valueClass} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {a.expiry.state === "none" ? "—" : (
                      <Stack gap={0}>
                        <Text size="sm">{a.expiresOn}</Text>
                        <Badge variant="light" color={a.expiry.state === "expired" ? "red" : a.expiry.state === "expiring" ? "orange" : "gray"}>
                          {t(`registers.expiryStates.${a.expiry.state}`, { days: Math.abs(a.expiry.daysLeft ?? 0) })}
                        </Badge>
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>{a.riskCount}</Table.Td>
                  {data.can.manage && (
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => { save.reset(); setEditing({ id: a.id, form: toForm(a) }); }} aria-label={`${t("registers.edit")} ${a.code}`}>
                        {t("registers.edit")}
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
