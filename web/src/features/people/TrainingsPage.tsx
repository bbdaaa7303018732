import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CalendarDate } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { COMPETENCES, type Competence, MAX_LEVEL, MIN_LEVEL, type StaffMember, type Training, useRecordAttendance, useRecordTraining, useStaff, useTrainings } from "./people.api";

const LEVELS = Array.from({ length: MAX_LEVEL - MIN_LEVEL + 1 }, (_, i) => String(MIN_LEVEL + i));

/** /app/pelatihan: the training log with attendance; a pass raises the attendee's level in the training's competence (standard 8). */
export function TrainingsPage() {
  const { t } = useTranslation();
  const trainings = useTrainings();
  const staff = useStaff();
  const manage = staff.data?.can.manage ?? false;
  return (
    <Stack>
      <Title order={1}>{t("people.trainingsTitle")}</Title>
      <Text c="dimmed">{t("people.attendanceHint")}</Text>
      {trainings.isPending && <PageLoader />}
      {trainings.isError && <QueryError error={trainings.error} onRetry={() => void trainings.refetch()} />}
      {trainings.data && (trainings.data.length === 0 ? <Text c="dimmed">{t("people.noTrainings")}</Text> : <TrainingTable trainings={trainings.data} />)}
      {manage && <TrainingForm />}
      {manage && trainings.data && trainings.data.length > 0 && staff.data && <AttendanceForm trainings={trainings.data} staff={staff.data.items} />}
    </Stack>
  );
}

function TrainingTable({ trainings }: { trainings: Training[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table withTableBorder aria-label={t("people.trainingsTable")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("people.trainingTitle")}</Table.Th>
            <Table.Th scope="col">{t("people.provider")}</Table.Th>
            <Table.Th scope="col">{t("people.competence")}</Table.Th>
            <Table.Th scope="col">{t("people.dates")}</Table.Th>
            <Table.Th scope="col">{t("people.hours")}</Table.Th>
            <Table.Th scope="col">{t("people.attendance")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trainings.map((tr) => (
            <Table.Tr key={tr.id}>
              <Table.Th scope="row">{tr.title}</Table.Th>
              <Table.Td>{tr.provider}</Table.Td>
              <Table.Td>
                {t(`people.competences.${tr.competence}`)} · {t("people.levelAwarded")} {tr.levelAwarded}
              </Table.Td>
              <Table.Td>
                <CalendarDate value={tr.startsOn} /> – <CalendarDate value={tr.endsOn} />
              </Table.Td>
              <Table.Td>{tr.hours}</Table.Td>
              <Table.Td>
                {tr.attendance.map((a) => (
                  <Text key={a.id} size="sm">
                    {a.staff.name} <Badge color={a.passed ? "green" : "gray"}>{a.passed ? t("people.passed") : t("people.notPassed")}</Badge>{" "}
                    {a.levelBefore !== a.levelAfter && t("people.levelRaised", { before: a.levelBefore ?? "—", after: a.levelAfter })} {a.result}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TrainingForm() {
  const { t } = useTranslation();
  const record = useRecordTraining();
  const problem = useFormProblem(record.error, { title: "title", provider: "provider", competence: "competence", levelAwarded: "levelAwarded", startsOn: "startsOn", endsOn: "endsOn", hours: "hours" } as const);
  const empty = { title: "", provider: "", competence: COMPETENCES[0] as Competence, levelAwarded: "2", startsOn: "", endsOn: "", hours: "" };
  const [form, setForm] = useState(empty);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ ...form, levelAwarded: Number(form.levelAwarded), hours: Number(form.hours) }, { onSuccess: () => (notifySuccess(t("people.trainingSaved")), setForm(empty)) });
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t("people.newTraining")}
          </Title>
          <Group grow>
            <TextInput label={t("people.trainingTitle")} required value={form.title} onChange={set("title")} error={problem.fields.title} />
            <TextInput label={t("people.provider")} required value={form.provider} onChange={set("provider")} error={problem.fields.provider} />
          </Group>
          <Group grow>
            <NativeSelect label={t("people.trainingCompetence")} value={form.competence} onChange={set("competence")} data={COMPETENCES.map((c) => ({ value: c, label: t(`people.competences.${c}`) }))} />
            <NativeSelect label={t("people.levelAwarded")} value={form.levelAwarded} onChange={set("levelAwarded")} data={LEVELS} error={problem.fields.levelAwarded} />
          </Group>
          <Group grow>
            <TextInput label={t("people.startsOn")} type="date" required value={form.startsOn} onChange={set("startsOn")} error={problem.fields.startsOn} />
            <TextInput label={t("people.endsOn")} type="date" required value={form.endsOn} onChange={set("endsOn")} error={problem.fields.endsOn} />
            <TextInput label={t("people.hours")} type="number" required value={form.hours} onChange={set("hours")} error={problem.fields.hours} />
          </Group>
          <FormAlert message={problem.general} />
          <Button type="submit" loading={record.isPending}>
            {t("people.saveTraining")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function AttendanceForm({ trainings, staff }: { trainings: Training[]; staff: StaffMember[] }) {
  const { t } = useTranslation();
  const record = useRecordAttendance();
  const problem = useFormProblem(record.error, { staffId: "staffId", result: "result" } as const);
  const empty = { trainingId: "", staffId: "", passed: true, result: "" };
  const [form, setForm] = useState(empty);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(form, { onSuccess: () => (notifySuccess(t("people.attendanceSaved")), setForm(empty)) });
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t("people.recordAttendance")}
          </Title>
          <NativeSelect label={t("people.attendedTraining")} value={form.trainingId} onChange={(e) => setForm({ ...form, trainingId: e.currentTarget.value })} data={[{ value: "", label: "—" }, ...trainings.map((tr) => ({ value: tr.id, label: tr.title }))]} />
          <NativeSelect label={t("people.attendee")} value={form.staffId} onChange={(e) => setForm({ ...form, staffId: e.currentTarget.value })} error={problem.fields.staffId} data={[{ value: "", label: "—" }, ...staff.map((s) => ({ value: s.id, label: s.name }))]} />
          <Checkbox label={t("people.passedLabel")} checked={form.passed} onChange={(e) => setForm({ ...form, passed: e.currentTarget.checked })} />
          <TextInput label={t("people.result")} value={form.result} onChange={(e) => setForm({ ...form, result: e.currentTarget.value })} error={problem.fields.result} />
          <FormAlert message={problem.general} />
          <Button type="submit" disabled={form.trainingId === "" || form.staffId === ""} loading={record.isPending}>
            {t("people.saveAttendance")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
