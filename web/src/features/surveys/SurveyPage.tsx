import { Anchor, Badge, Button, Checkbox, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { CalendarDate } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { type Role, STAFF_ROLES } from "../../lib/roles";
import { useFormProblem } from "../../lib/useFormProblem";
import { SURVEY_STATUS_COLOURS } from "./SurveysPage";
import { type Survey, useCloseSurvey, useSendSurvey, useSurvey } from "./surveys.api";

/** /app/survei/:surveyId: a survey's results (anonymous), and sending or closing it for the administrator. */
export function SurveyPage() {
  const { t } = useTranslation();
  const surveyId = useParams().surveyId ?? "";
  const survey = useSurvey(surveyId);
  return (
    <Stack>
      <Anchor component={Link} to="/app/survei" size="sm">
        {t("surveys.back")}
      </Anchor>
      {survey.isPending && <PageLoader />}
      {survey.isError && <QueryError error={survey.error} onRetry={() => void survey.refetch()} />}
      {survey.data && <SurveyDetail survey={survey.data} />}
    </Stack>
  );
}

function SurveyDetail({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const close = useCloseSurvey(survey.id);
  return (
    <>
      <Title order={1}>{survey.title}</Title>
      <Group>
        <Badge color={SURVEY_STATUS_COLOURS[survey.status]}>{t(`surveys.statuses.${survey.status}`)}</Badge>
        <Text>
          {t("surveys.period")}: <CalendarDate value={survey.periodFrom} /> – <CalendarDate value={survey.periodTo} />
        </Text>
      </Group>
      {survey.policies.send && <SendForm survey={survey} />}
      {survey.policies.close && (
        <Group>
          <Button color="orange" loading={close.isPending} onClick={() => close.mutate(undefined, { onSuccess: () => notifySuccess(t("surveys.closed")) })}>
            {t("surveys.close")}
          </Button>
          {close.isError && <QueryError error={close.error} />}
        </Group>
      )}
      <Results survey={survey} />
    </>
  );
}

function SendForm({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const send = useSendSurvey(survey.id);
  const problem = useFormProblem(send.error, { vendors: "roles", roles: "roles" } as const);
  const [vendors, setVendors] = useState(true);
  const [roles, setRoles] = useState<Role[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate({ vendors, roles: roles.filter((r): r is Exclude<Role, "vendor"> => r !== "vendor") }, { onSuccess: (s) => notifySuccess(t("surveys.sent", { count: s.recipients })) });
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t("surveys.sendTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("surveys.sendHint")}
          </Text>
          <Checkbox label={t("surveys.toVendors")} checked={vendors} onChange={(e) => setVendors(e.currentTarget.checked)} />
          <Checkbox.Group label={t("surveys.toRoles")} value={roles} onChange={(v) => setRoles(v as Role[])} error={problem.fields.roles}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              {STAFF_ROLES.map((r) => (
                <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <FormAlert message={problem.general} />
          <Button type="submit" loading={send.isPending}>
            {t("surveys.send")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function Results({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const rate = survey.responseRate === null ? "–" : `${Math.round(survey.responseRate * 1000) / 10} %`;
  return (
    <Stack>
      <Title order={2} size="h3">
        {t("surveys.results")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("surveys.anonymous")}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={t("surveys.responses")} value={`${survey.responses} / ${survey.recipients}`} />
        <Figure label={t("surveys.responseRate")} value={rate} />
        <Figure label={t("surveys.ikm")} value={survey.ikm === null ? "–" : String(survey.ikm)} />
        <Figure label={t("surveys.category")} value={survey.category ? t(`surveys.categories.${survey.category}`) : "–"} />
      </SimpleGrid>
      <Table withTableBorder aria-label={t("surveys.averagesTable")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("surveys.questions")}</Table.Th>
            <Table.Th scope="col">{t("surveys.average")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {survey.questions.map((q, i) => (
            <Table.Tr key={i}>
              <Table.Th scope="row">
                {q.text}
                <Text size="xs" c="dimmed">
                  {t(`surveys.unsurNames.${q.unsur}`)}
                </Text>
              </Table.Th>
              <Table.Td>{survey.averages[i] ?? "–"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h4">
        {t("surveys.comments")}
      </Title>
      {survey.comments.length === 0 ? (
        <Text c="dimmed">{t("surveys.noComments")}</Text>
      ) : (
        <List>
          {survey.comments.map((c, i) => (
            <List.Item key={i}>{c}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}
