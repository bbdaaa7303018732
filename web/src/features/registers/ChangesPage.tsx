import { Badge, Button, Card, Group, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { type Change, type ChangeAction, useChangeAction, useChanges, useProposeChange } from "./registers.api";

const FIELDS = { title: "title", description: "description", reason: "reason" } as const;
const NOTE_FIELDS = { note: "note" } as const;
const STATUS_COLORS = { proposed: "blue", approved: "teal", rejected: "red", implemented: "violet", reviewed: "gray" } as const;

/** The next steps the caller may take on one change, with the note each step records. */
function ChangeActions({ change }: { change: Change }) {
  const { t } = useTranslation();
  const act = useChangeAction(change.id);
  const problem = useFormProblem(act.error, NOTE_FIELDS);
  const [note, setNote] = useState("");
  if (!change.can.decide && !change.can.implement && !change.can.review) return null;
  const run = (action: ChangeAction) => act.mutate(action, { onSuccess: () => setNote("") });
  return (
    <Stack gap="xs">
      <Textarea label={t("registers.note")} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={problem.fields.note} />
      <FormAlert message={problem.general} />
      <Group>
        {change.can.decide && <Button size="xs" color="teal" loading={act.isPending} onClick={() => run({ kind: "decision", body: { decision: "approved", note } })}>{t("registers.approve")}</Button>}
        {change.can.decide && <Button size="xs" color="red" variant="light" loading={act.isPending} onClick={() => run({ kind: "decision", body: { decision: "rejected", note } })}>{t("registers.reject")}</Button>}
        {change.can.implement && <Button size="xs" loading={act.isPending} onClick={() => run({ kind: "implementation", body: { note } })}>{t("registers.implement")}</Button>}
        {change.can.review && <Button size="xs" loading={act.isPending} onClick={() => run({ kind: "review", body: { note } })}>{t("registers.review")}</Button>}
      </Group>
    </Stack>
  );
}

/** /app/register/perubahan: change requests and their approval, with the platform's own upgrades. */
export function ChangesPage() {
  const { t } = useTranslation();
  const changes = useChanges();
  const propose = useProposeChange();
  const problem = useFormProblem(propose.error, FIELDS);
  const [form, setForm] = useState<{ title: string; description: string; reason: string } | null>(null);
  const set = (key: "title" | "description" | "reason") => (e: { currentTarget: { value: string } }) => form && setForm({ ...form, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form) propose.mutate(form, { onSuccess: () => setForm(null) });
  };
  return (
    <Stack>
      <div>
        <Title order={1}>{t("registers.changesTitle")}</Title>
        <Text c="dimmed">{t("registers.changesIntro")}</Text>
      </div>
      {changes.isPending && <PageLoader />}
      {changes.isError && <QueryError error={changes.error} onRetry={() => void changes.refetch()} />}
      {changes.data?.can.propose && !form && (
        <Group>
          <Button onClick={() => { propose.reset(); setForm({ title: "", description: "", reason: "" }); }}>{t("registers.newChange")}</Button>
        </Group>
      )}
      {form && (
        <Paper withBorder p="md" radius="md" maw={760}>
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={2} size="h3">{t("registers.newChange")}</Title>
              <TextInput label={t("registers.title")} required value={form.title} onChange={set("title")} error={problem.fields.title} />
              <Textarea label={t("registers.description")} required autosize minRows={2} value={form.description} onChange={set("description")} error={problem.fields.description} />
              <Textarea label={t("registers.reason")} required autosize minRows={2} value={form.reason} onChange={set("reason")} error={problem.fields.reason} />
              <FormAlert message={problem.general} />
              <Group>
                <Button type="submit" loading={propose.isPending}>{t("registers.submit")}</Button>
                <Button variant="default" onClick={() => setForm(null)}>{t("registers.cancel")}</Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      {changes.data && changes.data.items.length === 0 && <Text c="dimmed">{t("registers.empty")}</Text>}
      {changes.data?.items.map((c) => (
        <Card key={c.id} withBorder radius="md" component="article" aria-label={c.title}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={2} size="h4">{c.title}</Title>
              <Group gap="xs">
                <Badge variant="outline">{t(`registers.origins.${c.origin}`)}</Badge>
                <Badge color={STATUS_COLORS[c.status]}>{t(`registers.changeStatuses.${c.status}`)}</Badge>
              </Group>
            </Group>
            <Text size="sm">{c.description}</Text>
            <Text size="sm" c="dimmed">{t("registers.reason")}: {c.reason}</Text>
            <Text size="xs" c="dimmed">
              {c.createdAt.slice(0, 10)}
              {c.requestedBy && ` · ${t("registers.requestedBy")}: ${c.requestedBy.name}`}
              {c.appVersion && ` · ${t("registers.version", { version: c.appVersion })}`}
              {c.decisionNote && ` · ${t(`registers.changeStatuses.${c.status === "rejected" ? "rejected" : "approved"}`)}: ${c.decisionNote}`}
            </Text>
            <ChangeActions change={c} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
