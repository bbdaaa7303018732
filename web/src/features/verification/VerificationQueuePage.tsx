import { Anchor, Badge, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { DateTime } from "../../lib/DateTime";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { isBusinessForm, VENDOR_STATUSES, type VendorStatus } from "../vendors/vendors.api";
import { useVerificationQueue } from "./verification.api";

/** Waiting vendors first; the other statuses for looking back (and at changes made after verification). */
const STATUS_ORDER: readonly VendorStatus[] = ["submitted", "verified", "rejected", "draft"];

function statusFrom(value: string | null): VendorStatus {
  return VENDOR_STATUSES.find((s) => s === value) ?? "submitted";
}

export function VerificationQueuePage() {
  const { t } = useTranslation();
  // In the address, so coming back from a vendor's page keeps the chosen status.
  const [params, setParams] = useSearchParams();
  const status = statusFrom(params.get("status"));
  const queue = useVerificationQueue(status);

  return (
    <Stack>
      <Title order={1}>{t("verification.title")}</Title>
      <NativeSelect
        label={t("verification.filterStatus")}
        value={status}
        maw={280}
        data={STATUS_ORDER.map((s) => ({ value: s, label: t(`vendor.statuses.${s}`) }))}
        onChange={(event) => setParams(statusFrom(event.currentTarget.value) === "submitted" ? {} : { status: event.currentTarget.value }, { replace: true })}
      />
      {queue.isPending && <PageLoader />}
      {queue.isError && <QueryError error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data && queue.data.length === 0 && <Text c="dimmed">{t("verification.empty")}</Text>}
      {queue.data && queue.data.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("verification.vendorName")}</Table.Th>
                <Table.Th scope="col">{t("vendor.businessForm")}</Table.Th>
                <Table.Th scope="col">{t("vendor.npwp")}</Table.Th>
                <Table.Th scope="col">{t("vendor.submittedAt")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("verification.changesSince")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.data.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/app/verifikasi/${item.id}`} fw={500}>
                      {item.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{isBusinessForm(item.businessForm) ? t(`vendor.businessForms.${item.businessForm}`) : item.businessForm}</Table.Td>
                  <Table.Td ff="monospace" style={{ whiteSpace: "nowrap" }}>
                    {item.npwpFormatted}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{item.submittedAt ? <DateTime value={item.submittedAt} /> : t("common.none")}</Table.Td>
                  <Table.Td ta="right">
                    {/* Never verified: the server counts 0, but "since verification" means nothing yet. */}
                    {item.verifiedAt === null ? (
                      t("common.none")
                    ) : item.changesSinceVerification > 0 ? (
                      <Badge color="orange" variant="light">
                        {item.changesSinceVerification}
                      </Badge>
                    ) : (
                      "0"
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
