import { Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { CalendarDate } from "../../lib/DateTime";
import { notifyError, notifySuccess } from "../../lib/notify";
import { errorText } from "../../lib/problem";
import { useLanguage } from "../../lib/useLanguage";
import { isLicenceKind, type Licence, useRemoveLicence } from "./vendors.api";

const NO_WRAP = { whiteSpace: "nowrap" } as const;

export function useLicenceKindLabel(): (kind: string) => string {
  const { t } = useTranslation();
  return (kind) => (isLicenceKind(kind) ? t(`vendor.licenceKinds.${kind}`) : kind);
}

interface Props {
  licences: readonly Licence[];
  /** Given on the vendor's own page: each row gets a remove button. */
  editableVendorId?: string | undefined;
  labelledBy?: string;
}

/** Business licences with their KBLI codes and validity; expired ones are marked. */
export function LicencesTable({ licences, editableVendorId, labelledBy }: Props) {
  const { t } = useTranslation();
  const kindLabel = useLicenceKindLabel();
  if (licences.length === 0) return <Text c="dimmed">{t("vendor.licencesEmpty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={editableVendorId ? 820 : 720}>
      <Table striped verticalSpacing="sm" aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("vendor.licenceKind")}</Table.Th>
            <Table.Th scope="col">{t("vendor.licenceNumber")}</Table.Th>
            <Table.Th scope="col">{t("vendor.issuer")}</Table.Th>
            <Table.Th scope="col">{t("vendor.kbli")}</Table.Th>
            <Table.Th scope="col">{t("vendor.validFrom")}</Table.Th>
            <Table.Th scope="col">{t("vendor.validUntil")}</Table.Th>
            {editableVendorId && <Table.Th scope="col">{t("common.actions")}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {licences.map((licence) => (
            <Table.Tr key={licence.id} data-expired={licence.expired || undefined}>
              <Table.Td style={NO_WRAP}>{kindLabel(licence.kind)}</Table.Td>
              <Table.Td ff="monospace">{licence.number}</Table.Td>
              <Table.Td>{licence.issuer}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {licence.kbliCodes.map((code) => (
                    <Badge key={code} variant="outline" color="gray" ff="monospace">
                      {code}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td style={NO_WRAP}>
                <CalendarDate value={licence.validFrom} />
              </Table.Td>
              <Table.Td style={NO_WRAP}>
                <Stack gap={2} align="flex-start">
                  {licence.validUntil ? <CalendarDate value={licence.validUntil} /> : t("vendor.noEnd")}
                  {licence.expired && (
                    <Badge color="red" variant="filled" size="sm">
                      {t("vendor.expired")}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              {editableVendorId && (
                <Table.Td>
                  <RemoveLicenceButton vendorId={editableVendorId} licence={licence} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RemoveLicenceButton({ vendorId, licence }: { vendorId: string; licence: Licence }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const kindLabel = useLicenceKindLabel();
  const remove = useRemoveLicence(vendorId);
  const [confirming, setConfirming] = useState(false);
  const names = { kind: kindLabel(licence.kind), number: licence.number };
  const run = () =>
    remove.mutate(licence.id, {
      onSuccess: () => {
        setConfirming(false);
        notifySuccess(t("vendor.licenceRemoved", names));
      },
      onError: (error) => {
        setConfirming(false);
        notifyError(errorText(error, language, t));
      },
    });
  return (
    <>
      <Button size="compact-sm" variant="light" color="red" aria-label={t("vendor.removeLicenceNamed", names)} onClick={() => setConfirming(true)}>
        {t("common.delete")}
      </Button>
      <ConfirmDialog
        opened={confirming}
        title={t("vendor.removeLicence")}
        message={t("vendor.confirmRemoveLicence", names)}
        loading={remove.isPending}
        onConfirm={run}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
