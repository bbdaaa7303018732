import { Alert, Anchor, Badge, Button, Card, DataList, Group, Stack, Text, Title, useMatches } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DetailPage } from "../../lib/DetailPage";
import { Link, useNavigate, useParams } from "react-router";
import { DateTime, useDateTimeFormat } from "../../lib/DateTime";
import { rupiah } from "../../lib/money";
import { useMe } from "../auth/auth.api";
import { TenderFailure } from "../closing/FailureNotice";
import { AwardSections } from "../evaluation/AwardSections";
import { SealedBidSections } from "../opening/SealedBidSections";
import { BidSection } from "../bidding/BidSection";
import { useProcurementLabels } from "../packages/labels";
import { usePackages } from "../packages/packages.api";
import { usePublicLpse } from "../public/public.api";
import { ServerClock } from "../public/ServerClock";
import { DocumentsSection } from "./DocumentsSection";
import { JoinPanel, ParticipantsSection } from "./ParticipationSection";
import { QuestionsSection } from "./QuestionsSection";
import { ScheduleTable } from "./ScheduleTable";
import { Section } from "./Section";
import { StageBadge } from "./StageBadge";
import { type Tender, useDocuments, useTender, useViewer } from "./tenders.api";

/**
 * The public announcement of a tender. What else appears depends on who is looking: a vendor may join,
 * a participant asks questions and reads the documents, the committee answers and issues addenda.
 */
export function TenderPage() {
  const { t } = useTranslation();
  const { tenderCode = "" } = useParams();
  const tender = useTender(tenderCode);
  const back = (
    <Anchor component={Link} to="/" size="sm">
      ← {t("nav.home")}
    </Anchor>
  );
  return (
    <DetailPage query={tender} back={back} notFound={t("tender.notFound")}>
      {(data) => <TenderContent tender={data} />}
    </DetailPage>
  );
}

function TenderContent({ tender }: { tender: Tender }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labels = useProcurementLabels();
  const lpse = usePublicLpse();
  const me = useMe();
  const user = me.data ?? null;
  const viewer = useViewer(tender.tenderCode, user?.id ?? null);
  // Participants, the committee, Admin PPE and auditors read the documents; the server decides.
  const documents = useDocuments(tender.tenderCode, user?.id ?? null);
  const isCommittee = viewer.data?.committee === true;
  const isParticipant = viewer.data?.participant === true;
  // The committee's own package page, for the "manage" link.
  const packages = usePackages(isCommittee);
  const committeePackage = isCommittee ? packages.data?.find((p) => p.tenderCode === tender.tenderCode) : undefined;
  const format = useDateTimeFormat();
  // Open: when the next stage starts. Between two windows: when this one opens.
  const nextWindow = tender.stageOpen ? tender.schedule.find((w) => w.stage === tender.next) : undefined;

  return (
    <>
      <div>
        <Group gap="xs" wrap="wrap" mb={4}>
          <Badge variant="outline" color="gray" ff="monospace" size="lg" data-testid="tender-code">
            {tender.tenderCode}
          </Badge>
          <StageBadge stage={tender.stage} open={tender.stageOpen} size="lg" />
        </Group>
        <Title order={1} fz={{ base: 26, sm: 34 }} style={{ overflowWrap: "anywhere" }}>
          {tender.name}
        </Title>
        <Text c="dimmed">
          {tender.agencyName} · {tender.workUnitName}
        </Text>
      </div>

      <TenderFailure tender={tender} />

      {tender.retenderOf && (
        <Alert color="orange" variant="light" data-testid="retender-of">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">{t("closing.failure.retenderOf", { code: tender.retenderOf })}</Text>
            <Anchor component={Link} to={`/tender/${tender.retenderOf}`} fw={600} size="sm">
              {t("closing.failure.viewFailed", { code: tender.retenderOf })}
            </Anchor>
          </Group>
        </Alert>
      )}

      {committeePackage && user && (
        <Alert color="blue" variant="light">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">{t("tender.committeeNote", { kind: labels.committeeKind(user.role) })}</Text>
            {/* A button, not a link: its name must not match a search for the "Paket" navigation link. */}
            <Button onClick={() => void navigate(`/app/paket/${committeePackage.id}`)} size="compact-sm" variant="light">
              {t("tender.manage")}
            </Button>
          </Group>
        </Alert>
      )}

      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end" gap="md" wrap="wrap">
            <Stack gap={2}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t("tender.clock")}
              </Text>
              {lpse.data && <ServerClock lpse={lpse.data} />}
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t("tender.currentStage")}
              </Text>
              <Text fw={600} data-testid="current-stage">
                {tender.stageOpensAt ? t("tender.waitingFor", { stage: labels.stage(tender.stage) }) : labels.stage(tender.stage)}
              </Text>
              {tender.stageOpensAt && (
                <Text size="xs" c="dimmed">
                  {t("tender.opensAt", { date: format(tender.stageOpensAt, { seconds: false }) })}
                </Text>
              )}
              {nextWindow && (
                <Text size="xs" c="dimmed">
                  {t("tender.nextStageAt", { stage: labels.stage(nextWindow.stage), date: format(nextWindow.startsAt, { seconds: false }) })}
                </Text>
              )}
            </Stack>
          </Group>
          <JoinPanel tender={tender} user={user} isParticipant={isParticipant} participantCheckPending={user?.role === "vendor" && viewer.isPending} />
        </Stack>
      </Card>

      {/* The participant's sealed bid: its main task on this page while bids are taken. */}
      {user?.role === "vendor" && user.vendorId && isParticipant && <BidSection tender={tender} userId={user.id} vendorId={user.vendorId} />}

      <Section id="details-title" title={t("tender.detailsTitle")}>
        <TenderFacts tender={tender} />
      </Section>

      <Section id="schedule-title" title={t("tender.scheduleTitle")} testId="tender-schedule">
        <Text size="sm" c="dimmed">
          {t("tender.scheduleZone", { zone: tender.timeZone })}
        </Text>
        <ScheduleTable stages={tender.schedule} current={tender.stage} labelledBy="schedule-title" />
      </Section>

      {/* The initial schedule is no change: the section appears once the schedule was changed after publication. */}
      {tender.scheduleChanges.some((c) => c.reasonKind !== "initial") && (
        <Section id="changes-title" title={t("tender.changesTitle")} testId="schedule-changes">
          <Stack component="ul" gap="xs" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {tender.scheduleChanges.map((change) => (
              <li key={change.changedAt}>
                <Group gap="xs" wrap="wrap">
                  <Badge variant="light" color={change.reasonKind === "initial" ? "gray" : "orange"}>
                    {labels.reason(change.reasonKind)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    <DateTime value={change.changedAt} />
                  </Text>
                </Group>
                {change.reasonKind !== "initial" && (
                  <Text size="sm" mt={2} style={{ whiteSpace: "pre-wrap" }}>
                    {change.reasonText}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        </Section>
      )}

      <ParticipantsSection tender={tender} />

      <QuestionsSection tender={tender} userId={user?.id ?? null} isParticipant={isParticipant} isCommittee={isCommittee} />

      {documents.data?.allowed && <DocumentsSection tender={tender} documents={documents.data.items} isCommittee={isCommittee} />}

      <SealedBidSections tender={tender} isCommittee={isCommittee} isEscrowHolder={viewer.data?.escrowHolder === true} userId={user?.id ?? null} />

      <AwardSections tender={tender} isCommittee={isCommittee} isParticipant={isParticipant} />
    </>
  );
}

/** Every public field of the package (the HPS is public by law). */
function TenderFacts({ tender }: { tender: Tender }) {
  const { t } = useTranslation();
  const labels = useProcurementLabels();
  // Side by side where there is room; label above value on a phone.
  const orientation = useMatches<"vertical" | "horizontal">({ base: "vertical", sm: "horizontal" });
  const facts: [string, ReactNode][] = [
    [t("tender.code"), <Text span ff="monospace" fz="inherit">{tender.tenderCode}</Text>],
    [t("tender.rupCode"), <Text span ff="monospace" fz="inherit">{tender.rupCode}</Text>],
    [t("tender.agency"), tender.agencyName],
    [t("tender.workUnit"), tender.workUnitName],
    [t("tender.category"), labels.category(tender.category)],
    [t("tender.method"), labels.method(tender.method)],
    [t("tender.evaluationMethod"), labels.evaluationMethod(tender.evaluationMethod)],
    [t("tender.qualification"), labels.qualification(tender.qualification)],
    [t("tender.contractType"), labels.contractType(tender.contractType)],
    [t("tender.fundingSource"), labels.fundingSource(tender.fundingSource)],
    [t("tender.fiscalYear"), String(tender.fiscalYear)],
    [t("tender.pagu"), rupiah(tender.pagu)],
    [t("tender.hps"), <Text span fz="inherit" fw={700} data-testid="announcement-hps">{rupiah(tender.hps)}</Text>],
    [
      t("tender.kbli"),
      tender.kbliCodes.length === 0 ? (
        t("common.none")
      ) : (
        <Group gap={4} component="span">
          {tender.kbliCodes.map((code) => (
            <Badge key={code} variant="outline" color="gray" ff="monospace">
              {code}
            </Badge>
          ))}
        </Group>
      ),
    ],
    [t("tender.publishedAt"), <DateTime value={tender.publishedAt} seconds={false} />],
  ];
  return (
    <Stack gap="md">
      <DataList orientation={orientation} labelWidth="11rem" withDivider>
        {facts.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      <div>
        <Text size="sm" fw={600}>
          {t("tender.requirements")}
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="qualification-requirements">
          {tender.qualificationRequirements || t("common.none")}
        </Text>
      </div>
    </Stack>
  );
}
