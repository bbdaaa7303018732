import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DateTime } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { IMPROVEMENT_COLOURS } from "./ImprovementsPage";
import { type Improvement, type ImprovementStatus, useImprovement, useMoveImprovement } from "./surveys.api";

/** /app/usulan/:requestId: one request, the response its requester reads, and the follow-up for staff. */
export function ImprovementPage() {
  const { t } = useTranslation();
  const requestId = useParams().requestId ?? "";
  const request = useImprovement(requestId);
  return (
    <Stack>
      <Anchor component={Link} to="/app/usulan" size="sm">
        {t("improvements.back")}
      </Anchor>
      {request.isPending && <PageLoader />}
      {request.isError && <QueryError error={request.error} onRetry={() => void request.refetch()} />}
      {request.data && <Detail item={request.data} />}
    </Stack>
  );
}

function Detail({ item }: { item: Improvement }) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={1}>{item.title}</Title>
      <Group>
        <Badge color={IMPROVEMENT_COLOURS[item.status]}>{t(`improvements.statuses.${item.status}`)}</Badge>
        <Text size="sm">
          {item.requester.name} · <DateTime value={item.createdAt} />
        </Text>
      </Group>
      <Text style={{ whiteSpace: "pre-wrap" }}>{item.description}</Text>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4">
          {t("improvements.response")}
        </Title>
        <Text style={{ whiteSpace: "pre-wrap" }} c={item.response ? undefined : "dimmed"}>
          {item.response ?? t("improvements.noResponse")}
        </Text>
      </Paper>
      {item.next.length > 0 && <TriageForm item={item} />}
    </>
  );
}

function TriageForm({ item }: { item: Improvement }) {
  const { t } = useTranslation();
  const move = useMoveImprovement(item.id);
  const problem = useFormProblem(move.error, { status: "status", response: "response" } as const);
  const [status, setStatus] = useState<ImprovementStatus>(item.next[0] as ImprovementStatus);
  const [response, setResponse] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    move.mutate(
      { status, response },
      {
        onSuccess: (moved) => {
          notifySuccess(t("improvements.moved"));
          setResponse("");
          if (moved.next[0]) setStatus(moved.next[0]);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t("improvements.triage")}
          </Title>
          <NativeSelect
            label={t("improvements.nextStatus")}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as ImprovementStatus)}
            data={item.next.map((s) => ({ value: s, label: t(`improvements.statuses.${s}`) }))}
            error={problem.fields.status}
          />
          <Textarea label={t("improvements.response")} description={t("improvements.responseHint")} autosize minRows={2} value={response} onChange={(e) => setResponse(e.currentTarget.value)} error={problem.fields.response} />
          <FormAlert message={problem.general} />
          <Button type="submit" loading={move.isPending}>
            {t("improvements.move")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
