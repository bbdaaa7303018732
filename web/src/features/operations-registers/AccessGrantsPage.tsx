import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CalendarDate } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { useMe } from "../auth/auth.api";
import { ACCESS_LEVELS, type AccessGrant, type GrantInput, useAccessGrants, useAccessReviews, useRecordGrant, useRecordReview, useRevokeGrant } from "./operations-registers.api";

const STATUS_COLOURS = { scheduled: "gray", active: "green", expired: "orange", revoked: "red" } as const;

/** /app/akses-server: who has access to which server or system (standard 10), expired grants and overdue reviews flagged, and the access reviews. */
export function AccessGrantsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const grants = useAccessGrants();
  const manage = me.data?.role === "admin_ppe";
  return (
    <Stack>
      <Title order={1}>{t("opsRegisters.accessTitle")}</Title>
      {grants.isPending && <PageLoader />}
      {grants.isError && <QueryError error={grants.error} onRetry={() => void grants.refetch()} />}
      {grants.data && (
        <>
          <Text c="dimmed">{t("opsRegisters.reviewEvery", { days: grants.data.reviewDays })}</Text>
          {grants.data.items.length === 0 ? <Text c="dimmed">{t("opsRegisters.noGrants")}</Text> : <GrantTable grants={grants.data.items} />}
          {manage && <GrantForm />}
          {manage && <ReviewForm grants={grants.data.items.filter((g) => g.status !== "revoked")} today={grants.data.today} />}
          {manage && <RevokeForm grants={grants.data.items.filter((g) => g.status !== "revoked")} today={grants.data.today} />}
        </>
      )}
      <ReviewHistory />
    </Stack>
  );
}

function GrantTable({ grants }: { grants: AccessGrant[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table withTableBorder aria-label={t("opsRegisters.grantsTable")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("opsRegisters.person")}</Table.Th>
            <Table.Th scope="col">{t("opsRegisters.system")}</Table.Th>
            <Table.Th scope="col">{t("opsRegisters.level")}</Table.Th>
            <Table.Th scope="col">{t("opsRegisters.period")}</Table.Th>
            <Table.Th scope="col">{t("opsRegisters.grantedBy")}</Table.Th>
            <Table.Th scope="col">{t("opsRegisters.status")}</Table.Th>
            <Table.Th scope="col">{t("opsRegisters.reviewDue")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grants.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Th scope="row">
                {g.person}
                <Text size="xs" c="dimmed">
                  {g.reason}
                </Text>
              </Table.Th>
              <Table.Td>{g.system}</Table.Td>
              <Table.Td>{t(`opsRegisters.levels.${g.level}`)}</Table.Td>
              <Table.Td>
                <CalendarDate value={g.startsOn} /> – {g.expiresOn ? <CalendarDate value={g.expiresOn} /> : t("opsRegisters.noExpiry")}
              </Table.Td>
              <Table.Td>{g.grantedBy}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOURS[g.status]}>{t(`opsRegisters.grantStatus.${g.status}`)}</Badge>
                {g.revokedReason && <Text size="xs">{g.revokedReason}</Text>}
              </Table.Td>
              <Table.Td>
                {g.reviewDueOn && <CalendarDate value={g.reviewDueOn} />}{" "}
                {g.reviewOverdue && <Badge color="red">{t("opsRegisters.reviewOverdue")}</Badge>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const GRANT_FIELDS = { person: "person", system: "system", level: "level", reason: "reason", grantedBy: "grantedBy", startsOn: "startsOn", expiresOn: "expiresOn" } as const;

function GrantForm() {
  const { t } = useTranslation();
  const record = useRecordGrant();
  const problem = useFormProblem(record.error, GRANT_FIELDS);
  const empty = { person: "", system: "", level: "operator", reason: "", grantedBy: "", startsOn: "", expiresOn: "" };
  const [form, setForm] = useState(empty);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { ...form, expiresOn: form.expiresOn || null } as GrantInput;
    record.mutate(input, {
      onSuccess: () => {
        notifySuccess(t("opsRegisters.grantSaved"));
        setForm(empty);
      },
    });
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t("opsRegisters.newGrant")}
          </Title>
          <Group grow>
            <TextInput label={t("opsRegisters.person")} required value={form.person} onChange={set("person")} error={problem.fields.person} />
            <TextInput label={t("opsRegisters.system")} required value={form.system} onChange={set("system")} error={problem.fields.system} />
          </Group>
          <Group grow>
            <NativeSelect label={t("opsRegisters.level")} value={form.level} onChange={set("level")} data={ACCESS_LEVELS.map((l) => ({ value: l, label: t(`opsRegisters.levels.${l}`) }))} />
            <TextInput label={t("opsRegisters.grantedBy")} required value={form.grantedBy} onChange={set("grantedBy")} error={problem.fields.grantedBy} />
          </Group>
          <Textarea label={t("opsRegisters.reason")} required autosize minRows={2} value={form.reason} onChange={set("reason")} error={problem.fields.reason} />
          <Group grow>
            <TextInput label={t("opsRegisters.startsOn")} type="date" required value={form.startsOn} onChange={set("startsOn")} error={problem.fields.startsOn} />
            <TextInput label={t("opsRegisters.expiresOn")} type="date" value={form.expiresOn} onChange={set("expiresOn")} error={problem.fields.expiresOn} />
          </Group>
          <FormAlert message={problem.general} />
          <Button type="submit" loading={record.isPending}>
            {t("opsRegisters.saveGrant")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function ReviewForm({ grants, today }: { grants: AccessGrant[]; today: string }) {
  const { t } = useTranslation();
  const record = useRecordReview();
  const problem = useFormProblem(record.error, { reviewedOn: "reviewedOn", notes: "notes", decisions: "decisions" } as const);
  const [reviewedOn, setReviewedOn] = useState(today);
  const [notes, setNotes] = useState("");
  const [decisions, setDecisions] = useState<Record<string, { decision: "" | "keep" | "revoke"; note: string }>>({});
  if (grants.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = Object.entries(decisions)
      .filter(([, d]) => d.decision !== "")
      .map(([grantId, d]) => ({ grantId, decision: d.decision as "keep" | "revoke", note: d.note }));
    record.mutate(
      { reviewedOn, notes, decisions: chosen },
      {
        onSuccess: () => {
          notifySuccess(t("opsRegisters.reviewSaved"));
          setDecisions({});
          setNotes("");
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" maw={900}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t("opsRegisters.newReview")}
          </Title>
          <TextInput label={t("opsRegisters.reviewedOn")} type="date" required value={reviewedOn} onChange={(e) => setReviewedOn(e.currentTarget.value)} error={problem.fields.reviewedOn} maw={240} />
          {grants.map((g) => {
            const current = decisions[g.id] ?? { decision: "", note: "" };
            const label = `${g.person} — ${g.system}`;
            return (
              <Group key={g.id} grow align="flex-end">
                <NativeSelect
                  label={t("opsRegisters.decisionFor", { grant: label })}
                  value={current.decision}
                  onChange={(e) => setDecisions({ ...decisions, [g.id]: { ...current, decision: e.currentTarget.value as "" | "keep" | "revoke" } })}
                  data={[
                    { value: "", label: t("opsRegisters.notReviewed") },
                    { value: "keep", label: t("opsRegisters.decisions.keep") },
                    { value: "revoke", label: t("opsRegisters.decisions.revoke") },
                  ]}
                />
                <TextInput label={t("opsRegisters.decisionNote", { grant: label })} value={current.note} onChange={(e) => setDecisions({ ...decisions, [g.id]: { ...current, note: e.currentTarget.value } })} />
              </Group>
            );
          })}
          <Textarea label={t("opsRegisters.reviewNotes")} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={problem.fields.notes} />
          <FormAlert message={problem.fields.decisions ?? problem.general} />
          <Button type="submit" loading={record.isPending}>
            {t("opsRegisters.saveReview")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function RevokeForm({ grants, today }: { grants: AccessGrant[]; today: string }) {
  const { t } = useTranslation();
  const revoke = useRevokeGrant();
  const problem = useFormProblem(revoke.error, { revokedOn: "revokedOn", reason: "reason" } as const);
  const [grantId, setGrantId] = useState("");
  const [revokedOn, setRevokedOn] = useState(today);
  const [reason, setReason] = useState("");
  if (grants.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    revoke.mutate(
      { id: grantId, revokedOn, reason },
      {
        onSuccess: () => {
          notifySuccess(t("opsRegisters.revokeSaved"));
          setGrantId("");
          setReason("");
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t("opsRegisters.revokeTitle")}
          </Title>
          <NativeSelect
            label={t("opsRegisters.grantToRevoke")}
            value={grantId}
            onChange={(e) => setGrantId(e.currentTarget.value)}
            data={[{ value: "", label: "—" }, ...grants.map((g) => ({ value: g.id, label: `${g.person} — ${g.system}` }))]}
          />
          <TextInput label={t("opsRegisters.revokedOn")} type="date" required value={revokedOn} onChange={(e) => setRevokedOn(e.currentTarget.value)} error={problem.fields.revokedOn} maw={240} />
          <Textarea label={t("opsRegisters.revokeReason")} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={problem.fields.reason} />
          <FormAlert message={problem.general} />
          <Button type="submit" color="red" disabled={grantId === ""} loading={revoke.isPending}>
            {t("opsRegisters.revokeSubmit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function ReviewHistory() {
  const { t } = useTranslation();
  const reviews = useAccessReviews();
  if (!reviews.data || reviews.data.length === 0) return null;
  return (
    <Stack>
      <Title order={2} size="h3">
        {t("opsRegisters.reviewsTitle")}
      </Title>
      {reviews.data.map((r) => (
        <Paper key={r.id} withBorder p="sm" radius="md">
          <Text fw={600}>
            <CalendarDate value={r.reviewedOn} /> · {r.reviewer.name}
          </Text>
          {r.notes && <Text size="sm">{r.notes}</Text>}
          <ul>
            {r.decisions.map((d) => (
              <li key={d.grantId}>
                {d.person} — {d.system}: {t(`opsRegisters.decisions.${d.decision}`)}
                {d.note && ` (${d.note})`}
              </li>
            ))}
          </ul>
        </Paper>
      ))}
    </Stack>
  );
}
