import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { DateTime } from "../../lib/DateTime";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useServerNow } from "../../lib/useServerNow";
import { usePublicLpse } from "../public/public.api";
import { type CapacitySample, FIGURES, useCapacityReport, useCapacitySamples } from "./operations-registers.api";

/** The current month in the LPSE's zone, as YYYY-MM. */
function currentMonth(now: Date, ianaZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: ianaZone, year: "numeric", month: "2-digit" }).formatToParts(now);
  return `${parts.find((p) => p.type === "year")?.value}-${parts.find((p) => p.type === "month")?.value}`;
}

/** Bytes in the largest unit that keeps the figure at or above 1. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "—";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

const BYTE_FIGURES = new Set<string>(["processRssBytes", "databaseBytes", "uploadBytes"]);
const PERCENT_FIGURES = new Set<string>(["loadPercent", "memoryUsedPercent"]);

function show(figure: string, value: number | null): string {
  if (value === null) return "—";
  if (BYTE_FIGURES.has(figure)) return formatBytes(value);
  if (PERCENT_FIGURES.has(figure)) return `${value}%`;
  return String(value);
}

/** /app/kapasitas?bulan=YYYY-MM: the monthly capacity report (standard 7) and the recent samples, breaches highlighted. */
export function CapacityPage() {
  const { t } = useTranslation();
  const lpse = usePublicLpse();
  const now = useServerNow(lpse.data?.clockOffsetMs ?? 0);
  const [params, setParams] = useSearchParams();
  const month = params.get("bulan") ?? currentMonth(now, lpse.data?.ianaZone ?? "Asia/Jakarta");
  const report = useCapacityReport(month);
  const samples = useCapacitySamples();
  return (
    <Stack>
      <Title order={1}>{t("opsRegisters.capacityTitle")}</Title>
      <Group className="no-print">
        <TextInput label={t("opsRegisters.month")} type="month" value={month} onChange={(e) => e.currentTarget.value && setParams({ bulan: e.currentTarget.value })} />
      </Group>
      {report.isPending && <PageLoader />}
      {report.isError && <QueryError error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label={t("opsRegisters.sampleCount")} value={String(report.data.samples)} />
            <Figure label={t("opsRegisters.diskFreeLowest")} value={report.data.diskFreePercentLowest === null ? "—" : `${report.data.diskFreePercentLowest}%`} />
            <Figure label={t("opsRegisters.uploadTotal")} value={formatBytes(report.data.uploadBytesTotal)} />
            <Figure
              label={t("opsRegisters.databaseGrowth")}
              value={report.data.databaseGrowth.growthBytes === null ? "—" : `${formatBytes(report.data.databaseGrowth.growthBytes)} (${report.data.databaseGrowth.growthPercent ?? "—"}%)`}
            />
          </SimpleGrid>
          <Table withTableBorder aria-label={t("opsRegisters.figuresTable")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("opsRegisters.measure")}</Table.Th>
                <Table.Th scope="col">{t("opsRegisters.peak")}</Table.Th>
                <Table.Th scope="col">{t("opsRegisters.p95")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {FIGURES.map((f) => (
                <Table.Tr key={f}>
                  <Table.Th scope="row">{t(`opsRegisters.figures.${f}`)}</Table.Th>
                  <Table.Td>{show(f, report.data.figures[f].peak)}</Table.Td>
                  <Table.Td>{show(f, report.data.figures[f].p95)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={2} size="h3">
            {t("opsRegisters.breachesTitle")}
          </Title>
          <Text>
            {t("opsRegisters.thresholds", { disk: report.data.thresholds.diskFreeMinPercent, memory: report.data.thresholds.memoryMaxPercent, cpu: report.data.thresholds.cpuLoadMaxPercent })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {(["disk_free", "memory", "cpu_load"] as const).map((b) => (
              <Figure key={b} label={t(`opsRegisters.breaches.${b}`)} value={String(report.data.breaches[b])} />
            ))}
          </SimpleGrid>
        </>
      )}
      <Title order={2} size="h3">
        {t("opsRegisters.recentSamples")}
      </Title>
      {samples.isError && <QueryError error={samples.error} onRetry={() => void samples.refetch()} />}
      {samples.data && samples.data.length === 0 && <Text c="dimmed">{t("opsRegisters.noSamples")}</Text>}
      {samples.data && samples.data.length > 0 && <SampleTable samples={samples.data} />}
    </Stack>
  );
}

function SampleTable({ samples }: { samples: CapacitySample[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table withTableBorder aria-label={t("opsRegisters.recentSamples")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("opsRegisters.takenAt")}</Table.Th>
            <Table.Th scope="col">{t("opsRegisters.figures.loadPercent")}</Table.Th>
            <Table.Th scope="col">{t("opsRegisters.figures.memoryUsedPercent")}</Table.Th>
            <Table.Th scope="col">{t("opsRegisters.diskFree")}</Table.Th>
            <Table.Th scope="col">{t("opsRegisters.figures.databaseBytes")}</Table.Th>
            <Table.Th scope="col">{t("opsRegisters.figures.activeSessions")}</Table.Th>
            <Table.Th scope="col">{t("opsRegisters.figures.uploadBytes")}</Table.Th>
            <Table.Th scope="col">{t("opsRegisters.figures.bidsNearDeadline")}</Table.Th>
            <Table.Th scope="col">{t("opsRegisters.breachesTitle")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {samples.map((s) => (
            <Table.Tr key={s.id} bg={s.breaches.length > 0 ? "var(--mantine-color-red-light)" : undefined}>
              <Table.Td>
                <DateTime value={s.takenAt} seconds={false} />
              </Table.Td>
              <Table.Td>{s.loadPercent}%</Table.Td>
              <Table.Td>{s.memoryUsedPercent}%</Table.Td>
              <Table.Td>
                {s.diskFreePercent}% ({formatBytes(s.diskFreeBytes)})
              </Table.Td>
              <Table.Td>{formatBytes(s.databaseBytes)}</Table.Td>
              <Table.Td>
                {s.activeSessions} / {s.activeUsers}
              </Table.Td>
              <Table.Td>{formatBytes(s.uploadBytes)}</Table.Td>
              <Table.Td>{s.bidsNearDeadline}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {s.breaches.map((b) => (
                    <Badge key={b} color="red">
                      {t(`opsRegisters.breaches.${b}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}
