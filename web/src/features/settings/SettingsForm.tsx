import { Button, Checkbox, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { TimeZoneSelect } from "../../lib/TimeZoneSelect";
import { useFormProblem } from "../../lib/useFormProblem";
import { type Settings, useSaveSettings } from "./settings.api";
import { asNumberValue, fromDraft, missingFields, OPERATIONS_KEYS, RATE_LIMIT_KINDS, type SettingsDraft, toDraft } from "./settingsDraft";
import { StageMinimumsFields } from "./StageMinimumsFields";

const DAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
type SecurityField = "lockoutThreshold" | "lockoutMinutes" | "sessionHours";
type BackupField = "backupIntervalHours" | "backupKeep" | "assetExpiryAlertDays" | "riskLowMax" | "riskMediumMax";

/** Server field paths this form can show next to an input; the path itself is the key. */
function fieldPathsFor(draft: SettingsDraft): Record<string, string> {
  const paths = ["name", "region", "timeZone", "workingHours", "workingHours.start", "workingHours.end", "workingDays", "stageMinimums"];
  for (const key of Object.keys(draft.stages)) paths.push(`stageMinimums.${key}`, `stageMinimums.${key}.amount`, `stageMinimums.${key}.unit`);
  paths.push("security.lockoutThreshold", "security.lockoutMinutes", "security.sessionHours", "backups.intervalHours", "backups.keep");
  paths.push("registers.assetExpiryAlertDays", "registers.riskLowMax", "registers.riskMediumMax");
  for (const kind of RATE_LIMIT_KINDS) paths.push(`security.rateLimits.${kind}`);
  for (const key of OPERATIONS_KEYS) paths.push(`operations.${key}`);
  return Object.fromEntries(paths.map((p) => [p, p]));
}

export function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  const [draft, setDraft] = useState(() => toDraft(settings));
  const [missing, setMissing] = useState<string[]>([]);
  const problem = useFormProblem(save.error, fieldPathsFor(draft));
  const errorOf = (path: string) => (missing.includes(path) ? t("common.required") : problem.fields[path]);
  const update = (patch: Partial<SettingsDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = missingFields(draft);
    setMissing(empty);
    if (empty.length > 0) return;
    save.mutate(fromDraft(draft), {
      onSuccess: (saved) => {
        setDraft(toDraft(saved));
        notifySuccess(t("settings.saved"));
      },
    });
  };

  const securityInput = (field: SecurityField, label: string, min: number, max: number) => (
    <NumberInput
      label={label}
      required
      min={min}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      value={draft[field]}
      onChange={(value) => update({ [field]: asNumberValue(value) })}
      error={errorOf(`security.${field}`)}
    />
  );

  const backupInput = (field: BackupField, path: string, label: string, min: number, max: number) => (
    <NumberInput
      label={label}
      required
      min={min}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      value={draft[field]}
      onChange={(value) => update({ [field]: asNumberValue(value) })}
      error={errorOf(path)}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Fieldset legend={t("settings.general")}>
          <Stack>
            <TextInput label={t("settings.name")} required value={draft.name} onChange={(e) => update({ name: e.currentTarget.value })} error={errorOf("name")} />
            <TextInput label={t("settings.region")} required value={draft.region} onChange={(e) => update({ region: e.currentTarget.value })} error={errorOf("region")} />
            <TimeZoneSelect label={t("settings.timeZone")} value={draft.timeZone} onChange={(timeZone) => update({ timeZone })} error={errorOf("timeZone")} />
          </Stack>
        </Fieldset>

        <Fieldset legend={t("settings.workingTime")}>
          <Stack>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                type="time"
                label={t("settings.hoursStart")}
                description={t("settings.hoursHint")}
                required
                value={draft.start}
                onChange={(e) => update({ start: e.currentTarget.value })}
                error={errorOf("workingHours.start")}
              />
              <TextInput
                type="time"
                label={t("settings.hoursEnd")}
                description={t("settings.hoursHint")}
                required
                value={draft.end}
                onChange={(e) => update({ end: e.currentTarget.value })}
                error={errorOf("workingHours.end") ?? errorOf("workingHours")}
              />
            </SimpleGrid>
            <Checkbox.Group label={t("settings.workingDays")} value={draft.workingDays} onChange={(workingDays) => update({ workingDays })} error={errorOf("workingDays")}>
              <Group mt="xs" gap="md">
                {DAYS.map((day) => (
                  <Checkbox key={day} value={day} label={t(`settings.days.${day}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("settings.stages")}>
          <Text size="sm" c="dimmed" mb="xs">
            {t("settings.stagesHint")}
          </Text>
          {errorOf("stageMinimums") && (
            <Text size="sm" c="red">
              {errorOf("stageMinimums")}
            </Text>
          )}
          <StageMinimumsFields
            stages={draft.stages}
            onChange={(key, stage) => setDraft((d) => ({ ...d, stages: { ...d.stages, [key]: stage } }))}
            errorOf={errorOf}
          />
        </Fieldset>

        <Fieldset legend={t("settings.security")}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {securityInput("lockoutThreshold", t("settings.lockoutThreshold"), 3, 20)}
            {securityInput("lockoutMinutes", t("settings.lockoutMinutes"), 1, 1440)}
            {securityInput("sessionHours", t("settings.sessionHours"), 1, 24)}
          </SimpleGrid>
          <Checkbox
            mt="md"
            label={t("settings.tenderKeyEscrow")}
            description={t("settings.tenderKeyEscrowHint")}
            checked={draft.tenderKeyEscrow}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              setDraft((d) => ({ ...d, tenderKeyEscrow: checked }));
            }}
          />
        </Fieldset>

        <Fieldset legend={t("settings.rateLimits")}>
          <Text size="sm" c="dimmed" mb="xs">
            {t("settings.rateLimitsHint")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {RATE_LIMIT_KINDS.map((kind) => (
              <NumberInput
                key={kind}
                label={t(`settings.rateLimit.${kind}`)}
                required
                min={1}
                max={10_000}
                allowDecimal={false}
                allowNegative={false}
                value={draft.rateLimits[kind]}
                onChange={(value) => setDraft((d) => ({ ...d, rateLimits: { ...d.rateLimits, [kind]: asNumberValue(value) } }))}
                error={errorOf(`security.rateLimits.${kind}`)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t("settings.backups")}>
          <Text size="sm" c="dimmed" mb="xs">
            {t("settings.backupsHint")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {backupInput("backupIntervalHours", "backups.intervalHours", t("settings.backupIntervalHours"), 0, 168)}
            {backupInput("backupKeep", "backups.keep", t("settings.backupKeep"), 1, 365)}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t("settings.registers")}>
          <Text size="sm" c="dimmed" mb="xs">
            {t("settings.registersHint")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {backupInput("assetExpiryAlertDays", "registers.assetExpiryAlertDays", t("settings.assetExpiryAlertDays"), 1, 730)}
            {backupInput("riskLowMax", "registers.riskLowMax", t("settings.riskLowMax"), 1, 255)}
            {backupInput("riskMediumMax", "registers.riskMediumMax", t("settings.riskMediumMax"), 2, 255)}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t("settings.operations")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {OPERATIONS_KEYS.map((key) => (
              <NumberInput
                key={key}
                label={t(`settings.operationsFields.${key}`)}
                required
                min={key === "capacitySampleMinutes" ? 0 : 1}
                allowDecimal={false}
                allowNegative={false}
                value={draft.operations[key]}
                onChange={(value) => update({ operations: { ...draft.operations, [key]: asNumberValue(value) } })}
                error={errorOf(`operations.${key}`)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>

        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
