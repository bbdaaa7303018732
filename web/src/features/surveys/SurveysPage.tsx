import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { CalendarDate } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { type Question, type SurveySummary, UNSUR, useCreateSurvey, useSurveys } from "./surveys.api";

export const SURVEY_STATUS_COLOURS = { draft: "gray", open: "blue", closed: "green" } as const;

/** /app/survei: the satisfaction surveys (standard 15) and, for the administrator, a new draft. */
export function SurveysPage() {
  const { t } = useTranslation();
  const surveys = useSurveys();
  return (
    <Stack>
      <Title order={1}>{t("surveys.title")}</Title>
      <Text c="dimmed">{t("surveys.intro")}</Text>
      {surveys.isPending && <PageLoader />}
      {surveys.isError && <QueryError error={surveys.error} onRetry={() => void surveys.refetch()} />}
      {surveys.data && (surveys.data.items.length === 0 ? <Text c="dimmed">{t("surveys.none")}</Text> : <SurveyTable surveys={surveys.data.items} />)}
      {surveys.data?.policies.create && <SurveyForm />}
    </Stack>
  );
}

function SurveyTable({ surveys }: { surveys: SurveySummary[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table withTableBorder aria-label={t("surveys.listTable")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("surveys.name")}</Table.Th>
            <Table.Th scope="col">{t("surveys.period")}</Table.Th>
            <Table.Th scope="col">{t("surveys.status")}</Table.Th>
            <Table.Th scope="col">{t("surveys.responses")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {surveys.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/app/survei/${s.id}`}>
                  {s.title}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <CalendarDate value={s.periodFrom} /> – <CalendarDate value={s.periodTo} />
              </Table.Td>
              <Table.Td>
                <Badge color={SURVEY_STATUS_COLOURS[s.status]}>{t(`surveys.statuses.${s.status}`)}</Badge>
              </Table.Td>
              <Table.Td>
                {s.responses} / {s.recipients}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SurveyForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSurvey();
  const problem = useFormProblem(create.error, { title: "title", periodFrom: "periodFrom", periodTo: "periodTo", questions: "questions" } as const);
  const [title, setTitle] = useState("");
  const [periodFrom, setPeriodFrom] = useState("");
  const [periodTo, setPeriodTo] = useState("");
  const [questions, setQuestions] = useState<Question[]>(() => UNSUR.map((unsur) => ({ unsur, text: t(`surveys.defaultQuestions.${unsur}`) })));
  const change = (i: number, patch: Partial<Question>) => setQuestions(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { title, periodFrom, periodTo, questions },
      {
        onSuccess: (survey) => {
          notifySuccess(t("surveys.created"));
          void navigate(`/app/survei/${survey.id}`);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" maw={900}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t("surveys.newSurvey")}
          </Title>
          <TextInput label={t("surveys.name")} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={problem.fields.title} />
          <Group grow>
            <TextInput label={t("surveys.periodFrom")} type="date" required value={periodFrom} onChange={(e) => setPeriodFrom(e.currentTarget.value)} error={problem.fields.periodFrom} />
            <TextInput label={t("surveys.periodTo")} type="date" required value={periodTo} onChange={(e) => setPeriodTo(e.currentTarget.value)} error={problem.fields.periodTo} />
          </Group>
          <Title order={3} size="h4">
            {t("surveys.questions")}
          </Title>
          {questions.map((q, i) => (
            <Group key={i} align="flex-end" wrap="nowrap">
              <NativeSelect
                label={t("surveys.unsur", { n: i + 1 })}
                value={q.unsur}
                onChange={(e) => change(i, { unsur: e.currentTarget.value as Question["unsur"] })}
                data={UNSUR.map((u) => ({ value: u, label: t(`surveys.unsurNames.${u}`) }))}
                w={260}
              />
              <TextInput label={t("surveys.questionText", { n: i + 1 })} required value={q.text} onChange={(e) => change(i, { text: e.currentTarget.value })} style={{ flex: 1 }} />
              <Button variant="subtle" color="red" aria-label={t("surveys.removeQuestion", { n: i + 1 })} disabled={questions.length === 1} onClick={() => setQuestions(questions.filter((_, j) => j !== i))}>
                ×
              </Button>
            </Group>
          ))}
          <Group>
            <Button variant="light" onClick={() => setQuestions([...questions, { unsur: "prosedur", text: "" }])}>
              {t("surveys.addQuestion")}
            </Button>
          </Group>
          <FormAlert message={problem.fields.questions ?? problem.general} />
          <Button type="submit" loading={create.isPending}>
            {t("surveys.create")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
