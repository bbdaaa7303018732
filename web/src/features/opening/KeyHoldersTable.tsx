import { Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { KeyFingerprint } from "./KeyFingerprint";
import type { Ceremony } from "./opening.api";

/**
 * Who will hold a share of the tender key, each with whether an opening key is ready and its fingerprint
 * (compared with the holder's own page before the key is made); the escrow holder on its own row.
 */
export function KeyHoldersTable({ ceremony, userId }: { ceremony: Ceremony; userId: string }) {
  const { t } = useTranslation();
  const rows = [...ceremony.members.map((m) => ({ ...m, escrow: false })), ...(ceremony.escrow ? [{ ...ceremony.escrow, escrow: true }] : [])];
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="xs" horizontalSpacing="xs" aria-label={t("opening.tenderKey.members")} data-testid="committee-readiness">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("opening.tenderKey.member")}</Table.Th>
            <Table.Th scope="col">{t("opening.tenderKey.keyStatus")}</Table.Th>
            <Table.Th scope="col">{t("opening.tenderKey.fingerprint")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((holder) => (
            <Table.Tr key={holder.userId}>
              <Table.Th scope="row" fw={500}>
                {holder.name} {holder.userId === userId && t("opening.tenderKey.you")} {holder.escrow && t("opening.tenderKey.escrowHolder")}
              </Table.Th>
              <Table.Td>
                <Badge variant="light" color={holder.publicKey ? "teal" : "gray"}>
                  {holder.publicKey ? t("opening.tenderKey.ready") : t("opening.tenderKey.notReady")}
                </Badge>
              </Table.Td>
              <Table.Td>{holder.publicKey ? <KeyFingerprint publicKey={holder.publicKey} /> : t("common.none")}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "Bids can be opened by k of n members", and the escrow share when the LPSE keeps one. */
export function CeremonyPlan({ ceremony }: { ceremony: Ceremony }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {t("opening.tenderKey.plan", { k: ceremony.threshold, n: ceremony.members.length })} {ceremony.escrow && t("opening.tenderKey.escrowPlan", { name: ceremony.escrow.name })}
    </Text>
  );
}
