import { z } from "zod";
import { bilingual } from "../../server/validation.js";
import { MoneySchema } from "../packages/packages.schemas.js";
import { CalendarDateSchema } from "../settings/settings.schemas.js";
import { EXPIRY_STATES, LICENCE_TYPES, REGULATION_KINDS, REGULATION_STATUSES } from "./compliance-enums.js";

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const optionalText = (max: number) => text(1, max).nullable().optional();
const optionalDate = CalendarDateSchema.nullable().optional();
const webLink = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/\S+$/, bilingual("tautan harus diawali http:// atau https://", "a link starts with http:// or https://"));

export const RegulationInputSchema = z
  .strictObject({
    title: text(2, 300),
    number: text(1, 100),
    kind: z.enum(REGULATION_KINDS),
    issuedOn: CalendarDateSchema,
    validUntil: optionalDate,
    reviewOn: optionalDate,
    status: z.enum(REGULATION_STATUSES),
    replacedBy: optionalText(200),
    link: webLink.nullable().optional(),
    notes: optionalText(2000),
  })
  .refine((r) => !r.validUntil || r.issuedOn <= r.validUntil, {
    message: bilingual("berlaku sampai tidak boleh sebelum tanggal terbit", "valid until cannot be before the issue date"),
    path: ["validUntil"],
  })
  .refine((r) => (r.status === "replaced") === Boolean(r.replacedBy), {
    message: bilingual("isi peraturan pengganti hanya jika statusnya diganti", "name the replacing regulation when, and only when, the status is replaced"),
    path: ["replacedBy"],
  });
export type RegulationInput = z.infer<typeof RegulationInputSchema>;

export const RegulationParamsSchema = z.strictObject({ regulationId: z.uuid() });

const ExpirySchema = z.object({ state: z.enum(EXPIRY_STATES), daysLeft: z.int().nullable() });

export const RegulationSchema = z.object({
  id: z.string(),
  title: z.string(),
  number: z.string(),
  kind: z.enum(REGULATION_KINDS),
  issuedOn: z.string(),
  validUntil: z.string().nullable(),
  reviewOn: z.string().nullable(),
  status: z.enum(REGULATION_STATUSES),
  replacedBy: z.string().nullable(),
  link: z.string().nullable(),
  notes: z.string().nullable(),
  expiry: ExpirySchema,
  reviewDue: z.boolean().describe("in force and its review date has come"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Regulation = z.infer<typeof RegulationSchema>;

export const RegulationListSchema = z.object({
  items: z.array(RegulationSchema),
  alertDays: z.int(),
  alerts: z.int().describe("regulations in force that expire within alertDays, have expired, or are due for review"),
  today: z.string(),
  can: z.object({ manage: z.boolean() }),
});

export const LicenceInputSchema = z
  .strictObject({
    product: text(2, 200),
    vendor: text(2, 200),
    licenceType: z.enum(LICENCE_TYPES),
    seats: z.int().min(1).max(1_000_000).nullable().optional().describe("null: unlimited"),
    validUntil: optionalDate,
    cost: MoneySchema.nullable().optional().describe("Rupiah, decimal string"),
    notes: optionalText(2000),
  })
  .refine((l) => l.licenceType !== "subscription" || Boolean(l.validUntil), {
    message: bilingual("langganan harus memiliki tanggal berakhir", "a subscription needs an end date"),
    path: ["validUntil"],
  });
export type LicenceInput = z.infer<typeof LicenceInputSchema>;

export const LicenceParamsSchema = z.strictObject({ softwareLicenceId: z.uuid() });
export const InstallationParamsSchema = z.strictObject({ softwareLicenceId: z.uuid(), installationId: z.uuid() });

export const InstallationInputSchema = z.strictObject({
  assetId: z.uuid(),
  installedOn: optionalDate,
  notes: optionalText(500),
});
export type InstallationInput = z.infer<typeof InstallationInputSchema>;

export const InstallationSchema = z.object({
  id: z.string(),
  asset: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  installedOn: z.string().nullable(),
  notes: z.string().nullable(),
});

export const LicenceSchema = z.object({
  id: z.string(),
  product: z.string(),
  vendor: z.string(),
  licenceType: z.enum(LICENCE_TYPES),
  seats: z.int().nullable(),
  seatsUsed: z.int(),
  overUse: z.boolean().describe("more installations than seats owned"),
  validUntil: z.string().nullable(),
  expiry: ExpirySchema,
  cost: z.string().nullable().describe("Rupiah, decimal string"),
  notes: z.string().nullable(),
  installations: z.array(InstallationSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Licence = z.infer<typeof LicenceSchema>;

export const LicenceListSchema = z.object({
  items: z.array(LicenceSchema),
  alertDays: z.int(),
  expiryAlerts: z.int(),
  overUsed: z.int(),
  today: z.string(),
  can: z.object({ manage: z.boolean() }),
});
