import { z } from "zod";
import { bilingual } from "../../server/validation.js";
import { MoneySchema } from "../packages/packages.schemas.js";
import { DEED_TYPES, EQUIPMENT_CONDITIONS, EQUIPMENT_OWNERSHIPS, type RecordKind, TAX_REPORT_TYPES } from "./vendor-enums.js";

export { RECORD_KIND_NAMES, type RecordKind } from "./vendor-enums.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bilingual("harus berformat TTTT-BB-HH", "must be YYYY-MM-DD"));
/** NIK (16 digits) for Indonesian citizens, or a passport number for foreign owners and experts. */
const identityNumber = z.string().trim().regex(/^(\d{16}|[A-Z0-9]{6,12})$/, bilingual("NIK 16 digit atau nomor paspor", "a 16-digit NIK or a passport number"));
const text = (max: number) => z.string().trim().min(2).max(max);

/**
 * The vendor data menus of SPSE besides identity and licences, one schema per kind. Each is a list of
 * records the vendor keeps current; every change is logged for the Verifikator.
 */
export const RECORD_KINDS = {
  deeds: {
    title: { id: "Akta", en: "Deeds" },
    schema: z.strictObject({
      type: z.enum(DEED_TYPES),
      number: text(100),
      date: isoDate,
      notary: text(200),
      approvalNumber: z.string().trim().max(100).nullable(),
    }),
  },
  owners: {
    title: { id: "Pemilik", en: "Owners" },
    schema: z.strictObject({
      name: text(200),
      identityNumber,
      address: text(300),
      sharePercent: z.string().regex(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/, bilingual("persen 0-100, paling banyak 2 desimal", "a percentage 0-100, at most 2 decimals")),
    }),
  },
  managers: {
    title: { id: "Pengurus", en: "Managers" },
    schema: z.strictObject({
      name: text(200),
      identityNumber,
      position: text(100),
      from: isoDate,
      until: isoDate.nullable(),
    }),
  },
  experts: {
    title: { id: "Tenaga ahli", en: "Experts" },
    schema: z.strictObject({
      name: text(200),
      education: text(200),
      expertise: text(200),
      yearsOfExperience: z.int().min(0).max(60),
      certificate: z.string().trim().max(200).nullable(),
    }),
  },
  equipment: {
    title: { id: "Peralatan", en: "Equipment" },
    schema: z.strictObject({
      type: text(200),
      quantity: z.int().min(1).max(10_000),
      capacity: z.string().trim().max(100),
      brand: z.string().trim().max(100),
      year: z.int().min(1950).max(2100),
      condition: z.enum(EQUIPMENT_CONDITIONS),
      ownership: z.enum(EQUIPMENT_OWNERSHIPS),
    }),
  },
  experience: {
    title: { id: "Pengalaman", en: "Experience" },
    schema: z.strictObject({
      contractName: text(300),
      client: text(200),
      location: text(200),
      contractNumber: text(100),
      contractDate: isoDate,
      value: MoneySchema,
      completedOn: isoDate.nullable(),
    }),
  },
  "tax-reports": {
    title: { id: "Laporan pajak", en: "Tax reports" },
    schema: z.strictObject({
      type: z.enum(TAX_REPORT_TYPES),
      period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, bilingual("tahun (TTTT) atau bulan (TTTT-BB)", "a year (YYYY) or a month (YYYY-MM)")),
      receiptNumber: text(100),
      date: isoDate,
    }),
  },
} as const satisfies Record<RecordKind, { title: { id: string; en: string }; schema: z.ZodObject }>;

export const RecordMetaSchema = z.object({ id: z.string(), createdAt: z.string(), updatedAt: z.string() });
