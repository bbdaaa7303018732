import { Anchor, SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../lib/DateTime";
import { isBusinessForm, type Vendor } from "./vendors.api";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </div>
  );
}

/** The profile read-only, as a description list (the Verifikator's view). */
export function VendorProfileSummary({ vendor }: { vendor: Vendor }) {
  const { t } = useTranslation();
  const none = t("common.none");
  const address = vendor.address;
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
      <Fact label={t("vendor.name")}>{vendor.name}</Fact>
      <Fact label={t("vendor.businessForm")}>{isBusinessForm(vendor.businessForm) ? t(`vendor.businessForms.${vendor.businessForm}`) : vendor.businessForm}</Fact>
      <Fact label={t("vendor.npwp")}>
        <span style={{ fontFamily: "monospace" }}>{vendor.npwpFormatted}</span>
      </Fact>
      <Fact label={t("vendor.nib")}>{vendor.nib ? <span style={{ fontFamily: "monospace" }}>{vendor.nib}</span> : none}</Fact>
      <Fact label={t("vendor.pkp")}>{vendor.pkp === null ? none : vendor.pkp ? t("vendor.yes") : t("vendor.no")}</Fact>
      <Fact label={t("vendor.address")}>{address ? `${address.street}, ${address.city}, ${address.province} ${address.postalCode}` : none}</Fact>
      <Fact label={t("vendor.phone")}>{vendor.phone ?? none}</Fact>
      <Fact label={t("vendor.contactEmail")}>{vendor.contactEmail ?? none}</Fact>
      <Fact label={t("vendor.website")}>
        {vendor.website && /^https?:\/\//i.test(vendor.website) ? (
          <Anchor href={vendor.website} target="_blank" rel="noopener noreferrer">
            {vendor.website}
          </Anchor>
        ) : (
          (vendor.website ?? none)
        )}
      </Fact>
      <Fact label={t("vendor.submittedAt")}>{vendor.submittedAt ? <DateTime value={vendor.submittedAt} /> : none}</Fact>
      <Fact label={t("vendor.verifiedAt")}>{vendor.verifiedAt ? <DateTime value={vendor.verifiedAt} /> : none}</Fact>
    </SimpleGrid>
  );
}
