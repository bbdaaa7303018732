import { Alert, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { rupiah } from "../../lib/money";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { errorText } from "../../lib/problem";
import { QueryError } from "../../lib/QueryError";
import { useLanguage } from "../../lib/useLanguage";
import { Section } from "../tenders/Section";
import { SCORED_EVALUATION_METHODS } from "../packages/packages.api";
import type { Tender } from "../tenders/tenders.api";
import { type EvaluatedBidder, type Evaluation, FINDING_STAGES, formatScore, hasCombinedScore, useDetermineWinner, useEvaluation } from "./evaluation.api";
import { FindingsForm } from "./FindingsForm";
import { type WinnerProposals, useWinnerProposals } from "./minutes.api";
import { MinutesPanel } from "./MinutesPanel";
import { ProposalList } from "./WinnerProposals";
import { AMOUNT_STYLE, BidderCells, Verdict } from "./Verdict";

interface Props {
  tender: Tender;
  /** The bids have been opened (the public opening record exists). */
  opened: boolean;
  /** Open stage windows on the server's clock: findings (Evaluasi, Pembuktian) and the winner (Penetapan Pemenang). */
  canRecord: boolean;
  canDetermine: boolean;
}

/**
 * The committee's evaluation after the opening: every bid with its offer, corrected price and price
 * verdict against the HPS, the findings per stage, the scores under the scored methods, hints from the
 * vendor's verified data and the ranking; the findings forms during Evaluasi and Pembuktian, and the
 * winner during Penetapan Pemenang.
 */
export function EvaluationSection({ tender, opened, canRecord, canDetermine }: Props) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const evaluation = useEvaluation(tender.tenderCode, opened);
  const first = tender.schedule.find((w) => w.stage === "evaluasi");
  const last = tender.schedule.find((w) => w.stage === "pembuktian") ?? first;
  const data = evaluation.data;
  const winner = data?.bidders.find((b) => b.vendorId === data.winnerVendorId);
  const proposals = useWinnerProposals(tender.tenderCode, opened).data ?? null;

  return (
    <Section id="bid-evaluation-title" title={t("award.evaluation.title")} testId="bid-evaluation">
      {evaluation.isPending && <PageLoader />}
      {evaluation.isError && <QueryError error={evaluation.error} onRetry={() => void evaluation.refetch()} />}
      {data && (
        <>
          <Text size="sm" c="dimmed">
            <MethodIntro evaluation={data} />
            {first && last && ` ${t("award.evaluation.window", { start: format(first.startsAt, { seconds: false }), end: format(last.endsAt, { seconds: false }) })}`}
          </Text>
          {data.bidders.length === 0 ? <Text c="dimmed">{t("award.evaluation.empty")}</Text> : <Overview evaluation={data} />}
          {winner ? (
            <Alert color="teal" variant="light" role="status">
              {t("award.evaluation.winnerNamed", { vendor: winner.vendorName })}
            </Alert>
          ) : (
            <>
              {canRecord && data.bidders.some((b) => b.opened) && <FindingsForm code={tender.tenderCode} bidders={data.bidders.filter((b) => b.opened)} scored={data.scored} />}
              <WinnerPanel tender={tender} evaluation={data} canDetermine={canDetermine} proposals={proposals} />
            </>
          )}
          {proposals && <ProposalList proposals={proposals} />}
          <MinutesPanel code={tender.tenderCode} winnerNamed={winner !== undefined} canIssue />
        </>
      )}
    </Section>
  );
}

/** How this method ranks; sistem gugur (and umur ekonomis, ranked the same way for now) by default. */
function MethodIntro({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const method = SCORED_EVALUATION_METHODS.find((m) => m === evaluation.evaluationMethod);
  if (!method) return <>{t("award.evaluation.intro", { hps: rupiah(evaluation.hps) })}</>;
  const technical = evaluation.technicalWeight ?? 0;
  return <>{t(`award.evaluation.introScored.${method}`, { hps: rupiah(evaluation.hps), pagu: rupiah(evaluation.pagu), technical, price: 100 - technical })}</>;
}

function Overview({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const combined = hasCombinedScore(evaluation.evaluationMethod);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" horizontalSpacing="xs" aria-labelledby="bid-evaluation-title">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("award.evaluation.vendor")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("award.evaluation.offer")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("award.evaluation.corrected")}
            </Table.Th>
            <Table.Th scope="col">{t("award.evaluation.price")}</Table.Th>
            {FINDING_STAGES.map((stage) => (
              <Table.Th scope="col" key={stage}>
                {t(`award.stages.${stage}`)}
              </Table.Th>
            ))}
            {evaluation.scored && (
              <Table.Th scope="col" ta="right">
                {t("award.evaluation.technicalScore")}
              </Table.Th>
            )}
            {combined && (
              <>
                <Table.Th scope="col" ta="right">
                  {t("award.evaluation.priceScore")}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("award.evaluation.combinedScore")}
                </Table.Th>
              </>
            )}
            <Table.Th scope="col">{t("award.evaluation.qualificationHints")}</Table.Th>
            <Table.Th scope="col" ta="center">
              {t("award.evaluation.rank")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {evaluation.bidders.map((bidder) => (
            <BidderRow key={bidder.vendorId} bidder={bidder} winner={bidder.vendorId === evaluation.winnerVendorId} scored={evaluation.scored} combined={combined} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function BidderRow({ bidder, winner, scored, combined }: { bidder: EvaluatedBidder; winner: boolean; scored: boolean; combined: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const score = (value: string | null) => formatScore(value, language, t("common.none"));
  const { qualification: q } = bidder;
  return (
    <Table.Tr>
      <BidderCells bidder={bidder} winner={winner} />
      <Table.Td>
        {!bidder.opened ? (
          <Text size="sm" c="red">
            {t("award.evaluation.invalid", { error: bidder.openingError ?? t("common.none") })}
          </Text>
        ) : (
          <Group gap={4}>
            <Verdict passed={bidder.price?.passed ?? null} />
            {bidder.price?.aboveHps && (
              <Badge color="red" variant="outline" size="sm">
                {t("award.evaluation.aboveHps")}
              </Badge>
            )}
            {bidder.price?.needsClarification && (
              <Badge color="orange" variant="outline" size="sm">
                {t("award.evaluation.needsClarification")}
              </Badge>
            )}
            {bidder.correctionProblem && (
              <Text size="xs" c="dimmed">
                {bidder.correctionProblem}
              </Text>
            )}
          </Group>
        )}
      </Table.Td>
      {FINDING_STAGES.map((stage) => (
        <Table.Td key={stage}>
          <Verdict passed={bidder.findings[stage]?.passed} />
        </Table.Td>
      ))}
      {scored && (
        <Table.Td ta="right" style={AMOUNT_STYLE} data-testid="technical-score">
          {score(bidder.technicalScore)}
        </Table.Td>
      )}
      {combined && (
        <>
          <Table.Td ta="right" style={AMOUNT_STYLE}>
            {score(bidder.priceScore)}
          </Table.Td>
          <Table.Td ta="right" style={AMOUNT_STYLE} fw={600} data-testid="combined-score">
            {score(bidder.combinedScore)}
          </Table.Td>
        </>
      )}
      <Table.Td fz="sm">
        <Stack gap={0}>
          <Text span fz="inherit" c={q.verified ? undefined : "red"}>
            {q.verified ? t("award.evaluation.verified") : t("award.evaluation.notVerified")}
          </Text>
          <Text span fz="inherit" c={q.kbliMatch ? undefined : "red"}>
            {q.kbliMatch ? t("award.evaluation.kbliMatch") : t("award.evaluation.kbliMismatch")}
          </Text>
          <Text span fz="inherit">
            {t("award.evaluation.licences", { count: q.validLicences })}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td ta="center" fw={700} data-testid="rank">
        {bidder.rank ?? t("common.none")}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * "Tetapkan pemenang" during Penetapan Pemenang, after a confirmation naming the first in the ranking;
 * above the ceilings "Usulkan pemenang ke PA/KPA", while no proposal waits for the PA/KPA.
 */
function WinnerPanel({ tender, evaluation, canDetermine, proposals }: { tender: Tender; evaluation: Evaluation; canDetermine: boolean; proposals: WinnerProposals | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useDateTimeFormat();
  const determine = useDetermineWinner(tender.tenderCode);
  const [confirming, setConfirming] = useState(false);
  const window = tender.schedule.find((w) => w.stage === "penetapan_pemenang");
  const first = evaluation.bidders.find((b) => b.rank === 1);
  const proposing = proposals?.authority === "pa_kpa";
  const waiting = proposals?.items.some((p) => p.decision === null) === true;

  const onConfirm = () => {
    determine.mutate(undefined, {
      onSuccess: (result) => {
        const named = result.bidders.find((b) => b.vendorId === result.winnerVendorId);
        notifySuccess(named ? t("award.evaluation.determined", { vendor: named.vendorName }) : t("award.proposal.proposed", { vendor: first?.vendorName ?? "" }));
      },
      onSettled: () => setConfirming(false),
    });
  };

  return (
    <Stack gap="xs">
      {window && (
        <Text size="sm" c="dimmed">
          {t("award.evaluation.determineWindow", { start: format(window.startsAt, { seconds: false }), end: format(window.endsAt, { seconds: false }) })}
        </Text>
      )}
      <FormAlert message={determine.error ? errorText(determine.error, language, t) : null} />
      {canDetermine && !waiting && (
        <Group>
          <Button onClick={() => setConfirming(true)}>{proposing ? t("award.proposal.propose") : t("award.evaluation.determine")}</Button>
        </Group>
      )}
      <ConfirmDialog
        opened={confirming}
        title={proposing ? t("award.proposal.proposeTitle") : t("award.evaluation.confirmTitle")}
        message={first ? t(proposing ? "award.proposal.proposeMessage" : "award.evaluation.confirmMessage", { vendor: first.vendorName }) : t("award.evaluation.confirmNoRank")}
        loading={determine.isPending}
        onConfirm={onConfirm}
        onCancel={() => setConfirming(false)}
      />
    </Stack>
  );
}
