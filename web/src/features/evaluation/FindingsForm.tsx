import { Button, Fieldset, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { useLanguage } from "../../lib/useLanguage";
import { type EvaluatedBidder, FINDING_STAGES, type FindingStage, formatScore, useRecordFinding } from "./evaluation.api";
import { Verdict } from "./Verdict";

/** A reason may be long; the server keeps up to 2,000 characters. */
const MAX_REASON = 2000;

/**
 * The committee's findings, one group per bidder whose bid opened and one block per stage: the saved
 * verdict and reason, the reason field, and "Lulus" / "Gugur". A finding may be recorded again until the
 * winner is named (every change is logged); a failure needs its reason, which the results publish. Under
 * the scored methods the technical block also takes the score (0-100), required for a pass.
 */
export function FindingsForm({ code, bidders, scored }: { code: string; bidders: EvaluatedBidder[]; scored: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t("award.evaluation.findingsTitle")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("award.evaluation.reasonHint")}
      </Text>
      {bidders.map((bidder) => (
        <Fieldset key={bidder.vendorId} legend={bidder.vendorName} radius="md" p="sm">
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            {FINDING_STAGES.map((stage) => (
              <StageFinding key={stage} code={code} bidder={bidder} stage={stage} withScore={scored && stage === "teknis"} />
            ))}
          </SimpleGrid>
        </Fieldset>
      ))}
    </Stack>
  );
}

function StageFinding({ code, bidder, stage, withScore }: { code: string; bidder: EvaluatedBidder; stage: FindingStage; withScore: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useDateTimeFormat();
  const saved = bidder.findings[stage];
  const record = useRecordFinding(code, bidder.vendorId, stage);
  const [reason, setReason] = useState(saved?.reason ?? "");
  const [score, setScore] = useState(saved?.score ? formatScore(saved.score, language, "") : "");
  const problem = useFormProblem(record.error, { reason: "reason", score: "score" } as const);
  const stageName = t(`award.stages.${stage}`);
  const headingId = `finding-${bidder.vendorId}-${stage}`;

  const submit = (passed: boolean) => {
    record.mutate(
      { passed, reason: reason.trim(), ...(withScore && score.trim() !== "" && { score: score.trim() }) },
      { onSuccess: () => notifySuccess(t("award.evaluation.recorded", { stage: stageName, vendor: bidder.vendorName })) },
    );
  };

  return (
    <Stack gap={6} role="group" aria-labelledby={headingId}>
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text fw={600} size="sm" id={headingId}>
          {stageName}
        </Text>
        <Verdict passed={saved?.passed} testId="finding-verdict" />
      </Group>
      {saved && (
        <Text size="xs" c="dimmed">
          {t("award.evaluation.evaluatedAt", { date: format(saved.evaluatedAt, { seconds: false }) })}
        </Text>
      )}
      {withScore && (
        <TextInput
          label={t("award.evaluation.score")}
          description={t("award.evaluation.scoreHint")}
          inputMode="decimal"
          maxLength={6}
          value={score}
          onChange={(e) => setScore(e.currentTarget.value)}
          error={problem.fields.score}
        />
      )}
      <Textarea
        label={t("award.evaluation.reason")}
        autosize
        minRows={1}
        maxRows={8}
        maxLength={MAX_REASON}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={problem.fields.reason}
      />
      <FormAlert message={problem.general} />
      <Group gap="xs">
        <Button
          size="compact-sm"
          color="teal"
          variant={saved?.passed === true ? "filled" : "light"}
          loading={record.isPending && record.variables?.passed === true}
          disabled={record.isPending}
          aria-label={t("award.evaluation.passName", { stage: stageName.toLowerCase(), vendor: bidder.vendorName })}
          onClick={() => submit(true)}
        >
          {t("award.evaluation.pass")}
        </Button>
        <Button
          size="compact-sm"
          color="red"
          variant={saved?.passed === false ? "filled" : "light"}
          loading={record.isPending && record.variables?.passed === false}
          disabled={record.isPending}
          aria-label={t("award.evaluation.failName", { stage: stageName.toLowerCase(), vendor: bidder.vendorName })}
          onClick={() => submit(false)}
        >
          {t("award.evaluation.fail")}
        </Button>
      </Group>
    </Stack>
  );
}
