import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { PeerLinks } from "./PeerLinks";
import { type CycleSummary, useCycles, useOpenCycle } from "./standards.api";

/** The change of the met count against the cycle before (the list comes newest first). */
function Trend({ cycle, previous }: { cycle: CycleSummary; previous: CycleSummary | undefined }) {
  const { t } = useTranslation();
  if (!previous) return null;
  const diff = cycle.metCount - previous.metCount;
  const text = diff > 0 ? t("standards.trendUp", { n: diff }) : diff < 0 ? t("standards.trendDown", { n: -diff }) : t("standards.trendSame");
  return (
    <Text size="sm" c={diff > 0 ? "green" : diff < 0 ? "red" : "dimmed"}>
      {diff > 0 ? "▲ " : diff < 0 ? "▼ " : "= "}
      {text}
    </Text>
  );
}

/** Assessment cycles with "N of 17" and the trend; the Kepala LPSE opens a new one here. */
export function StandardsPage() {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const cycles = useCycles();
  return (
    <Stack maw={1040}>
      <div>
        <Title order={1}>{t("standards.title")}</Title>
        <Text c="dimmed" size="sm">
          {t("standards.intro")}
        </Text>
      </div>
      <PeerLinks />
      {cycles.isPending && <PageLoader />}
      {cycles.isError && <QueryError error={cycles.error} onRetry={() => void cycles.refetch()} />}
      {cycles.data?.mayOpen && <OpenCycleForm />}
      {cycles.data?.items.length === 0 && <Text c="dimmed">{t("standards.none")}</Text>}
      <Stack component="ul" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label={t("standards.title")}>
        {cycles.data?.items.map((cycle, i) => (
          <Card component="li" key={cycle.id} withBorder radius="md" p="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/app/standar/${cycle.id}`} fw={600}>
                {t("standards.cycleTitle", { period: cycle.period })}
              </Anchor>
              <Badge color={cycle.status === "signed_off" ? "green" : "blue"} variant="light">
                {t(`standards.status.${cycle.status}`)}
              </Badge>
            </Group>
            <Text fw={700}>{t("standards.result", { met: cycle.metCount, total: cycle.standardCount })}</Text>
            <Trend cycle={cycle} previous={cycles.data?.items[i + 1]} />
            <Text size="sm" c="dimmed">
              {t("standards.openedAt")}: {format(cycle.openedAt, { seconds: false })}
              {cycle.signedOffAt && ` · ${t("standards.signedOffAt")}: ${format(cycle.signedOffAt, { seconds: false })}`}
              {cycle.lkppMetCount > 0 && ` · ${t("standards.lkppMet", { n: cycle.lkppMetCount })}`}
            </Text>
            {cycle.status === "signed_off" && (
              <Anchor href={`/api/v1/standards/cycles/${cycle.id}/summary`} download={`ringkasan-standar-${cycle.period}.json`} size="sm">
                {t("peers.exportSummary", { period: cycle.period })}
              </Anchor>
            )}
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

function OpenCycleForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenCycle();
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const problem = useFormProblem(open.error, { period: "period" });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate(
      { period: period.trim() },
      {
        onSuccess: (cycle) => {
          notifySuccess(t("standards.opened", { period: cycle.period }));
          void navigate(`/app/standar/${cycle.id}`);
        },
      },
    );
  };
  return (
    <Card withBorder radius="md" component="form" onSubmit={submit} noValidate aria-label={t("standards.openCycle")}>
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t("standards.period")} description={t("standards.periodHint")} required value={period} onChange={(e) => setPeriod(e.currentTarget.value)} error={problem.fields.period} />
        <Button type="submit" loading={open.isPending}>
          {t("standards.openCycle")}
        </Button>
      </Group>
      <FormAlert message={problem.general} />
    </Card>
  );
}
