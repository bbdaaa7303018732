import { Alert, Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../../lib/api";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { LicencesTable } from "../vendors/LicencesTable";
import { RecordsSection } from "../vendors/RecordsSection";
import { VendorDocumentsSection } from "../vendors/VendorDocumentsSection";
import { useVendor } from "../vendors/vendors.api";
import { VendorProfileSummary } from "../vendors/VendorProfileSummary";
import { VendorStatusBadge } from "../vendors/VendorStatusBadge";
import { VendorUsersSection } from "../vendors/VendorUsersSection";
import { VerificationHistory } from "../vendors/VerificationHistory";
import { DecisionForm } from "./DecisionForm";
import { VendorChanges } from "./VendorChanges";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} component="section" aria-labelledby={id}>
      <Stack>
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** One vendor for the Verifikator: everything to check against the originals, and the decision. */
export function VerificationDetailPage() {
  const { t } = useTranslation();
  const { vendorId = "" } = useParams();
  const vendor = useVendor(vendorId);

  const back = (
    <Anchor component={Link} to="/app/verifikasi" size="sm">
      ← {t("common.back")}
    </Anchor>
  );
  if (vendor.isPending) return <PageLoader />;
  if (vendor.isError) {
    return (
      <Stack>
        {back}
        {isApiError(vendor.error) && vendor.error.status === 404 ? <Alert color="red">{t("vendor.notFound")}</Alert> : <QueryError error={vendor.error} onRetry={() => void vendor.refetch()} />}
      </Stack>
    );
  }
  const data = vendor.data;

  return (
    <Stack gap="lg" maw={1040}>
      {back}
      <Group gap="sm" align="center" wrap="wrap">
        <Title order={1}>{data.name}</Title>
        <VendorStatusBadge status={data.status} size="lg" />
      </Group>
      {data.status === "rejected" && data.rejectionReason && (
        <Alert color="red" title={t("vendor.rejectionReason")}>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {data.rejectionReason}
          </Text>
        </Alert>
      )}
      <Section id="profile-title" title={t("vendor.profileTitle")}>
        <VendorProfileSummary vendor={data} />
      </Section>
      <Section id="licences-title" title={t("vendor.licencesTitle")}>
        <LicencesTable licences={data.licences} labelledBy="licences-title" />
      </Section>
      <RecordsSection vendorId={data.id} editable={false} />
      <VendorDocumentsSection vendorId={data.id} canUpload={false} />
      <VendorUsersSection vendorId={data.id} canAdd={false} />
      <Section id="changes-title" title={t("verification.changesTitle")}>
        {data.verifiedAt === null && (
          <Text size="sm" c="dimmed">
            {t("verification.changesNeverVerified")}
          </Text>
        )}
        <VendorChanges vendorId={data.id} />
      </Section>
      <Section id="history-title" title={t("vendor.historyTitle")}>
        <VerificationHistory vendorId={data.id} />
      </Section>
      <Section id="decision-title" title={t("verification.decisionTitle")}>
        {data.status === "submitted" ? <DecisionForm vendor={data} /> : <Text c="dimmed">{t("verification.notWaiting")}</Text>}
      </Section>
    </Stack>
  );
}
