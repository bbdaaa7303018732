import {
  DEED_TYPES,
  EQUIPMENT_CONDITIONS,
  EQUIPMENT_OWNERSHIPS,
  RECORD_KIND_NAMES,
  type RecordKind,
  TAX_REPORT_TYPES,
} from "../../../../src/modules/vendors/vendor-enums.js";
import type { id } from "../../i18n/id";
import { normalizeRupiah } from "../../lib/money";

export { RECORD_KIND_NAMES, type RecordKind };

type Texts = (typeof id)["records"];
export type FieldLabel = keyof Texts["fields"];
export type FieldHint = keyof Texts["hints"];
export type RecordOption = keyof Texts["options"];

/**
 * How a field is typed and sent: `identity` is a NIK or passport number (spaces dropped, upper case),
 * `integer` and `year` go as numbers (a year is shown without grouping), `money` as the API's canonical
 * Rupiah, `percent` with a decimal point.
 */
export type FieldInput = "text" | "identity" | "date" | "integer" | "year" | "money" | "percent" | "period" | "select";

export interface FieldSpec {
  /** The API's property. */
  name: string;
  label: FieldLabel;
  input: FieldInput;
  /**
   * What an empty input means. Required fields (the default) leave the property out, so the server names
   * it "wajib diisi"; `null` for fields the server allows to be null; `blank` for texts it allows empty.
   */
  empty?: "null" | "blank";
  options?: readonly RecordOption[];
  hint?: FieldHint;
}

export interface KindSpec {
  /** The kind in the web app's addresses (`/app/penyedia/data/tenaga-ahli/baru`, `?data=akta`). */
  slug: string;
  /** The field that names a record in buttons and messages ("Hapus akta 12"). */
  title: string;
  fields: readonly FieldSpec[];
}

/** The server's record schemas (src/modules/vendors/records.schemas.ts) as form fields and table columns. */
export const KIND_SPECS: Record<RecordKind, KindSpec> = {
  deeds: {
    slug: "akta",
    title: "number",
    fields: [
      { name: "type", label: "deedType", input: "select", options: DEED_TYPES },
      { name: "number", label: "deedNumber", input: "text" },
      { name: "date", label: "deedDate", input: "date" },
      { name: "notary", label: "notary", input: "text" },
      { name: "approvalNumber", label: "approvalNumber", input: "text", empty: "null", hint: "optional" },
    ],
  },
  owners: {
    slug: "pemilik",
    title: "name",
    fields: [
      { name: "name", label: "personName", input: "text" },
      { name: "identityNumber", label: "identityNumber", input: "identity", hint: "identityNumber" },
      { name: "address", label: "address", input: "text" },
      { name: "sharePercent", label: "sharePercent", input: "percent", hint: "sharePercent" },
    ],
  },
  managers: {
    slug: "pengurus",
    title: "name",
    fields: [
      { name: "name", label: "personName", input: "text" },
      { name: "identityNumber", label: "identityNumber", input: "identity", hint: "identityNumber" },
      { name: "position", label: "position", input: "text" },
      { name: "from", label: "from", input: "date" },
      { name: "until", label: "until", input: "date", empty: "null", hint: "until" },
    ],
  },
  experts: {
    slug: "tenaga-ahli",
    title: "name",
    fields: [
      { name: "name", label: "personName", input: "text" },
      { name: "education", label: "education", input: "text" },
      { name: "expertise", label: "expertise", input: "text" },
      { name: "yearsOfExperience", label: "yearsOfExperience", input: "integer" },
      { name: "certificate", label: "certificate", input: "text", empty: "null", hint: "optional" },
    ],
  },
  equipment: {
    slug: "peralatan",
    title: "type",
    fields: [
      { name: "type", label: "equipmentType", input: "text" },
      { name: "quantity", label: "quantity", input: "integer" },
      { name: "capacity", label: "capacity", input: "text", empty: "blank", hint: "capacity" },
      { name: "brand", label: "brand", input: "text", empty: "blank", hint: "optional" },
      { name: "year", label: "year", input: "year", hint: "year" },
      { name: "condition", label: "condition", input: "select", options: EQUIPMENT_CONDITIONS },
      { name: "ownership", label: "ownership", input: "select", options: EQUIPMENT_OWNERSHIPS },
    ],
  },
  experience: {
    slug: "pengalaman",
    title: "contractNumber",
    fields: [
      { name: "contractName", label: "contractName", input: "text" },
      { name: "client", label: "client", input: "text" },
      { name: "location", label: "location", input: "text" },
      { name: "contractNumber", label: "contractNumber", input: "text" },
      { name: "contractDate", label: "contractDate", input: "date" },
      { name: "value", label: "contractValue", input: "money", hint: "contractValue" },
      { name: "completedOn", label: "completedOn", input: "date", empty: "null", hint: "completedOn" },
    ],
  },
  "tax-reports": {
    slug: "laporan-pajak",
    title: "receiptNumber",
    fields: [
      { name: "type", label: "taxType", input: "select", options: TAX_REPORT_TYPES },
      { name: "period", label: "period", input: "period", hint: "period" },
      { name: "receiptNumber", label: "receiptNumber", input: "text" },
      { name: "date", label: "reportDate", input: "date" },
    ],
  },
};

/** The kind an address names (`tenaga-ahli` → experts), or null for a name this app does not know. */
export function kindFromSlug(slug: string | null | undefined): RecordKind | null {
  return RECORD_KIND_NAMES.find((kind) => KIND_SPECS[kind].slug === slug) ?? null;
}

/** The anchor of the vendor page's "Data perusahaan" section: the record pages come back to it (`/app/penyedia?data=akta#data-perusahaan`). */
export const RECORDS_ANCHOR = "data-perusahaan";

/** The vendor's page, on the tab of one kind and scrolled to its section. */
export function recordsSectionPath(kind: RecordKind): string {
  return `/app/penyedia?data=${KIND_SPECS[kind].slug}#${RECORDS_ANCHOR}`;
}

/** The address of a record's edit page (and, without `recordId`, of the page that adds one). */
export function recordFormPath(kind: RecordKind, recordId?: string): string {
  const base = `/app/penyedia/data/${KIND_SPECS[kind].slug}`;
  return recordId === undefined ? `${base}/baru` : `${base}/${encodeURIComponent(recordId)}/ubah`;
}

/** A record as the API sends it: its own properties besides id and times. */
export type RecordData = Readonly<Record<string, string | number | null>>;
/** What the form holds: every field as typed text. */
export type FormValues = Record<string, string>;

/** The form's starting values: empty for a new record, the saved ones for an edit. */
export function toFormValues(kind: RecordKind, record: RecordData | null): FormValues {
  return Object.fromEntries(
    KIND_SPECS[kind].fields.map((field) => {
      const value = record?.[field.name];
      return [field.name, value === null || value === undefined ? "" : String(value)];
    }),
  );
}

/** One typed value as the API wants it; `undefined` leaves a required, empty field out. */
function toApiValue(field: FieldSpec, typed: string): string | number | null | undefined {
  const text = typed.trim();
  if (text === "") return field.empty === "null" ? null : field.empty === "blank" ? "" : undefined;
  switch (field.input) {
    case "identity":
      return text.replace(/\s+/g, "").toUpperCase();
    // Anything but digits goes as typed, so the server's message says what is wrong with it.
    case "integer":
    case "year":
      return /^\d+$/.test(text) ? Number(text) : text;
    case "money":
      return normalizeRupiah(text);
    case "percent":
      return text.replace(/\s*%$/, "").replace(",", ".");
    default:
      return text;
  }
}

/** The request body for POST and PUT. */
export function toRecordInput(kind: RecordKind, values: FormValues): Record<string, string | number | null> {
  const body: Record<string, string | number | null> = {};
  for (const field of KIND_SPECS[kind].fields) {
    const value = toApiValue(field, values[field.name] ?? "");
    if (value !== undefined) body[field.name] = value;
  }
  return body;
}

/** The text that names a record in buttons and messages. */
export function recordTitle(kind: RecordKind, record: RecordData): string {
  const value = record[KIND_SPECS[kind].title];
  return value === null || value === undefined ? "" : String(value);
}
