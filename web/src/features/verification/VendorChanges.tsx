import { Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod/mini";
import { DateTime } from "../../lib/DateTime";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import type { id } from "../../i18n/id";
import { useLicenceKindLabel } from "../vendors/LicencesTable";
import { type ChangeRow, useRecordChangeRows } from "./recordChanges";
import { type ChangeEvent, useVendorChanges } from "./verification.api";

/** vendor.profile_updated: `changes` maps a database column to its old and new value. */
const ProfilePayload = z.object({ changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })) });
/** vendor.licence_added / vendor.licence_removed carry at least the licence's kind and number. */
const LicencePayload = z.object({ kind: z.string(), number: z.string() });

type ChangeField = keyof (typeof id)["verification"]["fields"];
const CHANGE_FIELDS: readonly ChangeField[] = [
  "name",
  "business_form",
  "npwp",
  "nib",
  "pkp",
  "address_street",
  "address_city",
  "address_province",
  "postal_code",
  "phone",
  "contact_email",
  "website",
];
function isChangeField(column: string): column is ChangeField {
  return (CHANGE_FIELDS as readonly string[]).includes(column);
}

/** Changes to the vendor's data since its last verification, one row per field: before → after. */
export function VendorChanges({ vendorId }: { vendorId: string }) {
  const { t } = useTranslation();
  const kindLabel = useLicenceKindLabel();
  const recordRows = useRecordChangeRows();
  const changes = useVendorChanges(vendorId);
  if (changes.isPending) return <PageLoader />;
  if (changes.isError) return <QueryError error={changes.error} onRetry={() => void changes.refetch()} />;

  const show = (value: unknown, column?: string): string | null => {
    if (value === null || value === undefined || value === "") return null;
    if (column === "pkp") return value === 1 || value === true ? t("vendor.yes") : t("vendor.no");
    return typeof value === "string" ? value : JSON.stringify(value);
  };

  const rowsOf = (event: ChangeEvent): ChangeRow[] => {
    const base = `${event.index}`;
    const recordOrDocument = recordRows(event);
    if (recordOrDocument) return recordOrDocument;
    if (event.type === "vendor.profile_updated") {
      const payload = ProfilePayload.safeParse(event.changes);
      if (payload.success) {
        return Object.entries(payload.data.changes).map(([column, change]) => ({
          key: `${base}:${column}`,
          time: event.time,
          field: isChangeField(column) ? t(`verification.fields.${column}`) : column,
          before: show(change.before, column),
          after: show(change.after, column),
        }));
      }
    }
    if (event.type === "vendor.licence_added" || event.type === "vendor.licence_removed") {
      const payload = LicencePayload.safeParse(event.changes);
      if (payload.success) {
        const licence = `${kindLabel(payload.data.kind)} ${payload.data.number}`;
        const added = event.type === "vendor.licence_added";
        return [{ key: base, time: event.time, field: added ? t("verification.licenceAdded") : t("verification.licenceRemoved"), before: added ? null : licence, after: added ? licence : null }];
      }
    }
    // A change this app does not know how to show: its type and raw data, rather than nothing.
    return [{ key: base, time: event.time, field: event.type, before: null, after: JSON.stringify(event.changes) }];
  };

  const rows = changes.data.flatMap(rowsOf);
  if (rows.length === 0) return <Text c="dimmed">{t("verification.changesEmpty")}</Text>;
  const value = (text: string | null, kind: "before" | "after"): ReactNode =>
    text === null ? (
      <Text span c="dimmed" fs="italic">
        {t("verification.emptyValue")}
      </Text>
    ) : (
      <Text span component={kind === "before" ? "del" : "ins"} c={kind === "before" ? "red.9" : "teal.9"} style={{ textDecoration: kind === "before" ? "line-through" : "none" }}>
        {text}
      </Text>
    );

  return (
    // Narrow enough for a phone: the values and times wrap rather than scroll.
    <Table.ScrollContainer minWidth={320}>
      <Table striped verticalSpacing="sm" horizontalSpacing="xs" data-testid="vendor-changes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("verification.field")}</Table.Th>
            <Table.Th scope="col">{t("verification.change")}</Table.Th>
            <Table.Th scope="col">{t("vendor.time")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td fw={500}>{row.field}</Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }}>
                {value(row.before, "before")} → {value(row.after, "after")}
              </Table.Td>
              <Table.Td fz="sm" c="dimmed" miw={96}>
                <DateTime value={row.time} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
