import { useTranslation } from "react-i18next";
import { z } from "zod/mini";
import { isDocumentKind } from "../vendors/documents.api";
import { KIND_SPECS, RECORD_KIND_NAMES, type RecordKind, recordTitle } from "../vendors/recordFields";
import type { ChangeEvent } from "./verification.api";

/** One line of the changes table: a field (or an addition, a removal) and its value before and after. */
export interface ChangeRow {
  key: string;
  time: string;
  field: string;
  before: string | null;
  after: string | null;
}

const RecordData = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
/** vendor.record_added / _updated / _removed: the kind, and the record's data before and/or after. */
const RecordPayload = z.object({ kind: z.enum(RECORD_KIND_NAMES), before: z.optional(RecordData), after: z.optional(RecordData) });
/** vendor.document_uploaded carries at least the document's kind and name. */
const DocumentPayload = z.object({ kind: z.string(), name: z.string() });

/**
 * Rows for the record and document events of GET /vendors/:id/changes, or null for another event or a
 * payload this app does not know (the caller then shows it raw).
 */
export function useRecordChangeRows(): (event: ChangeEvent) => ChangeRow[] | null {
  const { t } = useTranslation();

  const value = (kind: RecordKind, name: string, raw: string | number | null | undefined): string | null => {
    if (raw === null || raw === undefined || raw === "") return null;
    const option = KIND_SPECS[kind].fields.find((f) => f.name === name)?.options?.find((o) => o === raw);
    return option ? t(`records.options.${option}`) : String(raw);
  };

  return (event) => {
    const row = { key: `${event.index}`, time: event.time };
    if (event.type === "vendor.document_uploaded") {
      const payload = DocumentPayload.safeParse(event.changes);
      if (!payload.success) return null;
      const kind = isDocumentKind(payload.data.kind) ? t(`documents.kinds.${payload.data.kind}`) : payload.data.kind;
      return [{ ...row, field: t("verification.documentUploaded"), before: null, after: `${kind}: ${payload.data.name}` }];
    }
    if (!event.type.startsWith("vendor.record_")) return null;
    const payload = RecordPayload.safeParse(event.changes);
    if (!payload.success) return null;
    const { kind, before, after } = payload.data;
    const title = t(`records.kinds.${kind}.title`);
    if (event.type === "vendor.record_added" && after) {
      return [{ ...row, field: t("verification.recordAdded", { title }), before: null, after: recordTitle(kind, after) }];
    }
    if (event.type === "vendor.record_removed" && before) {
      return [{ ...row, field: t("verification.recordRemoved", { title }), before: recordTitle(kind, before), after: null }];
    }
    if (event.type === "vendor.record_updated" && before && after) {
      // One row per changed field, named with the record as it is now.
      const name = recordTitle(kind, after);
      return KIND_SPECS[kind].fields
        .filter((field) => before[field.name] !== after[field.name])
        .map((field) => ({
          key: `${event.index}:${field.name}`,
          time: event.time,
          field: t("verification.recordUpdated", { title, name, field: t(`records.fields.${field.label}`) }),
          before: value(kind, field.name, before[field.name]),
          after: value(kind, field.name, after[field.name]),
        }));
    }
    return null;
  };
}
