import { z } from "zod";
import { bilingual } from "../../server/validation.js";
import { isKbliCode, normalizeNib, normalizeNpwp } from "./identifiers.js";

/** Business forms a vendor registers under (SPSE's list). */
export const BUSINESS_FORMS = ["PT", "CV", "Firma", "Koperasi", "Perorangan", "Persekutuan Perdata", "Yayasan", "BUMN", "BUMD", "Lainnya"] as const;
/** Business licences: NIB (OSS), trade and construction licences, SBU (construction business certificate). */
export const LICENCE_KINDS = ["NIB", "SIUP", "IUJK", "SBU", "SIUJK", "Lainnya"] as const;
export const VENDOR_STATUSES = ["draft", "submitted", "verified", "rejected"] as const;
export type VendorStatus = (typeof VENDOR_STATUSES)[number];

export const NpwpSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const digits = normalizeNpwp(value);
    if (!digits) {
      ctx.addIssue({
        code: "custom",
        message: bilingual("NPWP harus 15 digit (99.999.999.9-999.999) atau 16 digit (berbasis NIK)", "NPWP must have 15 digits (99.999.999.9-999.999) or 16 digits (NIK-based)"),
      });
      return z.NEVER;
    }
    return digits;
  });

export const NibSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const digits = normalizeNib(value);
    if (!digits) {
      ctx.addIssue({ code: "custom", message: bilingual("NIB harus 13 digit", "NIB must have 13 digits") });
      return z.NEVER;
    }
    return digits;
  });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bilingual("harus berformat TTTT-BB-HH", "must be YYYY-MM-DD"));

export const StartRegistrationSchema = z.strictObject({ email: z.email().max(254) });

export const CompleteRegistrationSchema = z.strictObject({
  token: z.string().min(20).max(100),
  company: z.strictObject({
    name: z.string().trim().min(3).max(200),
    businessForm: z.enum(BUSINESS_FORMS),
    npwp: NpwpSchema,
  }),
  user: z.strictObject({
    name: z.string().trim().min(3).max(200),
    password: z.string().max(256),
  }),
});

export const VendorProfileInputSchema = z.strictObject({
  name: z.string().trim().min(3).max(200),
  businessForm: z.enum(BUSINESS_FORMS),
  npwp: NpwpSchema,
  nib: NibSchema.nullable(),
  pkp: z.boolean(),
  address: z.strictObject({
    street: z.string().trim().min(5).max(300),
    city: z.string().trim().min(3).max(100),
    province: z.string().trim().min(3).max(100),
    postalCode: z.string().regex(/^\d{5}$/, bilingual("kode pos 5 digit", "a 5-digit postal code")),
  }),
  phone: z.string().trim().regex(/^\+?[\d\s()-]{8,20}$/, bilingual("nomor telepon tidak valid", "not a valid phone number")),
  contactEmail: z.email().max(254),
  website: z.url({ protocol: /^https?$/, message: bilingual("alamat situs web http(s)", "an http(s) web address") }).max(300).nullable(),
});
export type VendorProfileInput = z.infer<typeof VendorProfileInputSchema>;

export const LicenceInputSchema = z
  .strictObject({
    kind: z.enum(LICENCE_KINDS),
    number: z.string().trim().min(3).max(100),
    issuer: z.string().trim().min(3).max(200),
    kbliCodes: z.array(z.string().refine(isKbliCode, { message: bilingual("kode KBLI terdiri dari 5 digit", "a KBLI code has 5 digits") })).min(1).max(50),
    validFrom: isoDate,
    validUntil: isoDate.nullable(),
  })
  .refine((l) => l.validUntil === null || l.validUntil > l.validFrom, {
    message: bilingual("berlaku sampai harus setelah berlaku mulai", "valid until must be after valid from"),
    path: ["validUntil"],
  });
export type LicenceInput = z.infer<typeof LicenceInputSchema>;

export const LicenceSchema = z.object({
  id: z.string(),
  kind: z.enum(LICENCE_KINDS),
  number: z.string(),
  issuer: z.string(),
  kbliCodes: z.array(z.string()),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  expired: z.boolean(),
});

export const VendorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    businessForm: z.enum(BUSINESS_FORMS),
    npwp: z.string(),
    npwpFormatted: z.string(),
    nib: z.string().nullable(),
    pkp: z.boolean().nullable(),
    address: z.object({ street: z.string(), city: z.string(), province: z.string(), postalCode: z.string() }).nullable(),
    phone: z.string().nullable(),
    contactEmail: z.string().nullable(),
    website: z.string().nullable(),
    status: z.enum(VENDOR_STATUSES),
    submittedAt: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    rejectionReason: z.string().nullable(),
    licences: z.array(LicenceSchema),
  })
  .meta({ id: "Vendor" });
export type VendorView = z.infer<typeof VendorSchema>;

export const VerificationDecisionSchema = z.strictObject({
  decision: z.enum(["approve", "reject"]),
  mode: z.enum(["in_person", "video_call"]),
  reason: z.string().trim().min(5).max(2000),
});

export const VerificationRecordSchema = z.object({
  id: z.string(),
  decision: z.enum(["approved", "rejected"]),
  mode: z.enum(["in_person", "video_call"]),
  reason: z.string(),
  verifierName: z.string(),
  createdAt: z.string(),
});

export const VendorChangeSchema = z.object({ index: z.number().int(), time: z.string(), type: z.string(), actorId: z.string().nullable(), changes: z.unknown() });

export const VendorParamsSchema = z.strictObject({ vendorId: z.uuid() });
export const QueueItemSchema = z.object({ id: z.string(), name: z.string(), businessForm: z.string(), npwpFormatted: z.string(), status: z.enum(VENDOR_STATUSES), submittedAt: z.string().nullable(), verifiedAt: z.string().nullable(), changesSinceVerification: z.number().int() });
export const QueueQuerySchema = z.strictObject({ status: z.enum(VENDOR_STATUSES).default("submitted") });
export const VerifiedVendorSchema = z.object({ id: z.string(), name: z.string(), npwpFormatted: z.string() }).meta({ id: "VerifiedVendor" });
