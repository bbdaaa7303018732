import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useDateTimeFormat } from "../../lib/DateTime";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useCurrentUser } from "../auth/useCurrentUser";
import { LicencesTable } from "./LicencesTable";
import { RecordsSection } from "./RecordsSection";
import { SubmitSection } from "./SubmitSection";
import { VendorDocumentsSection } from "./VendorDocumentsSection";
import { useVendor, type Vendor } from "./vendors.api";
import { VendorProfileForm, profileFormKey } from "./VendorProfileForm";
import { VendorStatusBadge } from "./VendorStatusBadge";
import { VendorUsersSection } from "./VendorUsersSection";
import { VerificationHistory } from "./VerificationHistory";

/** A vendor account without its company: should not happen, but says so rather than failing. */
export function NoVendor() {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t("common.errorTitle")} role="alert">
      {t("vendor.noVendor")}
    </Alert>
  );
}

/** The vendor's own company: status, profile, licences, company data, documents, users, submission and verification history. */
export function VendorPage() {
  const me = useCurrentUser();
  if (!me.vendorId) return <NoVendor />;
  return <VendorPageContent vendorId={me.vendorId} />;
}

function VendorPageContent({ vendorId }: { vendorId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const vendor = useVendor(vendorId);
  const [profileDirty, setProfileDirty] = useState(false);
  if (vendor.isPending) return <PageLoader />;
  if (vendor.isError) return <QueryError error={vendor.error} onRetry={() => void vendor.refetch()} />;
  const data = vendor.data;
  const canSubmit = data.status === "draft" || data.status === "rejected";
  // The server keeps records unchanged while the Verifikator is at work; documents and users may still come.
  const recordsLocked = data.status === "submitted";

  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Text size="sm" c="dimmed" fw={500}>
          {t("vendor.title")}
        </Text>
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1}>{data.name}</Title>
          <VendorStatusBadge status={data.status} size="lg" />
        </Group>
      </div>
      <StatusNotice vendor={data} />

      <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="profile-title">
        <Stack>
          <Title order={2} size="h3" id="profile-title">
            {t("vendor.profileTitle")}
          </Title>
          <VendorProfileForm key={profileFormKey(data)} vendor={data} onDirtyChange={setProfileDirty} />
        </Stack>
      </Paper>

      <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="licences-title">
        <Stack>
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h3" id="licences-title">
              {t("vendor.licencesTitle")}
            </Title>
            {/* A button, not a link: a form on its own page, as for agencies and users. */}
            <Button variant="light" onClick={() => void navigate("/app/penyedia/izin/baru")}>
              {t("vendor.addLicence")}
            </Button>
          </Group>
          <LicencesTable licences={data.licences} editableVendorId={data.id} labelledBy="licences-title" />
        </Stack>
      </Paper>

      <RecordsSection vendorId={data.id} editable={!recordsLocked} notice={recordsLocked ? t("records.locked") : null} />
      <VendorDocumentsSection vendorId={data.id} canUpload />
      <VendorUsersSection vendorId={data.id} canAdd />

      {canSubmit && (
        <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }}>
          {/* Started afresh when the saved data changes, so a list of missing items never outlives the fix. */}
          <SubmitSection key={`${profileFormKey(data)}:${data.licences.map((l) => l.id).join(",")}`} vendorId={data.id} profileDirty={profileDirty} />
        </Paper>
      )}

      <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="history-title">
        <Stack>
          <Title order={2} size="h3" id="history-title">
            {t("vendor.historyTitle")}
          </Title>
          <VerificationHistory vendorId={data.id} />
        </Stack>
      </Paper>
    </Stack>
  );
}

function StatusNotice({ vendor }: { vendor: Vendor }) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  switch (vendor.status) {
    case "draft":
      return <Alert color="gray">{t("vendor.statusHelp.draft")}</Alert>;
    case "submitted":
      return <Alert color="yellow">{t("vendor.statusHelp.submitted")}</Alert>;
    case "verified":
      return <Alert color="teal">{t("vendor.statusHelp.verified", { date: vendor.verifiedAt ? format(vendor.verifiedAt) : "" })}</Alert>;
    case "rejected":
      return (
        <Alert color="red" title={t("vendor.rejectionReason")}>
          <Stack gap={4}>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="rejection-reason">
              {vendor.rejectionReason}
            </Text>
            <Text size="sm">{t("vendor.statusHelp.rejected")}</Text>
          </Stack>
        </Alert>
      );
  }
}
