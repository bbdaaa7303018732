import { Button, Group, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { CalendarDate } from "../../lib/DateTime";
import { formatCount } from "../../lib/format";
import { rupiah } from "../../lib/money";
import { notifyError, notifySuccess } from "../../lib/notify";
import { errorText } from "../../lib/problem";
import { useLanguage } from "../../lib/useLanguage";
import { type FieldSpec, KIND_SPECS, recordFormPath, type RecordKind, recordTitle } from "./recordFields";
import { type VendorRecord, useRemoveRecord } from "./records.api";

const NO_WRAP = { whiteSpace: "nowrap" } as const;
/** Room per column before the table scrolls sideways (on a phone) rather than squeezing every cell. */
const COLUMN_WIDTH = 130;
const ACTIONS_WIDTH = 170;

/** One value as the table shows it: dates, Rupiah, percentages and choices in the current language. */
function RecordValue({ field, value }: { field: FieldSpec; value: string | number | null | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (value === null || value === undefined || value === "") return <>{t("common.none")}</>;
  const text = String(value);
  switch (field.input) {
    case "date":
      return <CalendarDate value={text} />;
    case "money":
      return <>{rupiah(text)}</>;
    case "integer":
      return <>{typeof value === "number" ? formatCount(value, language) : text}</>;
    case "percent":
      return <>{Number.isNaN(Number(text)) ? text : `${formatCount(Number(text), language)}%`}</>;
    case "select": {
      const option = field.options?.find((o) => o === text);
      return <>{option ? t(`records.options.${option}`) : text}</>;
    }
    default:
      return <>{text}</>;
  }
}

interface Props {
  vendorId: string;
  kind: RecordKind;
  records: readonly VendorRecord[];
  /** The vendor's own page while its data may change: each row gets edit and remove buttons. */
  editable: boolean;
  labelledBy: string;
}

/** The records of one kind, a column per field. */
export function RecordsTable({ vendorId, kind, records, editable, labelledBy }: Props) {
  const { t } = useTranslation();
  const fields = KIND_SPECS[kind].fields;
  if (records.length === 0) return <Text c="dimmed">{t(`records.kinds.${kind}.empty`)}</Text>;
  return (
    <Table.ScrollContainer minWidth={fields.length * COLUMN_WIDTH + (editable ? ACTIONS_WIDTH : 0)}>
      <Table striped verticalSpacing="sm" aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            {fields.map((field) => (
              <Table.Th scope="col" key={field.name}>
                {t(`records.fields.${field.label}`)}
              </Table.Th>
            ))}
            {editable && <Table.Th scope="col">{t("common.actions")}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record) => (
            <Table.Tr key={record.id}>
              {fields.map((field) => (
                <Table.Td key={field.name} style={field.input === "date" || field.input === "money" ? NO_WRAP : undefined}>
                  <RecordValue field={field} value={record[field.name]} />
                </Table.Td>
              ))}
              {editable && (
                <Table.Td>
                  <RecordRowActions vendorId={vendorId} kind={kind} record={record} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RecordRowActions({ vendorId, kind, record }: { vendorId: string; kind: RecordKind; record: VendorRecord }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const remove = useRemoveRecord(vendorId, kind);
  const [confirming, setConfirming] = useState(false);
  const names = { item: t(`records.kinds.${kind}.item`), name: recordTitle(kind, record) };
  const run = () =>
    remove.mutate(record.id, {
      onSuccess: () => {
        setConfirming(false);
        notifySuccess(t("records.removed", names));
      },
      onError: (error) => {
        setConfirming(false);
        notifyError(errorText(error, language, t));
      },
    });
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="compact-sm" variant="light" aria-label={t("records.editNamed", names)} onClick={() => void navigate(recordFormPath(kind, record.id))}>
        {t("records.edit")}
      </Button>
      <Button size="compact-sm" variant="light" color="red" aria-label={t("records.removeNamed", names)} onClick={() => setConfirming(true)}>
        {t("common.delete")}
      </Button>
      <ConfirmDialog
        opened={confirming}
        title={t("records.remove")}
        message={t("records.confirmRemove", names)}
        loading={remove.isPending}
        onConfirm={run}
        onCancel={() => setConfirming(false)}
      />
    </Group>
  );
}
