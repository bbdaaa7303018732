import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CalendarDate } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { useLanguage } from "../../lib/useLanguage";
import { Section } from "../tenders/Section";
import { type Cycle, FINDING_PRIORITIES, type Finding, type FindingPriority, useMarkDone, useRaiseFinding, useStaff, useVerify } from "./standards.api";

const STATUS_COLOR = { open: "red", done: "yellow", verified: "green" } as const;

/** Findings with their corrective actions: the team raises and verifies them, each owner reports its own done. */
export function FindingsSection({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  return (
    <Section id="findings" title={t("standards.findings.title")} testId="findings">
      {cycle.findings.length === 0 && <Text c="dimmed">{t("standards.findings.none")}</Text>}
      {cycle.findings.map((f) => (
        <FindingCard key={f.id} cycleId={cycle.id} finding={f} />
      ))}
      {cycle.viewer.mayAssess && <RaiseFindingForm cycle={cycle} />}
    </Section>
  );
}

function FindingCard({ cycleId, finding }: { cycleId: string; finding: Finding }) {
  const { t } = useTranslation();
  const markDone = useMarkDone(cycleId);
  const verify = useVerify(cycleId);
  const [doneNote, setDoneNote] = useState("");
  const [verifyNote, setVerifyNote] = useState("");
  const doneProblem = useFormProblem(markDone.error, { note: "note" });
  const verifyProblem = useFormProblem(verify.error, { note: "note" });
  const title = t("standards.findings.number", { n: finding.number });
  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-label={title}>
      <Stack gap={4}>
        <Group justify="space-between">
          <Title order={3} size="h5">
            {title} · {finding.standardCode}
            {finding.criterionCode && ` (${finding.criterionCode})`}
          </Title>
          <Badge color={STATUS_COLOR[finding.status]} variant="light" data-testid="finding-status">
            {t(`standards.findings.status.${finding.status}`)}
          </Badge>
        </Group>
        <Text size="sm">{finding.description}</Text>
        <Text size="sm">
          <strong>{t("standards.findings.action")}:</strong> {finding.action}
        </Text>
        <Text size="sm" c="dimmed">
          {t("standards.findings.priority")}: {t(`standards.findings.priorities.${finding.priority}`)} · {t("standards.findings.owner")}: {finding.owner.name} · {t("standards.findings.dueDate")}: <CalendarDate value={finding.dueDate} />
        </Text>
        {finding.doneNote && (
          <Text size="sm">
            <strong>{t("standards.findings.doneNote")}:</strong> {finding.doneNote}
          </Text>
        )}
        {finding.verifiedBy && <Text size="sm">{t("standards.findings.verifiedBy", { name: finding.verifiedBy.name })}</Text>}
        {finding.mayMarkDone && (
          <form
            noValidate
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              markDone.mutate({ findingId: finding.id, note: doneNote.trim() }, { onSuccess: () => notifySuccess(t("standards.findings.markedDone")) });
            }}
          >
            <Textarea label={t("standards.findings.doneNote")} required value={doneNote} onChange={(e) => setDoneNote(e.currentTarget.value)} error={doneProblem.fields.note} autosize minRows={2} />
            <FormAlert message={doneProblem.general} />
            <Button type="submit" size="xs" mt="xs" loading={markDone.isPending}>
              {t("standards.findings.markDone")}
            </Button>
          </form>
        )}
        {finding.mayVerify && (
          <form
            noValidate
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              verify.mutate({ findingId: finding.id, note: verifyNote.trim() }, { onSuccess: () => notifySuccess(t("standards.findings.verified")) });
            }}
          >
            <Textarea label={t("standards.findings.verifyNote")} value={verifyNote} onChange={(e) => setVerifyNote(e.currentTarget.value)} error={verifyProblem.fields.note} autosize minRows={1} />
            <FormAlert message={verifyProblem.general} />
            <Button type="submit" size="xs" mt="xs" color="green" loading={verify.isPending}>
              {t("standards.findings.verify")}
            </Button>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

const FIELDS = { standardCode: "standardCode", criterionCode: "criterionCode", description: "description", action: "action", priority: "priority", ownerId: "ownerId", dueDate: "dueDate" } as const;

function RaiseFindingForm({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const staff = useStaff(true);
  const raise = useRaiseFinding(cycle.id);
  const [standardCode, setStandardCode] = useState(cycle.standards[0]?.code ?? "");
  const [criterionCode, setCriterionCode] = useState("");
  const [description, setDescription] = useState("");
  const [action, setAction] = useState("");
  const [priority, setPriority] = useState<FindingPriority>("medium");
  const [ownerId, setOwnerId] = useState("");
  const [dueDate, setDueDate] = useState("");
  const problem = useFormProblem(raise.error, FIELDS);
  const criteria = cycle.standards.find((s) => s.code === standardCode)?.criteria ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    raise.mutate(
      { standardCode, ...(criterionCode !== "" && { criterionCode }), description: description.trim(), action: action.trim(), priority, ownerId, dueDate },
      {
        onSuccess: () => {
          notifySuccess(t("standards.findings.raised"));
          setDescription("");
          setAction("");
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t("standards.findings.raise")}>
      <Stack gap="xs" mt="sm">
        <Title order={3} size="h4">
          {t("standards.findings.raise")}
        </Title>
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label={t("standards.findings.standard")}
            required
            value={standardCode}
            error={problem.fields.standardCode}
            data={cycle.standards.map((s) => ({ value: s.code, label: `${s.number}. ${s.name[language]}` }))}
            onChange={(e) => {
              setStandardCode(e.currentTarget.value);
              setCriterionCode("");
            }}
          />
          <NativeSelect label={t("standards.findings.criterion")} value={criterionCode} error={problem.fields.criterionCode} data={[{ value: "", label: "—" }, ...criteria.map((k) => ({ value: k.code, label: k.code }))]} onChange={(e) => setCriterionCode(e.currentTarget.value)} />
        </Group>
        <Textarea label={t("standards.findings.description")} required value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={problem.fields.description} autosize minRows={2} />
        <Textarea label={t("standards.findings.action")} required value={action} onChange={(e) => setAction(e.currentTarget.value)} error={problem.fields.action} autosize minRows={2} />
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label={t("standards.findings.priority")}
            required
            value={priority}
            error={problem.fields.priority}
            data={FINDING_PRIORITIES.map((p) => ({ value: p, label: t(`standards.findings.priorities.${p}`) }))}
            onChange={(e) => {
              const next = FINDING_PRIORITIES.find((p) => p === e.currentTarget.value);
              if (next) setPriority(next);
            }}
          />
          <NativeSelect
            label={t("standards.findings.owner")}
            required
            value={ownerId}
            error={problem.fields.ownerId}
            data={[{ value: "", label: "—" }, ...(staff.data ?? []).map((u) => ({ value: u.id, label: u.name }))]}
            onChange={(e) => setOwnerId(e.currentTarget.value)}
          />
          <TextInput type="date" label={t("standards.findings.dueDate")} required value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} error={problem.fields.dueDate} />
        </Group>
        <FormAlert message={problem.general} />
        <Group>
          <Button type="submit" loading={raise.isPending}>
            {t("standards.findings.raise")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
