import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorText } from "../../lib/problem";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { useLanguage } from "../../lib/useLanguage";
import { LiveEvidencePanel } from "./LiveEvidencePanel";
import { PlatformRegisters } from "./PlatformRegisters";
import { CRITERION_STATUSES, type CriterionStatus, type CriterionView, type Cycle, type Evidence, evidenceHref, useAddEvidence, useAssess } from "./standards.api";

const isStatus = (value: string): value is CriterionStatus => (CRITERION_STATUSES as readonly string[]).includes(value);

/** One criterion: what it asks, its assessment (the team edits it while the cycle is open) and its evidence. */
export function CriterionForm({ cycle, criterion }: { cycle: Cycle; criterion: CriterionView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const a = criterion.assessment;
  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-label={criterion.code}>
      <Stack gap="xs">
        <Text fw={600}>
          {criterion.code} {criterion.text[language]}
        </Text>
        <Text size="xs" c="dimmed">
          {t("standards.criterion.expects")}: {criterion.expects.map((k) => t(`standards.criterion.evidenceKinds.${k}`)).join(", ")}
        </Text>
        {cycle.viewer.mayAssess ? (
          <AssessmentForm cycle={cycle} criterion={criterion} />
        ) : (
          <Text size="sm">
            {t("standards.criterion.status")}: {a ? t(`standards.criterion.statuses.${a.status}`) : t("standards.criterion.notAssessed")}
            {a?.reason && ` — ${a.reason}`}
            {a?.notes && ` · ${a.notes}`}
            {a && ` (${t("standards.criterion.by", { name: a.assessedBy.name })})`}
          </Text>
        )}
        <LiveEvidencePanel cycle={cycle} criterion={criterion} />
        <PlatformRegisters cycle={cycle} criterion={criterion} />
        <EvidenceList cycleId={cycle.id} evidence={criterion.evidence} />
        {cycle.viewer.mayAssess && <EvidenceForms cycleId={cycle.id} criterionCode={criterion.code} />}
      </Stack>
    </Paper>
  );
}

function AssessmentForm({ cycle, criterion }: { cycle: Cycle; criterion: CriterionView }) {
  const { t } = useTranslation();
  const assess = useAssess(cycle.id);
  const [status, setStatus] = useState<CriterionStatus | "">(criterion.assessment?.status ?? "");
  const [reason, setReason] = useState(criterion.assessment?.reason ?? "");
  const [notes, setNotes] = useState(criterion.assessment?.notes ?? "");
  const problem = useFormProblem(assess.error, { status: "status", reason: "reason", notes: "notes" });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (status === "") return;
    assess.mutate(
      { criterionCode: criterion.code, status, notes: notes.trim(), ...(status === "not_applicable" && { reason: reason.trim() }) },
      { onSuccess: () => notifySuccess(t("standards.criterion.saved", { code: criterion.code })) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <NativeSelect
          label={t("standards.criterion.status")}
          required
          value={status}
          error={problem.fields.status}
          data={[{ value: "", label: t("standards.criterion.notAssessed"), disabled: true }, ...CRITERION_STATUSES.map((s) => ({ value: s, label: t(`standards.criterion.statuses.${s}`) }))]}
          onChange={(e) => {
            const next = e.currentTarget.value;
            if (isStatus(next)) setStatus(next);
          }}
        />
        {status === "not_applicable" && <Textarea label={t("standards.criterion.reason")} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={problem.fields.reason} autosize minRows={2} />}
        <Textarea label={t("standards.criterion.notes")} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={problem.fields.notes} autosize minRows={1} />
        <FormAlert message={problem.general} />
        <Group>
          <Button type="submit" size="xs" disabled={status === ""} loading={assess.isPending}>
            {t("standards.criterion.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EvidenceList({ cycleId, evidence }: { cycleId: string; evidence: Evidence[] }) {
  const { t } = useTranslation();
  if (evidence.length === 0) return <Text size="sm" c="dimmed">{t("standards.evidence.none")}</Text>;
  return (
    <Stack gap={2} component="ul" style={{ margin: 0, paddingLeft: "1.2em" }} aria-label={t("standards.evidence.title")}>
      {evidence.map((e) => (
        <li key={e.id}>
          {e.kind === "file" ? (
            <Anchor href={evidenceHref(cycleId, e.id)} size="sm">
              {e.title}
            </Anchor>
          ) : e.url?.startsWith("/") ? (
            <Anchor component={Link} to={e.url} size="sm">
              {e.title}
            </Anchor>
          ) : (
            <Anchor href={e.url ?? "#"} size="sm" target="_blank" rel="noopener noreferrer">
              {e.title}
            </Anchor>
          )}
          <Text span size="xs" c="dimmed">
            {" "}
            · {e.addedBy.name}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

function EvidenceForms({ cycleId, criterionCode }: { cycleId: string; criterionCode: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const upload = useAddEvidence(cycleId);
  const link = useAddEvidence(cycleId);
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [fileMissing, setFileMissing] = useState(false);
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  const linkProblem = useFormProblem(link.error, { title: "title", url: "url" });
  const fileError = fileMissing ? t("standards.evidence.fileMissing") : upload.error ? errorText(upload.error, language, t) : undefined;

  const submitFile = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileMissing(true);
      return;
    }
    upload.mutate(
      { criterionCode, file, name: file.name },
      {
        onSuccess: () => {
          notifySuccess(t("standards.evidence.uploaded", { name: file.name }));
          setFile(null);
          setInputKey((k) => k + 1);
        },
      },
    );
  };
  const submitLink = (event: FormEvent) => {
    event.preventDefault();
    link.mutate(
      { criterionCode, title: title.trim(), url: url.trim() },
      {
        onSuccess: () => {
          notifySuccess(t("standards.evidence.linkAdded"));
          setTitle("");
          setUrl("");
        },
      },
    );
  };
  return (
    <Group align="flex-start" gap="lg" wrap="wrap">
      <form onSubmit={submitFile} noValidate>
        <Group align="flex-end" gap="xs">
          <TextInput
            key={inputKey}
            type="file"
            label={t("standards.evidence.file")}
            description={t("standards.evidence.fileHint")}
            accept=".pdf,.png,.jpg,.jpeg"
            error={fileError}
            onChange={(e: ChangeEvent<HTMLInputElement>) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setFileMissing(false);
              upload.reset();
            }}
          />
          <Button type="submit" size="xs" variant="light" loading={upload.isPending}>
            {t("standards.evidence.upload")}
          </Button>
        </Group>
      </form>
      <form onSubmit={submitLink} noValidate>
        <Group align="flex-end" gap="xs">
          <TextInput label={t("standards.evidence.linkTitle")} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={linkProblem.fields.title} size="xs" />
          <TextInput label={t("standards.evidence.linkUrl")} value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={linkProblem.fields.url} size="xs" />
          <Button type="submit" size="xs" variant="light" loading={link.isPending}>
            {t("standards.evidence.addLink")}
          </Button>
        </Group>
        <FormAlert message={linkProblem.general} />
      </form>
    </Group>
  );
}
