import { Badge, Button, Group, Stack, Table, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { DateTime } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { rupiah } from "../../lib/money";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { Section } from "../tenders/Section";
import { type Tender } from "../tenders/tenders.api";
import { minutesUrl, useDecideWinner, type WinnerProposals } from "./minutes.api";

/** Above the ceilings: the committee's proposals of the winner (usulan penetapan pemenang) and the PA/KPA's decisions. */
export function ProposalList({ proposals }: { proposals: WinnerProposals }) {
  const { t } = useTranslation();
  if (proposals.authority === "pokja" && proposals.items.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="winner-proposals">
      <Text size="sm">{t("award.proposal.intro", { pagu: rupiah(proposals.pagu) })}</Text>
      {proposals.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("award.proposal.none")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("award.proposal.vendor")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("award.proposal.corrected")}
                </Table.Th>
                <Table.Th scope="col">{t("award.proposal.proposedAt")}</Table.Th>
                <Table.Th scope="col">{t("award.proposal.decision")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proposals.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.vendorName}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {rupiah(p.corrected)}
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={p.proposedAt} />
                  </Table.Td>
                  <Table.Td>
                    <Badge color={p.decision === "named" ? "teal" : p.decision === "returned" ? "orange" : "gray"} variant="light">
                      {t(`award.proposal.decisions.${p.decision ?? "pending"}`)}
                    </Badge>
                    {p.reason && (
                      <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
                        {p.reason}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/**
 * The PA/KPA's part on the announcement: the committee's proposal, the Berita Acara Evaluasi to read,
 * and during Penetapan Pemenang the decision (name the winner, or return the proposal with a reason).
 */
export function WinnerProposalSection({ tender, proposals, canDecideNow }: { tender: Tender; proposals: WinnerProposals; canDecideNow: boolean }) {
  const { t } = useTranslation();
  const pending = proposals.items.find((p) => p.decision === null);
  return (
    <Section id="winner-proposal-title" title={t("award.proposal.title")} testId="winner-proposal">
      <ProposalList proposals={proposals} />
      <Group>
        <Button component="a" href={minutesUrl(tender.tenderCode, "evaluasi")} target="_blank" rel="noopener noreferrer" variant="light" size="compact-sm">
          {t("award.minutes.kinds.evaluasi")}
        </Button>
      </Group>
      {pending && proposals.canDecide && canDecideNow && <DecisionForm code={tender.tenderCode} vendor={pending.vendorName} />}
    </Section>
  );
}

function DecisionForm({ code, vendor }: { code: string; vendor: string }) {
  const { t } = useTranslation();
  const decide = useDecideWinner(code);
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const problem = useFormProblem(decide.error, { reason: "reason" } as const);

  const send = (decision: "named" | "returned") =>
    decide.mutate(
      { decision, reason: reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(decision === "named" ? t("award.proposal.named", { vendor }) : t("award.proposal.returned"));
          setReason("");
        },
        onSettled: () => setConfirming(false),
      },
    );

  return (
    <Stack gap="xs">
      <Textarea
        label={t("award.proposal.reason")}
        description={t("award.proposal.reasonHelp")}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={problem.fields.reason}
      />
      <FormAlert message={problem.general} />
      <Group justify="flex-end">
        <Button variant="default" onClick={() => send("returned")} loading={decide.isPending && decide.variables?.decision === "returned"}>
          {t("award.proposal.return")}
        </Button>
        <Button onClick={() => setConfirming(true)}>{t("award.proposal.name")}</Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t("award.proposal.confirmTitle")}
        message={t("award.proposal.confirmMessage", { vendor })}
        confirmLabel={t("award.proposal.name")}
        loading={decide.isPending}
        onConfirm={() => send("named")}
        onCancel={() => setConfirming(false)}
      />
    </Stack>
  );
}
