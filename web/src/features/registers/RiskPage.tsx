import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { FormAlert } from "../../lib/FormAlert";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { LevelBadge } from "./LevelBadge";
import { TASK_STATUSES, type TaskInput, useRisk, useSaveTask } from "./registers.api";

const FIELDS = { action: "action", owner: "owner", dueDate: "dueDate" } as const;

/** /app/register/risiko/:riskId: one risk, its score and level, and its mitigation tasks. */
export function RiskPage() {
  const { t } = useTranslation();
  const riskId = useParams().riskId ?? "";
  const risk = useRisk(riskId);
  const save = useSaveTask(riskId);
  const problem = useFormProblem(save.error, FIELDS);
  const [form, setForm] = useState({ action: "", owner: "", dueDate: "", status: "open" });
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ id: null, input: form as TaskInput }, { onSuccess: () => setForm({ action: "", owner: "", dueDate: "", status: "open" }) });
  };
  if (risk.isPending) return <PageLoader />;
  if (risk.isError) return <QueryError error={risk.error} onRetry={() => void risk.refetch()} />;
  const r = risk.data;
  return (
    <Stack>
      <Anchor component={Link} to="/app/register/risiko">{t("registers.back")}</Anchor>
      <div>
        <Title order={1}>{r.title}</Title>
        <Text c="dimmed">{r.asset.code} — {r.asset.name}</Text>
      </div>
      <Text>{r.description}</Text>
      <Group>
        <Text>{t("registers.impact")} {r.impact} × {t("registers.threat")} {r.threat} × {t("registers.vulnerability")} {r.vulnerability} × {t("registers.exposure")} {r.exposure}</Text>
        <Text fw={700}>{t("registers.score")}: {r.score}</Text>
        <LevelBadge level={r.level} />
        <Text>{t("registers.likelihood")}: {r.likelihood}</Text>
        <Text>{t("registers.treatment")}: {t(`registers.treatments.${r.treatment}`)}</Text>
      </Group>
      <Title order={2} size="h3">{t("registers.tasksTitle")}</Title>
      {r.tasks.length === 0 && <Text c="dimmed">{t("registers.empty")}</Text>}
      {r.tasks.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("registers.action")}</Table.Th>
              <Table.Th scope="col">{t("registers.owner")}</Table.Th>
              <Table.Th scope="col">{t("registers.dueDate")}</Table.Th>
              <Table.Th scope="col">{t("registers.status")}</Table.Th>
              {r.can.manage && <Table.Th scope="col" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.tasks.map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td>{task.action}</Table.Td>
                <Table.Td>{task.owner}</Table.Td>
                <Table.Td>{task.dueDate} {task.overdue && <Badge color="red" variant="light">{t("registers.overdue")}</Badge>}</Table.Td>
                <Table.Td>{t(`registers.taskStatuses.${task.status}`)}</Table.Td>
                {r.can.manage && (
                  <Table.Td>
                    {task.status !== "done" && (
                      <Button size="xs" variant="light" onClick={() => save.mutate({ id: task.id, input: { action: task.action, owner: task.owner, dueDate: task.dueDate, status: "done" } })}>
                        {t("registers.markDone")}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {r.can.manage && (
        <Paper withBorder p="md" radius="md" maw={760}>
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={3} size="h4">{t("registers.addTask")}</Title>
              <TextInput label={t("registers.action")} required value={form.action} onChange={set("action")} error={problem.fields.action} />
              <Group grow>
                <TextInput label={t("registers.owner")} required value={form.owner} onChange={set("owner")} error={problem.fields.owner} />
                <TextInput type="date" label={t("registers.dueDate")} required value={form.dueDate} onChange={set("dueDate")} error={problem.fields.dueDate} />
                <NativeSelect label={t("registers.status")} value={form.status} onChange={set("status")} data={TASK_STATUSES.map((s) => ({ value: s, label: t(`registers.taskStatuses.${s}`) }))} />
              </Group>
              <FormAlert message={problem.general} />
              <Button type="submit" loading={save.isPending}>{t("registers.addTask")}</Button>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
