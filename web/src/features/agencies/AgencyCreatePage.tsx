import { Button, Group, Paper, Stack, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { type AgencyKind, useCreateAgency } from "./agencies.api";
import { AgencyKindSelect } from "./AgencyKindSelect";

const FIELD_PATHS = { code: "code", name: "name", kind: "kind" } as const;

export function AgencyCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateAgency();
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [kind, setKind] = useState<AgencyKind>("dinas");
  const problem = useFormProblem(create.error, FIELD_PATHS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { code: code.trim(), name: name.trim(), kind },
      {
        onSuccess: (agency) => {
          notifySuccess(t("agencies.created", { name: agency.name }));
          // Back to the list, where the new agency now appears.
          void navigate("/app/agencies");
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} maw={560}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t("agencies.createTitle")}
          </Title>
          <TextInput label={t("agencies.code")} required value={code} onChange={(e) => setCode(e.currentTarget.value)} error={problem.fields.code} />
          <TextInput label={t("agencies.name")} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={problem.fields.name} />
          <AgencyKindSelect value={kind} onChange={setKind} error={problem.fields.kind} />
          <FormAlert message={problem.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate("/app/agencies")}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
