import { Anchor, Badge, Button, Paper, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateTime } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { type Improvement, useFileImprovement, useImprovements } from "./surveys.api";

export const IMPROVEMENT_COLOURS = { received: "gray", under_review: "blue", planned: "teal", declined: "red", done: "green" } as const;

/** /app/usulan: improvement requests; staff see every one, anyone else their own, and everyone may file one. */
export function ImprovementsPage() {
  const { t } = useTranslation();
  const list = useImprovements();
  return (
    <Stack>
      <Title order={1}>{t("improvements.title")}</Title>
      <Text c="dimmed">{t("improvements.intro")}</Text>
      {list.isPending && <PageLoader />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (list.data.items.length === 0 ? <Text c="dimmed">{t("improvements.none")}</Text> : <ImprovementTable items={list.data.items} />)}
      <ImprovementForm />
    </Stack>
  );
}

function ImprovementTable({ items }: { items: Improvement[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table withTableBorder aria-label={t("improvements.listTable")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("improvements.name")}</Table.Th>
            <Table.Th scope="col">{t("improvements.requester")}</Table.Th>
            <Table.Th scope="col">{t("improvements.filed")}</Table.Th>
            <Table.Th scope="col">{t("improvements.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/app/usulan/${i.id}`}>
                  {i.title}
                </Anchor>
              </Table.Th>
              <Table.Td>{i.requester.name}</Table.Td>
              <Table.Td>
                <DateTime value={i.createdAt} />
              </Table.Td>
              <Table.Td>
                <Badge color={IMPROVEMENT_COLOURS[i.status]}>{t(`improvements.statuses.${i.status}`)}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ImprovementForm() {
  const { t } = useTranslation();
  const file = useFileImprovement();
  const problem = useFormProblem(file.error, { title: "title", description: "description" } as const);
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    file.mutate(
      { title, description },
      {
        onSuccess: () => {
          notifySuccess(t("improvements.submitted"));
          setTitle("");
          setDescription("");
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t("improvements.newRequest")}
          </Title>
          <TextInput label={t("improvements.name")} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={problem.fields.title} />
          <Textarea label={t("improvements.description")} required autosize minRows={3} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={problem.fields.description} />
          <FormAlert message={problem.general} />
          <Button type="submit" loading={file.isPending}>
            {t("improvements.submit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
