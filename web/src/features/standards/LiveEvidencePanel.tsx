import { Badge, Button, Group, List, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { errorText } from "../../lib/problem";
import { useLanguage } from "../../lib/useLanguage";
import { type CriterionLive, useAttachSnapshot, useCriterionLive, useCycleReview, useLiveSources } from "./liveEvidence.api";
import type { CriterionView, Cycle, StandardView } from "./standards.api";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 jam yang lalu" / "3 hours ago": how long before the server's `now` an instant was, in its largest whole unit. */
export function timeAgo(iso: string, now: string, language: string): string {
  const ms = Math.max(0, Date.parse(now) - Date.parse(iso));
  const format = new Intl.RelativeTimeFormat(language, { numeric: "auto" });
  for (const [unit, size] of UNITS) if (ms >= size) return format.format(-Math.floor(ms / size), unit);
  return format.format(0, "minute");
}

/** "Perlu ditinjau": live evidence attached to a criterion is stale or no longer passes. */
export function NeedsReviewBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="filled">
      {t("liveEvidence.needsReview")}
    </Badge>
  );
}

/** The criterion's live evidence, shown only for criteria a platform source proves. */
export function LiveEvidencePanel({ cycle, criterion }: { cycle: Cycle; criterion: CriterionView }) {
  const sources = useLiveSources();
  if (!sources.data?.items.some((s) => s.criteria.includes(criterion.code))) return null;
  return <Panel cycle={cycle} criterion={criterion} />;
}

function Panel({ cycle, criterion }: { cycle: Cycle; criterion: CriterionView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const live = useCriterionLive(cycle.id, criterion.code, `${cycle.status}:${criterion.assessment?.status ?? ""}`);
  const attach = useAttachSnapshot(cycle.id, criterion.code);
  const data = live.data;
  if (!data) return live.error ? <FormAlert message={errorText(live.error, language, t)} /> : null;
  return (
    <Paper withBorder p="xs" radius="sm" component="section" aria-label={t("liveEvidence.title")} bg="var(--mantine-color-gray-0)">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Text fw={600} size="sm">
            {t("liveEvidence.title")}
          </Text>
          {data.needsReview && <NeedsReviewBadge />}
        </Group>
        {data.needsReview && (
          <List size="xs" c="orange.9" aria-label={t("liveEvidence.needsReview")}>
            {data.reasons.map((r) => (
              <List.Item key={r.en}>{r[language]}</List.Item>
            ))}
          </List>
        )}
        {data.sources.map((s) => (
          <Stack key={s.key} gap={2}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm">{s.name[language]}:</Text>
              <Text size="sm" fw={600}>
                {s.value}
              </Text>
              <Badge color={s.passes ? "green" : "red"} variant="light">
                {s.passes ? t("liveEvidence.passes") : t("liveEvidence.fails")}
              </Badge>
              <Text size="xs" c="dimmed">
                {t("liveEvidence.updated", { ago: timeAgo(s.dataTime, data.readAt, language) })} · {t("liveEvidence.window", { days: s.freshnessDays })}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {s.summary[language]} · {t("liveEvidence.threshold", { threshold: s.threshold[language] })}
            </Text>
            {data.mayAttach && (
              <Group>
                <Button
                  size="compact-xs"
                  variant="light"
                  loading={attach.isPending}
                  aria-label={`${t("liveEvidence.attach")}: ${s.name[language]}`}
                  onClick={() => attach.mutate(s.key, { onSuccess: () => notifySuccess(t("liveEvidence.attached", { code: criterion.code })) })}
                >
                  {t("liveEvidence.attach")}
                </Button>
              </Group>
            )}
          </Stack>
        ))}
        <FormAlert message={attach.error ? errorText(attach.error, language, t) : null} />
        <Snapshots data={data} />
      </Stack>
    </Paper>
  );
}

function Snapshots({ data }: { data: CriterionLive }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (data.snapshots.length === 0) return null;
  return (
    <Stack gap={2} component="ul" style={{ margin: 0, paddingLeft: "1.2em" }} aria-label={t("liveEvidence.snapshots")}>
      {data.snapshots.map((s) => (
        <li key={s.id}>
          <Text span size="xs">
            {t("liveEvidence.snapshot", { value: s.value, ago: timeAgo(s.dataTime, data.readAt, language), name: s.takenBy.name })}{" "}
          </Text>
          <Badge size="xs" color={s.passes ? "green" : "red"} variant="light">
            {s.passes ? t("liveEvidence.passes") : t("liveEvidence.fails")}
          </Badge>{" "}
          {s.stale && (
            <Badge size="xs" color="orange" variant="light">
              {t("liveEvidence.stale")}
            </Badge>
          )}
        </li>
      ))}
    </Stack>
  );
}

/** On a standard's header: "Perlu ditinjau" when one of its criteria needs review. */
export function StandardReviewBadge({ cycle, standard }: { cycle: Cycle; standard: StandardView }) {
  const statusKey = `${cycle.status}:${cycle.standards.flatMap((s) => s.criteria.map((k) => k.assessment?.status ?? "")).join(",")}`;
  const review = useCycleReview(cycle.id, statusKey);
  const codes = new Set(standard.criteria.map((k) => k.code));
  return review.data?.some((r) => r.needsReview && codes.has(r.criterionCode)) ? <NeedsReviewBadge /> : null;
}
