import { Accordion, Anchor, Badge, Button, Checkbox, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { formatCalendarDate } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { useLanguage } from "../../lib/useLanguage";
import { Section } from "../tenders/Section";
import { CriterionForm } from "./CriterionForm";
import { FindingsSection } from "./FindingsSection";
import { StandardReviewBadge } from "./LiveEvidencePanel";
import { type Cycle, reportHref, type StandardView, useAppointCoordinator, useAppointTeam, useCycle, useRecordLkpp, useSignOff, useStaff } from "./standards.api";

/** One cycle: the result, the team, the 17 standards with their criteria, findings, sign-off and the report. */
export function CyclePage() {
  const { t } = useTranslation();
  const { cycleId = "" } = useParams();
  const cycle = useCycle(cycleId);
  const format = useDateTimeFormat();
  const back = (
    <Anchor component={Link} to="/app/standar" size="sm">
      {t("standards.backToList")}
    </Anchor>
  );
  if (cycle.isPending) return <PageLoader />;
  if (cycle.isError) return <QueryError error={cycle.error} onRetry={() => void cycle.refetch()} />;
  const c = cycle.data;
  return (
    <Stack maw={1100}>
      {back}
      <div>
        <Group gap="sm">
          <Title order={1}>{t("standards.cycleTitle", { period: c.period })}</Title>
          <Badge color={c.status === "signed_off" ? "green" : "blue"} variant="light">
            {t(`standards.status.${c.status}`)}
          </Badge>
        </Group>
        <Text size="xl" fw={700} data-testid="met-count" aria-live="polite">
          {t("standards.result", { met: c.metCount, total: c.standardCount })}
        </Text>
        <Text size="sm" c="dimmed">
          {t("standards.catalog", { version: c.catalogVersion })} · {t("standards.assessed", { assessed: c.assessedCount, total: c.criterionCount })} · {t("standards.openedAt")}:{" "}
          {format(c.openedAt, { seconds: false })}
        </Text>
        <Anchor href={reportHref(c.id)} target="_blank" rel="noopener">
          {t("standards.report")}
        </Anchor>
      </div>
      <TeamSection cycle={c} />
      <Section id="standards-list" title={t("standards.standardsTitle")}>
        <Accordion multiple variant="separated">
          {c.standards.map((s) => (
            <StandardItem key={s.code} cycle={c} standard={s} />
          ))}
        </Accordion>
      </Section>
      <FindingsSection cycle={c} />
      <SignOffSection cycle={c} />
    </Stack>
  );
}

function TeamSection({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const staff = useStaff(cycle.viewer.mayManage);
  const appoint = useAppointTeam(cycle.id);
  const [chosen, setChosen] = useState<string[]>(cycle.team.map((m) => m.id));
  const problem = useFormProblem(appoint.error, { memberIds: "memberIds" });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    appoint.mutate({ memberIds: chosen }, { onSuccess: () => notifySuccess(t("standards.team.saved")) });
  };
  return (
    <Section id="team" title={t("standards.team.title")} testId="team">
      {cycle.team.length === 0 ? <Text c="dimmed">{t("standards.team.empty")}</Text> : <Text>{cycle.team.map((m) => m.name).join(", ")}</Text>}
      {cycle.viewer.mayManage && staff.data && (
        <form onSubmit={submit} noValidate>
          <Checkbox.Group label={t("standards.team.choose")} value={chosen} onChange={setChosen} error={problem.fields.memberIds}>
            <Group mt="xs" gap="md" wrap="wrap">
              {staff.data.map((u) => (
                <Checkbox key={u.id} value={u.id} label={u.name} />
              ))}
            </Group>
          </Checkbox.Group>
          <FormAlert message={problem.general} />
          <Button type="submit" mt="sm" loading={appoint.isPending}>
            {t("standards.team.save")}
          </Button>
        </form>
      )}
    </Section>
  );
}

function StandardItem({ cycle, standard }: { cycle: Cycle; standard: StandardView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Accordion.Item value={standard.code}>
      <Accordion.Control>
        <Group justify="space-between" wrap="nowrap" pr="sm">
          <span>
            {standard.number}. {standard.name[language]}
          </span>
          <Group gap="xs" wrap="nowrap">
            <StandardReviewBadge cycle={cycle} standard={standard} />
            <Badge color={standard.met ? "green" : "gray"} variant="light">
              {standard.met ? t("standards.met") : t("standards.notMet")}
            </Badge>
          </Group>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="md">
          <Coordinator cycle={cycle} standard={standard} />
          {standard.lkpp && (
            <Text size="sm">
              {t(standard.lkpp.result === "met" ? "standards.lkpp.met" : "standards.lkpp.notMet", { letter: standard.lkpp.letterNumber, date: formatCalendarDate(standard.lkpp.letterDate, language) })}
            </Text>
          )}
          {cycle.viewer.mayRecordLkpp && <LkppForm cycle={cycle} standard={standard} />}
          {standard.criteria.map((criterion) => (
            <CriterionForm key={criterion.code} cycle={cycle} criterion={criterion} />
          ))}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

function Coordinator({ cycle, standard }: { cycle: Cycle; standard: StandardView }) {
  const { t } = useTranslation();
  const appoint = useAppointCoordinator(cycle.id);
  const [userId, setUserId] = useState(standard.coordinator?.id ?? "");
  if (!cycle.viewer.mayManage || cycle.team.length === 0) {
    return (
      <Text size="sm">
        {t("standards.team.coordinator")}: {standard.coordinator?.name ?? t("standards.team.noCoordinator")}
      </Text>
    );
  }
  return (
    <Group align="flex-end" gap="sm">
      <NativeSelect
        label={`${t("standards.team.coordinator")} ${standard.code}`}
        value={userId}
        onChange={(e) => setUserId(e.currentTarget.value)}
        data={[{ value: "", label: t("standards.team.noCoordinator") }, ...cycle.team.map((m) => ({ value: m.id, label: m.name }))]}
      />
      <Button variant="light" disabled={userId === ""} loading={appoint.isPending} onClick={() => appoint.mutate({ standardCode: standard.code, userId }, { onSuccess: () => notifySuccess(t("standards.team.coordinatorSaved")) })}>
        {t("standards.team.setCoordinator")}
      </Button>
    </Group>
  );
}

/** After sign-off, the Kepala LPSE records LKPP's verification letter for the standard. */
function LkppForm({ cycle, standard }: { cycle: Cycle; standard: StandardView }) {
  const { t } = useTranslation();
  const record = useRecordLkpp(cycle.id);
  const [result, setResult] = useState<"met" | "not_met">(standard.lkpp?.result ?? "met");
  const [letterNumber, setLetterNumber] = useState(standard.lkpp?.letterNumber ?? "");
  const [letterDate, setLetterDate] = useState(standard.lkpp?.letterDate ?? "");
  const problem = useFormProblem(record.error, { result: "result", letterNumber: "letterNumber", letterDate: "letterDate" });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ standardCode: standard.code, result, letterNumber: letterNumber.trim(), letterDate }, { onSuccess: () => notifySuccess(t("standards.lkpp.saved")) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`${t("standards.lkpp.title")} ${standard.code}`}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <NativeSelect
          label={t("standards.lkpp.result")}
          value={result}
          error={problem.fields.result}
          data={[
            { value: "met", label: t("standards.met") },
            { value: "not_met", label: t("standards.lkpp.resultNotMet") },
          ]}
          onChange={(e) => setResult(e.currentTarget.value === "not_met" ? "not_met" : "met")}
        />
        <TextInput label={t("standards.lkpp.letterNumber")} value={letterNumber} onChange={(e) => setLetterNumber(e.currentTarget.value)} error={problem.fields.letterNumber} />
        <TextInput type="date" label={t("standards.lkpp.letterDate")} value={letterDate} onChange={(e) => setLetterDate(e.currentTarget.value)} error={problem.fields.letterDate} />
      </Group>
      <FormAlert message={problem.general} />
      <Button type="submit" size="xs" mt="xs" variant="light" loading={record.isPending}>
        {t("standards.lkpp.save")}
      </Button>
    </form>
  );
}

function SignOffSection({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const signOff = useSignOff(cycle.id);
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
  const problem = useFormProblem(signOff.error, { note: "note" });
  if (cycle.signedOffBy && cycle.signedOffAt) {
    return (
      <Section id="sign-off" title={t("standards.signOff.title")}>
        <Text>{t("standards.signOff.signed", { name: cycle.signedOffBy.name, at: format(cycle.signedOffAt, { seconds: false }) })}</Text>
        {cycle.signOffNote && <Text size="sm">{cycle.signOffNote}</Text>}
        {cycle.standards.some((s) => s.lkpp) && (
          <Text size="sm" c="dimmed">
            {t("standards.lkppMet", { n: cycle.lkppMetCount })}
          </Text>
        )}
      </Section>
    );
  }
  if (!cycle.viewer.maySignOff) return null;
  return (
    <Section id="sign-off" title={t("standards.signOff.title")}>
      <Text size="sm" c="dimmed">
        {t("standards.signOff.intro")}
      </Text>
      <Textarea label={t("standards.signOff.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={problem.fields.note} autosize minRows={2} />
      <FormAlert message={problem.general} />
      <Group>
        <Button color="green" onClick={() => setConfirming(true)}>
          {t("standards.signOff.submit")}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t("standards.signOff.title")}
        message={t("standards.signOff.confirm", { period: cycle.period, met: cycle.metCount, total: cycle.standardCount })}
        confirmLabel={t("standards.signOff.submit")}
        loading={signOff.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          signOff.mutate(
            { note: note.trim() },
            {
              onSuccess: () => notifySuccess(t("standards.signOff.done")),
              onSettled: () => setConfirming(false),
            },
          )
        }
      />
    </Section>
  );
}
