import { Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { useCreateWorkUnit, useWorkUnits } from "./agencies.api";

const FIELD_PATHS = { code: "code", name: "name" } as const;

/** The work units (satker) of one agency, and a form to add one. */
export function WorkUnitsSection({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const units = useWorkUnits(agencyId);
  const create = useCreateWorkUnit(agencyId);
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const problem = useFormProblem(create.error, FIELD_PATHS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { code: code.trim(), name: name.trim() },
      {
        onSuccess: (unit) => {
          notifySuccess(t("agencies.workUnitCreated", { name: unit.name }));
          setCode("");
          setName("");
        },
      },
    );
  };

  return (
    <Stack component="section" aria-labelledby="work-units-title">
      <Title order={2} size="h3" id="work-units-title">
        {t("agencies.workUnitsTitle")}
      </Title>
      {units.isPending && <PageLoader />}
      {units.isError && <QueryError error={units.error} onRetry={() => void units.refetch()} />}
      {units.data && units.data.length === 0 && <Text c="dimmed">{t("agencies.workUnitsEmpty")}</Text>}
      {units.data && units.data.length > 0 && (
        <Table.ScrollContainer minWidth={360}>
          <Table striped aria-labelledby="work-units-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("agencies.workUnitCode")}</Table.Th>
                <Table.Th scope="col">{t("agencies.workUnitName")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.data.map((unit) => (
                <Table.Tr key={unit.id}>
                  <Table.Td ff="monospace">{unit.code}</Table.Td>
                  <Table.Td>{unit.name}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t("agencies.workUnitCode")}
              required
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={problem.fields.code}
              miw={140}
            />
            <TextInput
              label={t("agencies.workUnitName")}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={problem.fields.name}
              miw={200}
            />
          </Group>
          <FormAlert message={problem.general} />
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={create.isPending}>
              {t("agencies.addWorkUnit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
