import { Button, DataList, Group, Stack, Text, TextInput, useMatches } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { DateTime, useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { rupiah } from "../../lib/money";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { Section } from "../tenders/Section";
import type { Tender } from "../tenders/tenders.api";
import { type Award, useIssueAward } from "./award.api";
import type { Results } from "./evaluation.api";

/** The server's limit on a letter number. */
const MAX_LETTER_NUMBER = 100;

interface Props {
  tender: Tender;
  award: Award | null;
  results: Results;
  /** The package's PPK during the SPPBJ stage on the server's clock: the letter form. */
  canIssue: boolean;
}

/**
 * The SPPBJ: the letter form for the package's PPK during the SPPBJ stage (the server refuses while a
 * sanggah is unanswered, in its own words), and for everyone once issued: provider, value, number, date.
 */
export function AwardSection({ tender, award, results, canIssue }: Props) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const window = tender.schedule.find((w) => w.stage === "sppbj");
  return (
    <Section id="award-title" title={t("award.letter.title")} testId="award">
      {window && (
        <Text size="sm" c="dimmed">
          {t("award.letter.intro", { start: format(window.startsAt, { seconds: false }), end: format(window.endsAt, { seconds: false }) })}
        </Text>
      )}
      {award ? <AwardFacts award={award} /> : canIssue && <IssueForm code={tender.tenderCode} results={results} />}
    </Section>
  );
}

function AwardFacts({ award }: { award: Award }) {
  const { t } = useTranslation();
  const orientation = useMatches<"vertical" | "horizontal">({ base: "vertical", sm: "horizontal" });
  const facts: [string, ReactNode][] = [
    [t("award.letter.vendor"), award.vendorName],
    [t("award.letter.value"), <Text span fz="inherit" fw={700}>{rupiah(award.value)}</Text>],
    [t("award.letter.number"), <Text span ff="monospace" fz="inherit">{award.letterNumber}</Text>],
    [t("award.letter.issuedAt"), <DateTime value={award.issuedAt} />],
  ];
  return (
    <DataList orientation={orientation} labelWidth="11rem" withDivider data-testid="award-letter">
      {facts.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

function IssueForm({ code, results }: { code: string; results: Results }) {
  const { t } = useTranslation();
  const issue = useIssueAward(code);
  const [number, setNumber] = useState("");
  const [confirming, setConfirming] = useState(false);
  const problem = useFormProblem(issue.error, { letterNumber: "letterNumber" } as const);
  const winner = results.bidders.find((b) => b.winner);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };
  const onConfirm = () => {
    issue.mutate(number.trim(), {
      onSuccess: () => notifySuccess(t("award.letter.issued")),
      onSettled: () => setConfirming(false),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t("award.letter.number")}
          description={t("award.letter.numberHelp")}
          required
          maxLength={MAX_LETTER_NUMBER}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={problem.fields.letterNumber}
        />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" disabled={number.trim() === ""}>
            {t("award.letter.issue")}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t("award.letter.confirmTitle")}
        message={t("award.letter.confirmMessage", { number: number.trim(), vendor: results.winner, value: winner?.corrected ? rupiah(winner.corrected) : t("common.none") })}
        loading={issue.isPending}
        onConfirm={onConfirm}
        onCancel={() => setConfirming(false)}
      />
    </form>
  );
}
