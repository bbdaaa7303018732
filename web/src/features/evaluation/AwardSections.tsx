import { AppealsSection } from "../closing/AppealsSection";
import { openingStart, useContract, useFailure } from "../closing/closing.api";
import { ContractSection } from "../closing/ContractSection";
import { DeclareFailureSection } from "../closing/DeclareFailureSection";
import { useTenderOfficials } from "../closing/useTenderOfficials";
import { useMe } from "../auth/auth.api";
import { bidDeadline, useServerTimePassed } from "../opening/deadline";
import { useOpeningRecord } from "../opening/opening.api";
import { usePublicLpse } from "../public/public.api";
import { isOpen, type Tender } from "../tenders/tenders.api";
import { useAward, useObjections } from "./award.api";
import { AwardSection } from "./AwardSection";
import { useResults } from "./evaluation.api";
import { EvaluationSection } from "./EvaluationSection";
import { useWinnerProposals } from "./minutes.api";
import { WinnerProposalSection } from "./WinnerProposals";
import { ObjectionsSection } from "./ObjectionsSection";
import { ResultsSection } from "./ResultsSection";

interface Props {
  tender: Tender;
  /** The caller sits on the tender's committee (GET /tenders/:code/viewer). */
  isCommittee: boolean;
  /** The caller is a vendor that joined the tender. */
  isParticipant: boolean;
}

const startOf = (tender: Tender, stage: string) => tender.schedule.find((w) => w.stage === stage)?.startsAt ?? null;

/**
 * After the opening, on the announcement: the committee's evaluation, its minutes and the winner (above the
 * ceilings, the proposal the agency's PA/KPA decides on); for everyone once
 * the winner is named, the evaluation results and the sanggah (the filing form for bidders during Masa
 * Sanggah, the answer forms for the committee); for construction the sanggah banding (the bidder's form,
 * the PA/KPA's answers); the SPPBJ, its form for the package's PPK; then the contract record. From the
 * opening until the SPPBJ stage the committee may declare the tender failed (the notice is at the top).
 * The forms follow the stage windows on the server's clock; at their edges the server's refusal is shown.
 */
export function AwardSections({ tender, isCommittee, isParticipant }: Props) {
  const code = tender.tenderCode;
  const user = useMe().data ?? null;
  const offsetMs = usePublicLpse().data?.clockOffsetMs ?? 0;
  const now = Date.now() + offsetMs;
  const deadlinePassed = useServerTimePassed(bidDeadline(tender));
  // The same query as the public opening record: the evaluation exists once the bids are opened.
  const opened = useOpeningRecord(code, deadlinePassed && isCommittee).data != null;
  const openingReached = useServerTimePassed(openingStart(tender));
  const winnerStageReached = useServerTimePassed(startOf(tender, "penetapan_pemenang"));
  const sppbjStageReached = useServerTimePassed(startOf(tender, "sppbj"));
  const contractStageReached = useServerTimePassed(startOf(tender, "kontrak"));
  const failure = useFailure(code, openingReached);
  const results = useResults(code, winnerStageReached).data ?? null;
  const objections = useObjections(code, user?.id ?? null, results !== null).data ?? [];
  const award = useAward(code, sppbjStageReached && results !== null).data ?? null;
  const contract = useContract(code, contractStageReached && award !== null).data ?? null;
  const { isPpk, isKpa } = useTenderOfficials(code);
  // Sanggah banding exists for construction work only, against an answered sanggah.
  const appeals = tender.category === "pekerjaan_konstruksi" && objections.some((o) => o.answer !== null);
  // Above the ceilings the PA/KPA names the winner on the committee's proposal.
  const proposals = useWinnerProposals(code, isKpa && deadlinePassed).data ?? null;

  return (
    <>
      {isCommittee && opened && (
        <EvaluationSection tender={tender} opened={opened} canRecord={isOpen(tender, ["evaluasi", "pembuktian"], now)} canDetermine={isOpen(tender, ["penetapan_pemenang"], now)} />
      )}
      {isCommittee && openingReached && !sppbjStageReached && failure.data === null && award === null && <DeclareFailureSection tender={tender} />}
      {isKpa && proposals && (proposals.authority === "pa_kpa" || proposals.items.length > 0) && (
        <WinnerProposalSection tender={tender} proposals={proposals} canDecideNow={isOpen(tender, ["penetapan_pemenang"], now)} />
      )}
      {results && <ResultsSection results={results} />}
      {results && <ObjectionsSection tender={tender} canFile={isParticipant && isOpen(tender, ["sanggah"], now)} isCommittee={isCommittee} />}
      {results && appeals && <AppealsSection tender={tender} objections={objections} isKpa={isKpa} now={now} />}
      {results && (award || isPpk) && <AwardSection tender={tender} award={award} results={results} canIssue={isPpk && isOpen(tender, ["sppbj"], now)} />}
      {award && (contract || isPpk) && <ContractSection tender={tender} award={award} contract={contract} canRecord={isPpk && isOpen(tender, ["kontrak"], now)} />}
    </>
  );
}
