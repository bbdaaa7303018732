import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { normalizeRupiah, rupiah } from "../../lib/money";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { LICENCE_TYPES, type Licence, type LicenceInput, useLicences, useSaveLicence, useUninstallLicence } from "./compliance.api";
import { ExpiryBadge } from "./ExpiryBadge";
import { InstallationForm } from "./InstallationForm";

const FIELDS = { product: "product", vendor: "vendor", licenceType: "licenceType", seats: "seats", validUntil: "validUntil", cost: "cost", notes: "notes" } as const;
const EMPTY = { product: "", vendor: "", licenceType: "perpetual", seats: "1", validUntil: "", cost: "", notes: "" };
type Form = typeof EMPTY;

const toForm = (l: Licence): Form => ({
  product: l.product, vendor: l.vendor, licenceType: l.licenceType, seats: l.seats === null ? "" : String(l.seats), validUntil: l.validUntil ?? "", cost: l.cost ?? "", notes: l.notes ?? "",
});

/** Seats as typed: empty is unlimited, digits a number; other text goes as typed so the server names the field. */
const toInput = (f: Form): LicenceInput => ({
  product: f.product, vendor: f.vendor, licenceType: f.licenceType as LicenceInput["licenceType"], seats: f.seats.trim() === "" ? null : /^\d+$/.test(f.seats.trim()) ? Number(f.seats.trim()) : f.seats,
  validUntil: f.validUntil || null, cost: f.cost.trim() === "" ? null : normalizeRupiah(f.cost), notes: f.notes.trim() || null,
});

/** /app/lisensi: the software-licence register (standard 16.2), reconciled with installations on the asset register. */
export function LicencesPage() {
  const { t } = useTranslation();
  const licences = useLicences();
  const save = useSaveLicence();
  const uninstall = useUninstallLicence();
  const problem = useFormProblem(save.error, FIELDS);
  const [editing, setEditing] = useState<{ id: string | null; form: Form } | null>(null);
  const set = (key: keyof Form) => (e: { currentTarget: { value: string } }) => editing && setEditing({ ...editing, form: { ...editing.form, [key]: e.currentTarget.value } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (editing) save.mutate({ id: editing.id, input: toInput(editing.form) }, { onSuccess: () => setEditing(null) });
  };
  const data = licences.data;
  return (
    <Stack>
      <div>
        <Title order={1}>{t("compliance.licencesTitle")}</Title>
        <Text c="dimmed">{t("compliance.licencesIntro")}</Text>
      </div>
      {licences.isPending && <PageLoader />}
      {licences.isError && <QueryError error={licences.error} onRetry={() => void licences.refetch()} />}
      {data && (
        <Alert color={data.expiryAlerts > 0 || data.overUsed > 0 ? "orange" : "green"} role="status">
          <Stack gap={4}>
            <Text size="sm">{data.expiryAlerts > 0 ? t("compliance.licenceAlerts", { count: data.expiryAlerts, days: data.alertDays }) : t("compliance.noLicenceAlerts", { days: data.alertDays })}</Text>
            {data.overUsed > 0 && <Text size="sm">{t("compliance.overUsedAlert", { count: data.overUsed })}</Text>}
          </Stack>
        </Alert>
      )}
      {data?.can.manage && !editing && (
        <Group>
          <Button onClick={() => { save.reset(); setEditing({ id: null, form: EMPTY }); }}>{t("compliance.newLicence")}</Button>
        </Group>
      )}
      {editing && (
        <Paper withBorder p="md" radius="md" maw={760}>
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={2} size="h3">{editing.id ? t("compliance.editLicence") : t("compliance.newLicence")}</Title>
              <Group grow>
                <TextInput label={t("compliance.product")} required value={editing.form.product} onChange={set("product")} error={problem.fields.product} />
                <TextInput label={t("compliance.vendor")} required value={editing.form.vendor} onChange={set("vendor")} error={problem.fields.vendor} />
              </Group>
              <Group grow align="flex-start">
                <NativeSelect label={t("compliance.licenceType")} value={editing.form.licenceType} onChange={set("licenceType")} error={problem.fields.licenceType} data={LICENCE_TYPES.map((v) => ({ value: v, label: t(`compliance.licenceTypes.${v}`) }))} />
                <TextInput label={t("compliance.seats")} description={t("compliance.seatsHint")} inputMode="numeric" value={editing.form.seats} onChange={set("seats")} error={problem.fields.seats} />
                <TextInput type="date" label={t("compliance.validUntil")} value={editing.form.validUntil} onChange={set("validUntil")} error={problem.fields.validUntil} />
              </Group>
              <TextInput label={t("compliance.cost")} description={t("compliance.costHint")} inputMode="decimal" value={editing.form.cost} onChange={set("cost")} error={problem.fields.cost} />
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
      {data?.can.manage && data.items.length > 0 && <InstallationForm licences={data.items} />}
      {data && data.items.length === 0 && <Text c="dimmed">{t("compliance.empty")}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={960}>
          <Table striped verticalSpacing="sm" aria-label={t("compliance.licenceTable")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("compliance.product")}</Table.Th>
                <Table.Th scope="col">{t("compliance.licenceType")}</Table.Th>
                <Table.Th scope="col">{t("compliance.seatsUsed")}</Table.Th>
                <Table.Th scope="col">{t("compliance.installedOn")}</Table.Th>
                <Table.Th scope="col">{t("compliance.validUntil")}</Table.Th>
                <Table.Th scope="col">{t("compliance.cost")}</Table.Th>
                {data.can.manage && <Table.Th scope="col" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    <Text size="sm">{l.product}</Text>
                    <Text size="xs" c="dimmed">{l.vendor}</Text>
                  </Table.Td>
                  <Table.Td>{t(`compliance.licenceTypes.${l.licenceType}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{l.seatsUsed} / {l.seats ?? t("compliance.unlimited")}</Text>
                    {l.overUse && <Badge color="red" variant="light">{t("compliance.overUse")}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {l.installations.map((i) => (
                        <Group key={i.id} gap="xs" wrap="nowrap">
                          <Text size="sm" ff="monospace">{i.asset.code}</Text>
                          {data.can.manage && (
                            <Button size="compact-xs" variant="subtle" color="red" loading={uninstall.isPending} aria-label={t("compliance.uninstallLabel", { product: l.product, asset: i.asset.code })}
                              onClick={() => uninstall.mutate({ licenceId: l.id, installationId: i.id })}>
                              {t("compliance.uninstall")}
                            </Button>
                          )}
                        </Group>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td><ExpiryBadge date={l.validUntil} expiry={l.expiry} /></Table.Td>
                  <Table.Td>{l.cost === null ? "—" : rupiah(l.cost)}</Table.Td>
                  {data.can.manage && (
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => { save.reset(); setEditing({ id: l.id, form: toForm(l) }); }} aria-label={`${t("compliance.edit")} ${l.product}`}>
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
