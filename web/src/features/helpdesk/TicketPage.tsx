import { Alert, Button, Card, Checkbox, Grid, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { DateTime } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { LEVELS, type Ticket, TICKET_TYPES, USER_GROUPS, useHelpdeskStaff, useTicket, useTicketAction } from "./helpdesk.api";
import { PriorityBadge, SlaTimerText, StatusBadge } from "./SlaTimerText";

/** Status moves offered by hand, as the server allows them (helpdesk.rules.ts). */
const NEXT_STATUSES: Record<Ticket["status"], readonly ("in_progress" | "waiting_for_user" | "resolved" | "closed")[]> = {
  new: ["in_progress", "waiting_for_user", "resolved"],
  assigned: ["in_progress", "waiting_for_user", "resolved"],
  in_progress: ["waiting_for_user", "resolved"],
  waiting_for_user: ["in_progress", "resolved"],
  resolved: ["in_progress", "closed"],
  closed: [],
};

/** /app/helpdesk/tiket/:ticketId: details, SLA timers, handling and the conversation. */
export function TicketPage() {
  const { t } = useTranslation();
  const { ticketId = "" } = useParams();
  const ticket = useTicket(ticketId);
  if (ticket.isPending) return <PageLoader />;
  if (ticket.isError) return <QueryError error={ticket.error} onRetry={() => void ticket.refetch()} />;
  const data = ticket.data;
  const open = data.status !== "resolved" && data.status !== "closed";
  return (
    <Stack>
      <div>
        <Group gap="xs">
          <Text ff="monospace" fw={700}>
            {data.code}
          </Text>
          <PriorityBadge priority={data.priority} />
          <StatusBadge status={data.status} />
        </Group>
        <Title order={1}>{data.subject}</Title>
      </div>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Details ticket={data} />
            <Comments ticket={data} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Paper withBorder p="md">
              <SimpleGrid cols={2}>
                <div>
                  <Text size="sm" c="dimmed">
                    {t("helpdesk.firstResponse")}
                  </Text>
                  <SlaTimerText timer={data.sla.firstResponse} />
                </div>
                <div>
                  <Text size="sm" c="dimmed">
                    {t("helpdesk.resolution")}
                  </Text>
                  <SlaTimerText timer={data.sla.resolution} />
                </div>
              </SimpleGrid>
            </Paper>
            {data.can.manage && open && <Classification ticket={data} />}
            {data.can.manage && open && <Assignment ticket={data} />}
            {data.can.manage && open && <Escalation ticket={data} />}
            {data.can.manage && NEXT_STATUSES[data.status].length > 0 && <StatusChange ticket={data} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="start">
      <Text size="sm" c="dimmed" w={150}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  );
}

function Details({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t("helpdesk.details")}
      </Title>
      <Stack gap={4}>
        <Row label={t("helpdesk.submitter")}>{ticket.submitterName}</Row>
        {ticket.submitterEmail && <Row label={t("helpdesk.email")}>{ticket.submitterEmail}</Row>}
        {ticket.submitterPhone && <Row label={t("helpdesk.phone")}>{ticket.submitterPhone}</Row>}
        <Row label={t("helpdesk.channel")}>{t(`helpdesk.channels.${ticket.channel}`)}</Row>
        <Row label={t("helpdesk.userGroup")}>{t(`helpdesk.groups.${ticket.userGroup}`)}</Row>
        <Row label={t("helpdesk.type")}>
          {t(`helpdesk.types.${ticket.type}`)} · {ticket.technical ? t("helpdesk.technical") : t("helpdesk.nonTechnical")}
        </Row>
        <Row label={`${t("helpdesk.urgency")} × ${t("helpdesk.impact")}`}>
          {t(`helpdesk.levels.${ticket.urgency}`)} × {t(`helpdesk.levels.${ticket.impact}`)} → {ticket.priority}
        </Row>
        <Row label={t("helpdesk.createdAt")}>
          <DateTime value={ticket.createdAt} seconds={false} />
        </Row>
        <Row label={t("helpdesk.assignee")}>{ticket.assignee?.name ?? t("common.none")}</Row>
        {ticket.escalatedTo && (
          <Row label={t("helpdesk.escalatedTo")}>
            {ticket.escalatedTo.name} — {ticket.escalationReason}
          </Row>
        )}
      </Stack>
      <Text mt="md" style={{ whiteSpace: "pre-wrap" }}>
        {ticket.description}
      </Text>
      {ticket.outcome && (
        <Alert mt="md" color="teal" title={t("helpdesk.outcome")}>
          <Text style={{ whiteSpace: "pre-wrap" }}>{ticket.outcome}</Text>
        </Alert>
      )}
    </Paper>
  );
}

function Comments({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const action = useTicketAction(ticket.id);
  const problem = useFormProblem(action.error, { body: "body" } as const);
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate({ kind: "comments", body: { body, visibility: internal ? "internal" : "public" } }, { onSuccess: () => setBody("") });
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t("helpdesk.comments")}
      </Title>
      <Stack gap="xs">
        {ticket.comments.map((c) => (
          <Card key={c.id} withBorder padding="xs" bg={c.visibility === "internal" ? "var(--mantine-color-yellow-light)" : undefined}>
            <Text size="xs" c="dimmed">
              {c.authorName} · <DateTime value={c.createdAt} seconds={false} />
              {c.visibility === "internal" && ` · ${t("helpdesk.internal")}`}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {c.body}
            </Text>
          </Card>
        ))}
        {ticket.can.manage && ticket.status !== "closed" && (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <Textarea label={t("helpdesk.comment")} autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={problem.fields.body} />
              <Checkbox label={t("helpdesk.internalNote")} checked={internal} onChange={(e) => setInternal(e.currentTarget.checked)} />
              <FormAlert message={problem.general} />
              <Button type="submit" variant="light" loading={action.isPending}>
                {t("helpdesk.sendComment")}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

function Classification({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const action = useTicketAction(ticket.id);
  const problem = useFormProblem(action.error, {});
  const [form, setForm] = useState({ type: ticket.type, technical: ticket.technical, userGroup: ticket.userGroup, urgency: ticket.urgency, impact: ticket.impact });
  const set = (key: "type" | "userGroup" | "urgency" | "impact") => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const levels = LEVELS.map((v) => ({ value: v, label: t(`helpdesk.levels.${v}`) }));
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          action.mutate({ kind: "classification", body: form }, { onSuccess: () => notifySuccess(t("helpdesk.saved")) });
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t("helpdesk.classify")}
          </Title>
          <NativeSelect label={t("helpdesk.type")} value={form.type} onChange={set("type")} data={TICKET_TYPES.map((v) => ({ value: v, label: t(`helpdesk.types.${v}`) }))} />
          <NativeSelect label={t("helpdesk.userGroup")} value={form.userGroup} onChange={set("userGroup")} data={USER_GROUPS.map((v) => ({ value: v, label: t(`helpdesk.groups.${v}`) }))} />
          <Group grow>
            <NativeSelect label={t("helpdesk.urgency")} value={form.urgency} onChange={set("urgency")} data={levels} />
            <NativeSelect label={t("helpdesk.impact")} value={form.impact} onChange={set("impact")} data={levels} />
          </Group>
          <Checkbox label={t("helpdesk.technical")} checked={form.technical} onChange={(e) => setForm({ ...form, technical: e.currentTarget.checked })} />
          <FormAlert message={problem.general} />
          <Button type="submit" variant="light" loading={action.isPending}>
            {t("helpdesk.saveClassification")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function Assignment({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const staff = useHelpdeskStaff();
  const action = useTicketAction(ticket.id);
  const problem = useFormProblem(action.error, {});
  const [assigneeId, setAssigneeId] = useState(ticket.assignee?.id ?? "");
  const choices = (staff.data ?? []).filter((u) => u.role === "helpdesk" || u.role === "admin_ppe");
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          action.mutate({ kind: "assignment", body: { assigneeId } }, { onSuccess: () => notifySuccess(t("helpdesk.saved")) });
        }}
      >
        <Stack gap="xs">
          <NativeSelect label={t("helpdesk.assignee")} value={assigneeId} onChange={(e) => setAssigneeId(e.currentTarget.value)} data={[{ value: "", label: "—" }, ...choices.map((u) => ({ value: u.id, label: u.name }))]} />
          <FormAlert message={problem.general} />
          <Button type="submit" variant="light" disabled={!assigneeId} loading={action.isPending}>
            {t("helpdesk.assign")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function Escalation({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const staff = useHelpdeskStaff();
  const action = useTicketAction(ticket.id);
  const problem = useFormProblem(action.error, { reason: "reason", toUserId: "toUserId" } as const);
  const [toUserId, setTo] = useState("");
  const [reason, setReason] = useState("");
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          action.mutate({ kind: "escalation", body: { toUserId, reason } }, { onSuccess: () => notifySuccess(t("helpdesk.saved")) });
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t("helpdesk.escalate")}
          </Title>
          <NativeSelect label={t("helpdesk.escalateTo")} value={toUserId} onChange={(e) => setTo(e.currentTarget.value)} data={[{ value: "", label: "—" }, ...(staff.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${t(`roles.${u.role}` as "roles.helpdesk")})` }))]} error={problem.fields.toUserId} />
          <Textarea label={t("helpdesk.escalationReason")} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={problem.fields.reason} />
          <FormAlert message={problem.general} />
          <Button type="submit" variant="light" color="orange" disabled={!toUserId} loading={action.isPending}>
            {t("helpdesk.escalateSubmit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function StatusChange({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const action = useTicketAction(ticket.id);
  const problem = useFormProblem(action.error, { outcome: "outcome" } as const);
  const options = NEXT_STATUSES[ticket.status];
  const [status, setStatus] = useState<string>(options[0] ?? "");
  const [outcome, setOutcome] = useState("");
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          action.mutate({ kind: "status", body: status === "resolved" ? { status, outcome } : { status } }, { onSuccess: (next) => setStatus(NEXT_STATUSES[next.status][0] ?? "") });
        }}
      >
        <Stack gap="xs">
          <NativeSelect label={t("helpdesk.newStatus")} value={status} onChange={(e) => setStatus(e.currentTarget.value)} data={options.map((s) => ({ value: s, label: t(`helpdesk.statuses.${s}`) }))} />
          {status === "resolved" && <Textarea label={t("helpdesk.outcome")} autosize minRows={3} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} error={problem.fields.outcome} />}
          <FormAlert message={problem.general} />
          <Button type="submit" loading={action.isPending}>
            {t("helpdesk.changeStatus")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
