import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { DateTime, useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { useServerNow } from "../../lib/useServerNow";
import { useMe } from "../auth/auth.api";
import { usePublicLpse } from "../public/public.api";
import { LEVELS, PRIORITIES, type SlaTargets, TICKET_CHANNELS, TICKET_STATUSES, TICKET_TYPES, USER_GROUPS, useMonthlyReport, useSaveSlaTargets, useSlaTargets } from "./helpdesk.api";

/** The current month in the LPSE's zone, as YYYY-MM. */
function currentMonth(now: Date, ianaZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: ianaZone, year: "numeric", month: "2-digit" }).formatToParts(now);
  return `${parts.find((p) => p.type === "year")?.value}-${parts.find((p) => p.type === "month")?.value}`;
}

/** /app/helpdesk/laporan?bulan=YYYY-MM: the monthly report, ready to print (the navigation is hidden in print). */
export function MonthlyReportPage() {
  const { t } = useTranslation();
  const lpse = usePublicLpse();
  const now = useServerNow(lpse.data?.clockOffsetMs ?? 0);
  const [params, setParams] = useSearchParams();
  const month = params.get("bulan") ?? currentMonth(now, lpse.data?.ianaZone ?? "Asia/Jakarta");
  const report = useMonthlyReport(month);
  const format = useDateTimeFormat();
  const percent = (share: number | null) => (share === null ? "—" : `${(share * 100).toFixed(1)}%`);
  return (
    <Stack>
      <Group justify="space-between" className="no-print">
        <TextInput label={t("helpdesk.month")} type="month" value={month} onChange={(e) => e.currentTarget.value && setParams({ bulan: e.currentTarget.value })} />
        <Button variant="light" onClick={() => window.print()}>
          {t("helpdesk.print")}
        </Button>
      </Group>
      <div>
        <Title order={1}>{t("helpdesk.reportTitle")}</Title>
        <Text>{lpse.data?.name}</Text>
        {report.data && <Text c="dimmed">{t("helpdesk.period", { from: format(report.data.from, { seconds: false }), to: format(report.data.to, { seconds: false }), zone: report.data.timeZone })}</Text>}
      </div>
      {report.isPending && <PageLoader />}
      {report.isError && <QueryError error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label={t("helpdesk.total")} value={String(report.data.total)} />
            <Figure label={t("helpdesk.technicalCount")} value={String(report.data.technical)} />
            <Figure label={t("helpdesk.escalatedCount")} value={String(report.data.escalated)} />
            <Figure label={t("helpdesk.meanFirstResponse")} value={report.data.meanFirstResponseMinutes === null ? "—" : t("helpdesk.minutes", { value: report.data.meanFirstResponseMinutes })} />
            <Figure label={t("helpdesk.meanResolution")} value={report.data.meanResolutionMinutes === null ? "—" : t("helpdesk.minutes", { value: report.data.meanResolutionMinutes })} />
          </SimpleGrid>
          <Title order={2} size="h3">
            {t("helpdesk.compliance")}
          </Title>
          <Table withTableBorder aria-label={t("helpdesk.compliance")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" />
                <Table.Th scope="col">{t("helpdesk.met")}</Table.Th>
                <Table.Th scope="col">{t("helpdesk.breached")}</Table.Th>
                <Table.Th scope="col">{t("helpdesk.pending")}</Table.Th>
                <Table.Th scope="col">{t("helpdesk.share")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(["firstResponse", "resolution"] as const).map((k) => (
                <Table.Tr key={k}>
                  <Table.Th scope="row">{t(`helpdesk.${k}`)}</Table.Th>
                  <Table.Td>{report.data.compliance[k].met}</Table.Td>
                  <Table.Td>{report.data.compliance[k].breached}</Table.Td>
                  <Table.Td>{report.data.compliance[k].pending}</Table.Td>
                  <Table.Td>{percent(report.data.compliance[k].share)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <CountTable title={t("helpdesk.byType")} counts={report.data.byType} keys={TICKET_TYPES} label={(k) => t(`helpdesk.types.${k}`)} />
            <CountTable title={t("helpdesk.byPriority")} counts={report.data.byPriority} keys={PRIORITIES} label={(k) => k} />
            <CountTable title={t("helpdesk.byUserGroup")} counts={report.data.byUserGroup} keys={USER_GROUPS} label={(k) => t(`helpdesk.groups.${k}`)} />
            <CountTable title={t("helpdesk.byChannel")} counts={report.data.byChannel} keys={TICKET_CHANNELS} label={(k) => t(`helpdesk.channels.${k}`)} />
            <CountTable title={t("helpdesk.byStatus")} counts={report.data.byStatus} keys={TICKET_STATUSES} label={(k) => t(`helpdesk.statuses.${k}`)} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t("helpdesk.generatedAt")}: <DateTime value={report.data.generatedAt} />
          </Text>
        </>
      )}
      <SlaTargetsPanel />
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

function CountTable<K extends string>({ title, counts, keys, label }: { title: string; counts: Record<string, number>; keys: readonly K[]; label: (k: K) => string }) {
  return (
    <Table withTableBorder aria-label={title}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" colSpan={2}>
            {title}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((k) => (
          <Table.Tr key={k}>
            <Table.Td>{label(k)}</Table.Td>
            <Table.Td ta="right">{counts[k] ?? 0}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The SLA targets and the priority matrix they apply to; the LPSE administrator edits the targets. */
function SlaTargetsPanel() {
  const me = useMe();
  const sla = useSlaTargets();
  if (!sla.data) return null;
  return <SlaTargetsForm key={JSON.stringify(sla.data)} initial={sla.data} editable={me.data?.role === "admin_ppe"} />;
}

function SlaTargetsForm({ initial, editable }: { initial: SlaTargets; editable: boolean }) {
  const { t } = useTranslation();
  const save = useSaveSlaTargets();
  const problem = useFormProblem(save.error, {});
  const [targets, setTargets] = useState(initial);
  const matrix = (["high", "medium", "low"] as const).map((u) => ({ u, row: LEVELS.map((i) => (["P4", "P4", "P3", "P2", "P1"] as const)[["low", "medium", "high"].indexOf(u) + ["low", "medium", "high"].indexOf(i)]) }));
  return (
    <Paper withBorder p="md" className="no-print">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(targets, { onSuccess: () => notifySuccess(t("helpdesk.saved")) });
          }}
        >
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t("helpdesk.sla.targetsTitle")}
            </Title>
            <Text size="xs" c="dimmed">
              {t("helpdesk.sla.targetsHint")}
            </Text>
            {PRIORITIES.map((p) => (
              <Group key={p} grow>
                <NumberInput label={`${p} · ${t("helpdesk.firstResponse")}`} min={1} value={targets[p].firstResponseHours} readOnly={!editable} onChange={(v) => setTargets({ ...targets, [p]: { ...targets[p], firstResponseHours: Number(v) } })} />
                <NumberInput label={`${p} · ${t("helpdesk.resolution")}`} min={1} value={targets[p].resolutionHours} readOnly={!editable} onChange={(v) => setTargets({ ...targets, [p]: { ...targets[p], resolutionHours: Number(v) } })} />
              </Group>
            ))}
            <FormAlert message={problem.general} />
            {editable && (
              <Button type="submit" loading={save.isPending}>
                {t("helpdesk.sla.saveTargets")}
              </Button>
            )}
          </Stack>
        </form>
        <div>
          <Title order={2} size="h4" mb="xs">
            {t("helpdesk.sla.matrixTitle")}
          </Title>
          <Table withTableBorder aria-label={t("helpdesk.sla.matrixTitle")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{`${t("helpdesk.urgency")} \\ ${t("helpdesk.impact")}`}</Table.Th>
                {LEVELS.map((i) => (
                  <Table.Th key={i} scope="col">
                    {t(`helpdesk.levels.${i}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matrix.map(({ u, row }) => (
                <Table.Tr key={u}>
                  <Table.Th scope="row">{t(`helpdesk.levels.${u}`)}</Table.Th>
                  {row.map((p, i) => (
                    <Table.Td key={i}>{p}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </SimpleGrid>
    </Paper>
  );
}
