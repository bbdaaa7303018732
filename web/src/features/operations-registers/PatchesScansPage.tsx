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
import { REMEDIATION_STATUSES, type Scan, type ScanInput, SEVERITIES, usePatches, useRecordPatch, useRecordScan, useScan, useScans, useUpdateFinding } from "./operations-registers.api";

/** /app/patch-kerentanan: patches applied and vulnerability scans with remediation of each finding (standard 11). */
export function PatchesScansPage() {
  const { t } = useTranslation();
  const me = useMe();
  const manage = me.data?.role === "admin_ppe";
  const patches = usePatches();
  const scans = useScans();
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Stack>
      <Title order={1}>{t("opsRegisters.patchesTitle")}</Title>
      <Title order={2} size="h3">
        {t("opsRegisters.patches")}
      </Title>
      {patches.isPending && <PageLoader />}
      {patches.isError && <QueryError error={patches.error} onRetry={() => void patches.refetch()} />}
      {patches.data && patches.data.length === 0 && <Text c="dimmed">{t("opsRegisters.noPatches")}</Text>}
      {patches.data && patches.data.length > 0 && (
        <Table withTableBorder aria-label={t("opsRegisters.patches")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("opsRegisters.appliedOn")}</Table.Th>
              <Table.Th scope="col">{t("opsRegisters.system")}</Table.Th>
              <Table.Th scope="col">{t("opsRegisters.patchId")}</Table.Th>
              <Table.Th scope="col">{t("opsRegisters.appliedBy")}</Table.Th>
              <Table.Th scope="col">{t("opsRegisters.relatedChange")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {patches.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <CalendarDate value={p.appliedOn} />
                </Table.Td>
                <Table.Td>{p.system}</Table.Td>
                <Table.Th scope="row">
                  {p.patchId}
                  {p.notes && (
                    <Text size="xs" c="dimmed">
                      {p.notes}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>{p.appliedBy}</Table.Td>
                <Table.Td>{p.relatedChange ?? "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {manage && <PatchForm />}

      <Title order={2} size="h3">
        {t("opsRegisters.scans")}
      </Title>
      {scans.isError && <QueryError error={scans.error} onRetry={() => void scans.refetch()} />}
      {scans.data && scans.data.length === 0 && <Text c="dimmed">{t("opsRegisters.noScans")}</Text>}
      {scans.data && scans.data.length > 0 && (
        <Table withTableBorder aria-label={t("opsRegisters.scans")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("opsRegisters.scannedOn")}</Table.Th>
              <Table.Th scope="col">{t("opsRegisters.tool")}</Table.Th>
              <Table.Th scope="col">{t("opsRegisters.scope")}</Table.Th>
              {SEVERITIES.map((s) => (
                <Table.Th scope="col" key={s}>
                  {t(`opsRegisters.severities.${s}`)}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t("opsRegisters.openFindings")}</Table.Th>
              <Table.Th scope="col" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scans.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <CalendarDate value={s.scannedOn} />
                </Table.Td>
                <Table.Th scope="row">{s.tool}</Table.Th>
                <Table.Td>{s.scope}</Table.Td>
                {SEVERITIES.map((sev) => (
                  <Table.Td key={sev}>{s.findingsBySeverity[sev]}</Table.Td>
                ))}
                <Table.Td>
                  {s.openFindings} {s.overdueFindings > 0 && <Badge color="red">{t("opsRegisters.overdueCount", { count: s.overdueFindings })}</Badge>}
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setSelected(s.id)} aria-label={t("opsRegisters.openScan", { tool: s.tool, date: s.scannedOn })}>
                    {t("opsRegisters.findings")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {selected && <ScanFindings scanId={selected} manage={manage} />}
      {manage && <ScanForm onSaved={setSelected} />}
    </Stack>
  );
}

const PATCH_FIELDS = { system: "system", patchId: "patchId", appliedOn: "appliedOn", appliedBy: "appliedBy", relatedChange: "relatedChange", notes: "notes" } as const;

function PatchForm() {
  const { t } = useTranslation();
  const record = useRecordPatch();
  const problem = useFormProblem(record.error, PATCH_FIELDS);
  const empty = { system: "", patchId: "", appliedOn: "", appliedBy: "", relatedChange: "", notes: "" };
  const [form, setForm] = useState(empty);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      { ...form, relatedChange: form.relatedChange.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t("opsRegisters.patchSaved"));
          setForm(empty);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4">
            {t("opsRegisters.newPatch")}
          </Title>
          <Group grow>
            <TextInput label={t("opsRegisters.system")} required value={form.system} onChange={set("system")} error={problem.fields.system} />
            <TextInput label={t("opsRegisters.patchId")} required value={form.patchId} onChange={set("patchId")} error={problem.fields.patchId} />
          </Group>
          <Group grow>
            <TextInput label={t("opsRegisters.appliedOn")} type="date" required value={form.appliedOn} onChange={set("appliedOn")} error={problem.fields.appliedOn} />
            <TextInput label={t("opsRegisters.appliedBy")} required value={form.appliedBy} onChange={set("appliedBy")} error={problem.fields.appliedBy} />
            <TextInput label={t("opsRegisters.relatedChange")} value={form.relatedChange} onChange={set("relatedChange")} error={problem.fields.relatedChange} />
          </Group>
          <Textarea label={t("opsRegisters.notes")} autosize minRows={2} value={form.notes} onChange={set("notes")} error={problem.fields.notes} />
          <FormAlert message={problem.general} />
          <Button type="submit" loading={record.isPending}>
            {t("opsRegisters.savePatch")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function ScanForm({ onSaved }: { onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const record = useRecordScan();
  const problem = useFormProblem(record.error, { scannedOn: "scannedOn", tool: "tool", scope: "scope", findings: "findings" } as const);
  const [form, setForm] = useState({ scannedOn: "", tool: "", scope: "" });
  const [findings, setFindings] = useState<ScanInput["findings"]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      { ...form, findings },
      {
        onSuccess: (scan) => {
          notifySuccess(t("opsRegisters.scanSaved"));
          setForm({ scannedOn: "", tool: "", scope: "" });
          setFindings([]);
          onSaved(scan.id);
        },
      },
    );
  };
  const setFinding = (i: number, change: Partial<ScanInput["findings"][number]>) => setFindings(findings.map((f, j) => (j === i ? { ...f, ...change } : f)));
  return (
    <Paper withBorder p="md" radius="md" maw={900}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4">
            {t("opsRegisters.newScan")}
          </Title>
          <Group grow>
            <TextInput label={t("opsRegisters.scannedOn")} type="date" required value={form.scannedOn} onChange={(e) => setForm({ ...form, scannedOn: e.currentTarget.value })} error={problem.fields.scannedOn} />
            <TextInput label={t("opsRegisters.tool")} required value={form.tool} onChange={(e) => setForm({ ...form, tool: e.currentTarget.value })} error={problem.fields.tool} />
          </Group>
          <TextInput label={t("opsRegisters.scope")} required value={form.scope} onChange={(e) => setForm({ ...form, scope: e.currentTarget.value })} error={problem.fields.scope} />
          {findings.map((f, i) => (
            <Group key={i} grow align="flex-end">
              <TextInput label={t("opsRegisters.findingTitle", { n: i + 1 })} required value={f.title} onChange={(e) => setFinding(i, { title: e.currentTarget.value })} />
              <NativeSelect
                label={t("opsRegisters.findingSeverity", { n: i + 1 })}
                value={f.severity}
                onChange={(e) => setFinding(i, { severity: e.currentTarget.value as ScanInput["findings"][number]["severity"] })}
                data={SEVERITIES.map((s) => ({ value: s, label: t(`opsRegisters.severities.${s}`) }))}
              />
              <TextInput label={t("opsRegisters.findingDue", { n: i + 1 })} type="date" required value={f.dueOn} onChange={(e) => setFinding(i, { dueOn: e.currentTarget.value })} />
            </Group>
          ))}
          <Group>
            <Button variant="light" onClick={() => setFindings([...findings, { title: "", severity: "medium", dueOn: "" }])}>
              {t("opsRegisters.addFinding")}
            </Button>
          </Group>
          <FormAlert message={problem.fields.findings ?? problem.general} />
          <Button type="submit" loading={record.isPending}>
            {t("opsRegisters.saveScan")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function ScanFindings({ scanId, manage }: { scanId: string; manage: boolean }) {
  const { t } = useTranslation();
  const scan = useScan(scanId);
  if (scan.isPending) return <PageLoader />;
  if (scan.isError) return <QueryError error={scan.error} onRetry={() => void scan.refetch()} />;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Title order={3} size="h4">
          {t("opsRegisters.findingsOf", { tool: scan.data.tool })}
        </Title>
        {scan.data.findings.length === 0 && <Text c="dimmed">{t("opsRegisters.noFindings")}</Text>}
        {scan.data.findings.map((f) => (
          <FindingRow key={f.id} scan={scan.data} finding={f} manage={manage} />
        ))}
      </Stack>
    </Paper>
  );
}

function FindingRow({ scan, finding, manage }: { scan: Scan; finding: Scan["findings"][number]; manage: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateFinding();
  const problem = useFormProblem(update.error, { note: "note", status: "status" } as const);
  const [status, setStatus] = useState(finding.status);
  const [note, setNote] = useState(finding.resolutionNote ?? "");
  return (
    <Paper withBorder p="sm" radius="sm" role="group" aria-label={finding.title}>
      <Group justify="space-between">
        <Text fw={600}>{finding.title}</Text>
        <Group gap={4}>
          <Badge color={finding.severity === "critical" || finding.severity === "high" ? "red" : "yellow"}>{t(`opsRegisters.severities.${finding.severity}`)}</Badge>
          <Badge color={finding.status === "remediated" ? "green" : "gray"}>{t(`opsRegisters.remediation.${finding.status}`)}</Badge>
          {finding.overdue && <Badge color="red">{t("opsRegisters.overdue")}</Badge>}
        </Group>
      </Group>
      <Text size="sm">
        {t("opsRegisters.dueOn")}: <CalendarDate value={finding.dueOn} />
        {finding.resolvedOn && (
          <>
            {" · "}
            {t("opsRegisters.resolvedOn")}: <CalendarDate value={finding.resolvedOn} />
          </>
        )}
      </Text>
      {manage && (
        <Group align="flex-end" mt="xs">
          <NativeSelect
            label={t("opsRegisters.remediationStatus")}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as typeof status)}
            data={REMEDIATION_STATUSES.map((s) => ({ value: s, label: t(`opsRegisters.remediation.${s}`) }))}
          />
          <TextInput label={t("opsRegisters.remediationNote")} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={problem.fields.note} />
          <Button
            loading={update.isPending}
            onClick={() => update.mutate({ scanId: scan.id, findingId: finding.id, status, note }, { onSuccess: () => notifySuccess(t("opsRegisters.findingSaved")) })}
          >
            {t("opsRegisters.saveFinding")}
          </Button>
        </Group>
      )}
      <FormAlert message={problem.general} />
    </Paper>
  );
}
