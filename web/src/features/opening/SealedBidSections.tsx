import { useTranslation } from "react-i18next";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import type { Tender } from "../tenders/tenders.api";
import { Section } from "../tenders/Section";
import { BidOpeningSection } from "./BidOpeningSection";
import { bidDeadline, useServerTimePassed } from "./deadline";
import { useCeremony } from "./opening.api";
import { OpeningResultSection } from "./OpeningResultSection";
import { TenderKeySection } from "./TenderKeySection";

interface Props {
  tender: Tender;
  /** The caller sits on the tender's committee (GET /tenders/:code/viewer). */
  isCommittee: boolean;
  /** The caller holds the escrow share of the tender key (the head of the LPSE): it takes part in the opening only. */
  isEscrowHolder: boolean;
  userId: string | null;
}

/**
 * The sealed bids on the announcement: the tender key and the opening for the committee, the opening
 * record for everyone once the bids are opened (it cannot exist before the bid deadline). The holder of
 * the escrow share sees the opening, to stand in for a member who lost the passphrase.
 */
export function SealedBidSections({ tender, isCommittee, isEscrowHolder, userId }: Props) {
  const deadline = bidDeadline(tender);
  const deadlinePassed = useServerTimePassed(deadline);
  return (
    <>
      {isCommittee && userId !== null && <CommitteeSections code={tender.tenderCode} userId={userId} deadline={deadline} deadlinePassed={deadlinePassed} />}
      {!isCommittee && isEscrowHolder && <BidOpeningSection code={tender.tenderCode} deadline={deadline} deadlinePassed={deadlinePassed} />}
      <OpeningResultSection code={tender.tenderCode} enabled={deadlinePassed} />
    </>
  );
}

function CommitteeSections({ code, userId, deadline, deadlinePassed }: { code: string; userId: string; deadline: string | null; deadlinePassed: boolean }) {
  const { t } = useTranslation();
  const ceremony = useCeremony(code);
  if (!ceremony.data) {
    return (
      <Section id="tender-key-title" title={t("opening.tenderKey.title")} testId="tender-key">
        {ceremony.isPending ? <PageLoader /> : <QueryError error={ceremony.error} onRetry={() => void ceremony.refetch()} />}
      </Section>
    );
  }
  return (
    <>
      <TenderKeySection code={code} ceremony={ceremony.data} userId={userId} deadline={deadline} deadlinePassed={deadlinePassed} />
      {ceremony.data.tenderKey && <BidOpeningSection code={code} deadline={deadline} deadlinePassed={deadlinePassed} />}
    </>
  );
}
