import { Button, Group, Stack, Switch, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { type Agency, type AgencyKind, useUpdateAgency } from "./agencies.api";
import { AgencyKindSelect } from "./AgencyKindSelect";

const FIELD_PATHS = { name: "name", kind: "kind", active: "active" } as const;

/** Name, kind and active flag; the code is the agency's stable identifier and is not edited. */
export function AgencyEditForm({ agency }: { agency: Agency }) {
  const { t } = useTranslation();
  const update = useUpdateAgency(agency.id);
  const [name, setName] = useState(agency.name);
  const [kind, setKind] = useState<AgencyKind>(agency.kind);
  const [active, setActive] = useState(agency.active);
  const problem = useFormProblem(update.error, FIELD_PATHS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Only what changed, so two admins editing different fields do not overwrite each other.
    const changes: { name?: string; kind?: AgencyKind; active?: boolean } = {};
    if (name.trim() !== agency.name) changes.name = name.trim();
    if (kind !== agency.kind) changes.kind = kind;
    if (active !== agency.active) changes.active = active;
    if (Object.keys(changes).length === 0) {
      notifySuccess(t("agencies.updated", { name: agency.name }));
      return;
    }
    update.mutate(changes, { onSuccess: (saved) => notifySuccess(t("agencies.updated", { name: saved.name })) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t("agencies.name")} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={problem.fields.name} />
        <AgencyKindSelect value={kind} onChange={setKind} error={problem.fields.kind} />
        <Switch label={t("agencies.active")} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} error={problem.fields.active} />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
