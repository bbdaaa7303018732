import { Button, Group, NativeSelect, Paper, Stack, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { useFormProblem } from "../../lib/useFormProblem";
import { useAssets } from "../registers/registers.api";
import { type Licence, useInstallLicence } from "./compliance.api";

const FIELDS = { assetId: "assetId", installedOn: "installedOn" } as const;

/** Record a licence installed on an asset of the asset register (one seat). */
export function InstallationForm({ licences }: { licences: Licence[] }) {
  const { t } = useTranslation();
  const assets = useAssets();
  const install = useInstallLicence();
  const problem = useFormProblem(install.error, FIELDS);
  const [form, setForm] = useState({ licenceId: "", assetId: "", installedOn: "" });
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    install.mutate(
      { licenceId: form.licenceId, input: { assetId: form.assetId, installedOn: form.installedOn || null, notes: null } },
      { onSuccess: () => { setForm({ ...form, assetId: "" }); notifications.show({ message: t("compliance.installed") }); } },
    );
  };
  const choose = { value: "", label: t("compliance.choose") };
  return (
    <Paper withBorder p="md" radius="md" maw={760}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">{t("compliance.installTitle")}</Title>
          <Group grow align="flex-start">
            <NativeSelect label={t("compliance.installLicence")} required value={form.licenceId} onChange={set("licenceId")} data={[choose, ...licences.map((l) => ({ value: l.id, label: l.product }))]} />
            <NativeSelect label={t("compliance.installAsset")} required value={form.assetId} onChange={set("assetId")} error={problem.fields.assetId}
              data={[choose, ...(assets.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))]} />
            <TextInput type="date" label={t("compliance.installDate")} value={form.installedOn} onChange={set("installedOn")} error={problem.fields.installedOn} />
          </Group>
          <FormAlert message={problem.general} />
          <Group>
            <Button type="submit" loading={install.isPending} disabled={!form.licenceId || !form.assetId}>{t("compliance.install")}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
