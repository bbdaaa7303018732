import { Alert, Anchor, Badge, Button, DataList, Group, Stack, Table, Text, Title, useMatches } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { DetailPage } from "../../lib/DetailPage";
import { Link, useNavigate, useParams } from "react-router";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { DateTime } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { formatQuantity, rupiah } from "../../lib/money";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { errorText } from "../../lib/problem";
import { useLanguage } from "../../lib/useLanguage";
import { useCurrentUser } from "../auth/useCurrentUser";
import { DirectOfficialSection } from "../direct/DirectOfficialSection";
import { DirectProgressSection } from "../direct/DirectProgressSection";
import { CeremonyPlan, KeyHoldersTable } from "../opening/KeyHoldersTable";
import { CommitteeChangedError, keyHoldersOf, usePackageCeremony, webCryptoAvailable } from "../opening/opening.api";
import { Section } from "../tenders/Section";
import { AssignmentSection } from "./AssignmentSection";
import { useProcurementLabels } from "./labels";
import { PackageDocumentsSection } from "./PackageDocumentsSection";
import { type Package, SEALED_BID_METHODS, usePackage, usePublishTender, useSchedule } from "./packages.api";
import { PackageStatusBadge } from "./PackageStatusBadge";
import { ScheduleSection } from "./ScheduleSection";

/**
 * One package: its data, HPS and documents for everyone who may see it, and by role the PPK's edit button
 * and document upload, the Admin Agency's assignment form, and the committee's schedule editor and publication
 * (for Pengadaan Langsung instead the Pejabat Pengadaan's invitation, negotiation and result).
 */
export function PackageDetailPage() {
  const { t } = useTranslation();
  const { packageId = "" } = useParams();
  const pkg = usePackage(packageId);
  const back = (
    <Anchor component={Link} to="/app/paket" size="sm">
      ← {t("packages.title")}
    </Anchor>
  );
  return (
    <DetailPage query={pkg} back={back} notFound={t("packages.notFound")}>
      {(data) => <PackageContent pkg={data} />}
    </DetailPage>
  );
}

function PackageContent({ pkg }: { pkg: Package }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const canEdit = me.role === "ppk" && me.id === pkg.ppkId && pkg.status === "draft";
  const canAssign = me.role === "admin_agency" && me.agencyId === pkg.agencyId && pkg.status === "draft";
  const direct = pkg.method === "pengadaan_langsung";
  const isCommittee = (me.role === "pokja" || me.role === "pejabat_pengadaan") && (pkg.assignment?.members.some((m) => m.id === me.id) ?? false);

  return (
    <>
      <div>
        <Group gap="xs" wrap="wrap" mb={4}>
          <PackageStatusBadge status={pkg.status} size="lg" />
          {pkg.tenderCode && (
            <Badge variant="outline" color="gray" ff="monospace" size="lg">
              {pkg.tenderCode}
            </Badge>
          )}
        </Group>
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Title order={1} fz={{ base: 26, sm: 34 }} style={{ overflowWrap: "anywhere", minWidth: 0 }}>
            {pkg.name}
          </Title>
          {/* A button, not a link: its name must not match a search for the "Paket" navigation link. */}
          {canEdit && (
            <Button variant="light" onClick={() => void navigate(`/app/paket/${pkg.id}/ubah`)}>
              {t("packages.edit")}
            </Button>
          )}
        </Group>
        <Text c="dimmed">
          {pkg.agencyName} · {pkg.workUnitName}
        </Text>
      </div>

      {pkg.retenderOf && (
        <Alert color="orange" variant="light" title={t("closing.failure.retenderOf", { code: pkg.retenderOf.tenderCode ?? "" })} data-testid="retender-of">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">{t("closing.failure.retenderOfHelp")}</Text>
            {pkg.retenderOf.tenderCode && (
              <Anchor component={Link} to={`/tender/${pkg.retenderOf.tenderCode}`} fw={600}>
                {t("closing.failure.viewFailed", { code: pkg.retenderOf.tenderCode })}
              </Anchor>
            )}
          </Group>
        </Alert>
      )}

      {pkg.status === "published" && pkg.tenderCode && (
        <Alert color="teal" variant="light">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">{t("packages.publishedNote", { code: pkg.tenderCode })}</Text>
            <Anchor component={Link} to={`/tender/${pkg.tenderCode}`} fw={600}>
              {t("packages.viewAnnouncement")}
            </Anchor>
          </Group>
        </Alert>
      )}

      <Section id="facts-title" title={t("packages.facts")}>
        <PackageFacts pkg={pkg} />
      </Section>

      <Section id="hps-table-title" title={t("packages.hpsTitle")}>
        <HpsTable pkg={pkg} />
      </Section>

      <PackageDocumentsSection pkg={pkg} canUpload={canEdit} />
      <AssignmentSection pkg={pkg} canAssign={canAssign} />
      {direct ? (
        // Pengadaan Langsung has no tender schedule or announcement: its Pejabat Pengadaan invites one vendor.
        isCommittee && me.role === "pejabat_pengadaan" ? (
          <DirectOfficialSection packageId={pkg.id} />
        ) : (
          // Those who answer for the package follow it (the server decides again: its PPK, the agency's PA/KPA, oversight).
          ((me.role === "ppk" && me.id === pkg.ppkId) || me.role === "pa_kpa" || me.role === "admin_ppe" || me.role === "auditor") && <DirectProgressSection packageId={pkg.id} />
        )
      ) : (
        <>
          {/* Started afresh on publication: the published schedule is then changed on request, with a reason. */}
          <ScheduleSection key={pkg.status} pkg={pkg} isCommittee={isCommittee} />
          {isCommittee && pkg.status === "draft" && <PublishSection pkg={pkg} />}
        </>
      )}
    </>
  );
}

function PackageFacts({ pkg }: { pkg: Package }) {
  const { t } = useTranslation();
  const labels = useProcurementLabels();
  const orientation = useMatches<"vertical" | "horizontal">({ base: "vertical", sm: "horizontal" });
  const facts: [string, ReactNode][] = [
    [t("packages.rupCode"), <Text span ff="monospace" fz="inherit">{pkg.rupCode}</Text>],
    [t("packages.agency"), pkg.agencyName],
    [t("packages.workUnit"), pkg.workUnitName],
    [t("packages.fiscalYear"), String(pkg.fiscalYear)],
    [t("packages.fundingSource"), labels.fundingSource(pkg.fundingSource)],
    [t("packages.pagu"), rupiah(pkg.pagu)],
    [t("packages.hps"), <Text span fz="inherit" fw={700} data-testid="package-hps">{rupiah(pkg.hps)}</Text>],
    [t("packages.hpsSetAt"), <DateTime value={pkg.hpsSetAt} />],
    [t("packages.category"), labels.category(pkg.category)],
    [t("packages.method"), labels.method(pkg.method)],
    [t("packages.evaluationMethod"), labels.evaluationMethod(pkg.evaluationMethod)],
    ...(pkg.technicalWeight === null ? [] : [[t("packages.technicalWeight"), t("packages.technicalWeightValue", { technical: pkg.technicalWeight, price: 100 - pkg.technicalWeight })] as [string, string]]),
    [t("packages.qualification"), labels.qualification(pkg.qualification)],
    [t("packages.contractType"), labels.contractType(pkg.contractType)],
    [t("packages.kbli"), pkg.kbliCodes.length > 0 ? pkg.kbliCodes.join(", ") : t("common.none")],
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
          {t("packages.requirements")}
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {pkg.qualificationRequirements || t("common.none")}
        </Text>
      </div>
    </Stack>
  );
}

function HpsTable({ pkg }: { pkg: Package }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const right = { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;
  const compact = useMatches({ base: true, sm: false });
  if (compact) {
    // On a phone each line reads as a sentence: "4.200 m3 × Rp95.000 = Rp399.000.000".
    return (
      <Stack gap="xs" data-testid="hps-table">
        <Stack component="ol" gap="xs" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-labelledby="hps-table-title">
          {pkg.hpsItems.map((item) => (
            <li key={item.position} style={{ borderBottom: "1px solid var(--mantine-color-default-border)", paddingBottom: "var(--mantine-spacing-xs)" }}>
              <Text size="sm" fw={500}>
                {item.position}. {item.description}
              </Text>
              <Text size="sm" c="dimmed" style={{ fontVariantNumeric: "tabular-nums" }}>
                {formatQuantity(item.quantity, language)} {item.unit} × {rupiah(item.unitPrice)} ={" "}
                <Text span c="var(--mantine-color-text)" fz="inherit" fw={600}>
                  {rupiah(item.total)}
                </Text>
              </Text>
            </li>
          ))}
        </Stack>
        <Group justify="space-between">
          <Text fw={700}>{t("packages.hpsTotal")}</Text>
          <Text fw={700}>{rupiah(pkg.hps)}</Text>
        </Group>
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table striped verticalSpacing="xs" aria-labelledby="hps-table-title" data-testid="hps-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={40}>
              #
            </Table.Th>
            <Table.Th scope="col">{t("packages.description")}</Table.Th>
            <Table.Th scope="col">{t("packages.unit")}</Table.Th>
            <Table.Th scope="col" style={right}>
              {t("packages.quantity")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("packages.unitPrice")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("packages.lineTotal")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pkg.hpsItems.map((item) => (
            <Table.Tr key={item.position}>
              <Table.Td>{item.position}</Table.Td>
              <Table.Td>{item.description}</Table.Td>
              <Table.Td>{item.unit}</Table.Td>
              <Table.Td style={right}>
                {formatQuantity(item.quantity, language)}
              </Table.Td>
              <Table.Td style={right}>
                {rupiah(item.unitPrice)}
              </Table.Td>
              <Table.Td style={right}>
                {rupiah(item.total)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={5} style={{ textAlign: "right" }}>
              {t("packages.hpsTotal")}
            </Table.Th>
            <Table.Td fw={700} style={right}>
              {rupiah(pkg.hps)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The committee publishes once the package is assigned and the schedule saved; the server checks the
 * schedule again at this moment. A sealed-bid tender is published with its key: the ceremony runs in this
 * browser first, for the share holders listed (with their fingerprints to compare).
 */
function PublishSection({ pkg }: { pkg: Package }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useCurrentUser();
  const schedule = useSchedule(pkg.id);
  const publish = usePublishTender(pkg.id);
  const sealed = SEALED_BID_METHODS.includes(pkg.method);
  const ceremony = usePackageCeremony(pkg.id, sealed);
  const [confirming, setConfirming] = useState(false);
  const keysReady = !sealed || (ceremony.data !== undefined && ceremony.data.members.length >= 2 && keyHoldersOf(ceremony.data).every((h) => h.publicKey !== null));
  const ready = pkg.assignment !== null && (schedule.data?.stages.length ?? 0) > 0 && keysReady && (!sealed || webCryptoAvailable());
  const error = publish.error instanceof CommitteeChangedError ? t("opening.tenderKey.committeeChanged") : publish.error ? errorText(publish.error, language, t) : null;

  const run = () =>
    publish.mutate(sealed ? (ceremony.data ?? null) : null, {
      onSuccess: (saved) => notifySuccess(t("packages.published", { code: saved.tenderCode ?? "" })),
      onSettled: () => setConfirming(false),
    });

  return (
    <Section id="publish-title" title={t("packages.publishTitle")} testId="publish">
      <Text size="sm">{t("packages.publishHelp")}</Text>
      {!(pkg.assignment !== null && (schedule.data?.stages.length ?? 0) > 0) && (
        <Text size="sm" c="dimmed">
          {t("packages.publishNeeds")}
        </Text>
      )}
      {sealed && (
        <Stack gap="xs">
          <Text size="sm">{t("packages.publishKeyHelp")}</Text>
          {ceremony.data ? (
            <>
              <CeremonyPlan ceremony={ceremony.data} />
              <KeyHoldersTable ceremony={ceremony.data} userId={me.id} />
              {!keysReady && (
                <Text size="sm" c="dimmed">
                  {t("packages.publishKeyWaiting")}
                </Text>
              )}
            </>
          ) : ceremony.isPending ? (
            <PageLoader />
          ) : (
            <QueryError error={ceremony.error} onRetry={() => void ceremony.refetch()} />
          )}
        </Stack>
      )}
      <FormAlert message={error} />
      {publish.isPending && sealed && (
        <Text size="sm" role="status">
          {t("packages.publishing")}
        </Text>
      )}
      <Group justify="flex-end">
        <Button color="teal" disabled={!ready} onClick={() => setConfirming(true)}>
          {t("packages.publish")}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t("packages.publish")}
        message={t("packages.confirmPublish", { name: pkg.name })}
        loading={publish.isPending}
        onConfirm={run}
        onCancel={() => setConfirming(false)}
      />
    </Section>
  );
}
