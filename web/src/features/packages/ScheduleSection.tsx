import { Alert, Badge, Button, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import type { TimeZoneCode } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { fromZonedInput, toZonedInput, zonedDate } from "../../lib/zonedTime";
import { usePublicLpse } from "../public/public.api";
import { ScheduleTable } from "../tenders/ScheduleTable";
import { Section } from "../tenders/Section";
import { flowOf } from "../../../../src/modules/settings/stage-keys.js";
import { useProcurementLabels } from "./labels";
import {
  isOneOf,
  type Package,
  type Schedule,
  SCHEDULE_CHANGE_REASONS,
  type ScheduleChangeReason,
  type StageWindow,
  useSaveSchedule,
  useSchedule,
  useScheduleProposal,
} from "./packages.api";
import classes from "./ScheduleEditor.module.css";

/** The schedule for everyone who may see the package; the editor for its committee. */
export function ScheduleSection({ pkg, isCommittee }: { pkg: Package; isCommittee: boolean }) {
  const { t } = useTranslation();
  const labels = useProcurementLabels();
  const schedule = useSchedule(pkg.id);
  const [editing, setEditing] = useState(pkg.status === "draft");
  return (
    <Section id="schedule-title" title={t("packages.scheduleTitle")} testId="package-schedule">
      {schedule.isPending && <PageLoader />}
      {schedule.isError && <QueryError error={schedule.error} onRetry={() => void schedule.refetch()} />}
      {schedule.data && (
        <>
          {schedule.data.stages.length === 0 ? (
            <Text c="dimmed">{t("packages.scheduleEmpty")}</Text>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t("tender.scheduleZone", { zone: schedule.data.timeZone })}
              </Text>
              <ScheduleTable stages={schedule.data.stages} current={schedule.data.current.stage} labelledBy="schedule-title" />
            </>
          )}
          {pkg.status === "published" && schedule.data.changes.length > 1 && (
            <Stack gap={4}>
              <Title order={3} size="h5">
                {t("tender.changesTitle")}
              </Title>
              {schedule.data.changes.map((c) => (
                <Text key={c.changedAt} size="sm">
                  <Badge size="sm" variant="light" color={c.reasonKind === "initial" ? "gray" : "orange"} mr={6}>
                    {labels.reason(c.reasonKind)}
                  </Badge>
                  <DateTime value={c.changedAt} /> {c.reasonKind !== "initial" && `— ${c.reasonText}`}
                </Text>
              ))}
            </Stack>
          )}
          {/* A published schedule changes rarely and only with a reason: its editor opens on request. */}
          {isCommittee && !editing && (
            <Group>
              <Button variant="light" onClick={() => setEditing(true)}>
                {t("packages.changeSchedule")}
              </Button>
            </Group>
          )}
          {/* Keyed by the saved schedule: after a save the editor starts again from what the server holds. */}
          {isCommittee && editing && (
            <ScheduleEditor key={JSON.stringify(schedule.data.stages)} pkg={pkg} schedule={schedule.data} onSaved={() => setEditing(pkg.status === "draft")} onCancel={pkg.status === "published" ? () => setEditing(false) : undefined} />
          )}
        </>
      )}
    </Section>
  );
}

interface TimeField {
  /** What the input shows: the LPSE's wall clock, minutes. */
  value: string;
  /** The exact saved instant while the field is untouched (sent back as it is), else null. */
  iso: string | null;
}
interface Row {
  stage: string;
  start: TimeField;
  end: TimeField;
  /** Over already: the server refuses to move a finished stage after publication. */
  locked: boolean;
}

function fieldOf(iso: string | undefined, zone: TimeZoneCode): TimeField {
  return iso ? { value: toZonedInput(iso, zone), iso } : { value: "", iso: null };
}

/** One row per stage of the package's flow (postqualification one file, or prequalification two files). */
function rowsOf(flow: readonly string[], stages: readonly StageWindow[], zone: TimeZoneCode, published: boolean, nowMs: number): Row[] {
  return flow.map((stage) => {
    const saved = stages.find((s) => s.stage === stage);
    return { stage, start: fieldOf(saved?.startsAt, zone), end: fieldOf(saved?.endsAt, zone), locked: published && saved !== undefined && Date.parse(saved.endsAt) <= nowMs };
  });
}

/** `stages.3.startsAt` → `3.start`; problems with a stage as a whole (`stages.3`) → `3.row`. */
function fieldPaths(count: number): Record<string, string> {
  const paths: Record<string, string> = { reason: "reasonKind", "reason.kind": "reasonKind", "reason.text": "reasonText" };
  for (let i = 0; i < count; i++) {
    paths[`stages.${i}`] = `${i}.row`;
    paths[`stages.${i}.stage`] = `${i}.row`;
    paths[`stages.${i}.startsAt`] = `${i}.start`;
    paths[`stages.${i}.endsAt`] = `${i}.end`;
  }
  return paths;
}

/**
 * The committee's schedule editor: "Usulkan jadwal" fills every stage from the server's proposal (the
 * shortest valid schedule from a date), then each stage's start and end are `datetime-local` inputs read
 * in the LPSE's zone, whatever the device's zone. After publication a change needs a reason, which is
 * published with it, and stages already over stay as they are.
 */
function ScheduleEditor({ pkg, schedule, onSaved, onCancel }: { pkg: Package; schedule: Schedule; onSaved: () => void; onCancel: (() => void) | undefined }) {
  const { t } = useTranslation();
  const labels = useProcurementLabels();
  const lpse = usePublicLpse();
  const zone = schedule.timeZone;
  const published = pkg.status === "published";
  const nowMs = Date.now() + (lpse.data?.clockOffsetMs ?? 0);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(flowOf(pkg.qualification), schedule.stages, zone, published, nowMs));
  // Tomorrow by default: a schedule starting this very minute would be in the past by the time it is published.
  const [start, setStart] = useState(() => zonedDate(new Date(nowMs), zone, 1));
  const [reasonKind, setReasonKind] = useState<ScheduleChangeReason | "">("");
  const [reasonText, setReasonText] = useState("");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const proposal = useScheduleProposal(pkg.id);
  const save = useSaveSchedule(pkg.id);
  const problem = useFormProblem(save.error, fieldPaths(rows.length));
  const proposalProblem = useFormProblem(proposal.error, { start: "start" } as const);
  const errorOf = (name: string) => localErrors[name] ?? problem.fields[name];

  const propose = () =>
    proposal.mutate(start, {
      onSuccess: (stages) => {
        // Rounded up to whole minutes (what the inputs show); stages already over keep their saved times.
        setRows((current) =>
          current.map((row) => {
            const proposed = stages.find((s) => s.stage === row.stage);
            if (row.locked || !proposed) return row;
            return { ...row, start: { value: toZonedInput(proposed.startsAt, zone), iso: null }, end: { value: toZonedInput(proposed.endsAt, zone), iso: null } };
          }),
        );
        save.reset();
        setLocalErrors({});
        notifySuccess(t("packages.proposed"));
      },
    });

  const edit = (index: number, part: "start" | "end", value: string) => setRows((current) => current.map((row, i) => (i === index ? { ...row, [part]: { value, iso: null } } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    const stages = rows.map((row, i) => {
      const startsAt = row.start.iso ?? fromZonedInput(row.start.value, zone);
      const endsAt = row.end.iso ?? fromZonedInput(row.end.value, zone);
      if (!startsAt) missing[`${i}.start`] = t("common.required");
      if (!endsAt) missing[`${i}.end`] = t("common.required");
      return { stage: row.stage, startsAt: startsAt ?? "", endsAt: endsAt ?? "" };
    });
    if (published && reasonKind === "") missing.reasonKind = t("common.required");
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0) return;
    save.mutate(
      { stages, ...(published && reasonKind !== "" && { reason: { kind: reasonKind, text: reasonText.trim() } }) },
      {
        onSuccess: () => {
          notifySuccess(t("packages.scheduleSaved"));
          onSaved();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="schedule-editor-title">
      <Stack gap="sm" mt="md">
        <Title order={3} size="h4" id="schedule-editor-title">
          {published ? t("packages.changeSchedule") : t("packages.editSchedule")}
        </Title>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput type="date" label={t("packages.proposeStart")} value={start} onChange={(e) => setStart(e.currentTarget.value)} error={proposalProblem.fields.start} />
          <Button variant="light" onClick={propose} loading={proposal.isPending} disabled={start === ""}>
            {t("packages.propose")}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t("packages.proposeHint")}
        </Text>
        <FormAlert message={proposal.error && Object.keys(proposalProblem.fields).length === 0 ? proposalProblem.general : null} />
        <Text size="sm" fw={500}>
          {t("packages.editorHint", { zone })}
        </Text>
        <div>
          {rows.map((row, i) => (
            <fieldset key={row.stage} className={classes.stage} disabled={row.locked}>
              <legend className={classes.legend}>{labels.stage(row.stage)}</legend>
              <TextInput type="datetime-local" label={t("packages.starts")} value={row.start.value} onChange={(e) => edit(i, "start", e.currentTarget.value)} error={errorOf(`${i}.start`)} />
              <TextInput type="datetime-local" label={t("packages.ends")} value={row.end.value} onChange={(e) => edit(i, "end", e.currentTarget.value)} error={errorOf(`${i}.end`)} />
              {(row.locked || errorOf(`${i}.row`)) && (
                <Text size="xs" c={errorOf(`${i}.row`) ? "red" : "dimmed"} className={classes.note}>
                  {errorOf(`${i}.row`) ?? t("packages.stageOver")}
                </Text>
              )}
            </fieldset>
          ))}
        </div>
        {published && (
          <Stack gap="sm">
            <Alert color="orange" variant="light" p="xs">
              <Text size="sm">{t("packages.reasonHint")}</Text>
            </Alert>
            <NativeSelect
              label={t("packages.reasonKind")}
              required
              value={reasonKind}
              error={errorOf("reasonKind")}
              data={[{ value: "", label: t("packages.reasonPlaceholder") }, ...SCHEDULE_CHANGE_REASONS.map((r) => ({ value: r, label: labels.reason(r) }))]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setReasonKind(isOneOf(SCHEDULE_CHANGE_REASONS, value) ? value : "");
              }}
            />
            <Textarea
              label={t("packages.reasonText")}
              required
              autosize
              minRows={2}
              maxRows={8}
              maxLength={2000}
              value={reasonText}
              onChange={(e) => setReasonText(e.currentTarget.value)}
              error={errorOf("reasonText")}
            />
          </Stack>
        )}
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            {t("packages.saveSchedule")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
