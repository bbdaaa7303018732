import { z } from "zod";
import { bilingual } from "../../server/validation.js";
import { isKbliCode } from "../vendors/identifiers.js";
import { parseQuantity, parseRupiah } from "./money.js";

import { CATEGORIES, CONTRACT_TYPES, EVALUATION_METHODS, FUNDING_SOURCES, METHODS, QUALIFICATIONS, SCORED_EVALUATION_METHODS, WEIGHTED_EVALUATION_METHODS } from "./package-enums.js";

export { CATEGORIES, CONTRACT_TYPES, EVALUATION_METHODS, FUNDING_SOURCES, METHODS, QUALIFICATIONS, SCORED_EVALUATION_METHODS, WEIGHTED_EVALUATION_METHODS };

export type Category = (typeof CATEGORIES)[number];
export type Method = (typeof METHODS)[number];
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];

/** A Rupiah amount as a decimal string ("150000000", "1250.50"); exact, at most two decimals. */
export const MoneySchema = z.string().refine((v) => parseRupiah(v) !== null, {
  message: bilingual("jumlah Rupiah tidak valid (angka, paling banyak 2 desimal, mis. 150000000 atau 1250.50)", "not a valid Rupiah amount (digits, at most 2 decimals, e.g. 150000000 or 1250.50)"),
});

export const QuantitySchema = z.string().refine((v) => (parseQuantity(v) ?? 0n) > 0n, {
  message: bilingual("volume harus lebih dari 0, paling banyak 3 desimal", "quantity must be above 0, at most 3 decimals"),
});

export const HpsItemInputSchema = z.strictObject({
  description: z.string().trim().min(2).max(500),
  unit: z.string().trim().min(1).max(30),
  quantity: QuantitySchema,
  unitPrice: MoneySchema,
});

export const PackageInputSchema = z.strictObject({
  rupCode: z.string().trim().regex(/^\d{5,12}$/, bilingual("kode RUP terdiri dari 5-12 digit", "a RUP code has 5-12 digits")),
  name: z.string().trim().min(5).max(500),
  workUnitId: z.uuid(),
  fiscalYear: z.int().min(2000).max(2100),
  fundingSource: z.enum(FUNDING_SOURCES),
  pagu: MoneySchema,
  category: z.enum(CATEGORIES),
  method: z.enum(METHODS),
  evaluationMethod: z.enum(EVALUATION_METHODS),
  /** Percent given to the technical score under sistem nilai and kualitas dan biaya; price gets the rest. */
  technicalWeight: z.int().min(1).max(99).optional(),
  qualification: z.enum(QUALIFICATIONS),
  contractType: z.enum(CONTRACT_TYPES),
  kbliCodes: z.array(z.string().refine(isKbliCode, { message: bilingual("kode KBLI terdiri dari 5 digit", "a KBLI code has 5 digits") })).max(20),
  qualificationRequirements: z.string().trim().max(5000),
  hpsItems: z.array(HpsItemInputSchema).min(1).max(500),
});
export type PackageInput = z.infer<typeof PackageInputSchema>;

export const HpsItemSchema = z.object({
  position: z.number().int(),
  description: z.string(),
  unit: z.string(),
  quantity: z.string(),
  unitPrice: z.string(),
  total: z.string(),
});

export const AssignmentInputSchema = z.strictObject({
  kind: z.enum(["pokja", "pejabat_pengadaan"]),
  memberIds: z.array(z.uuid()).min(1).max(15),
  decreeNumber: z.string().trim().min(3).max(100),
});
export type AssignmentInput = z.infer<typeof AssignmentInputSchema>;

export const AssignmentSchema = z.object({
  kind: z.enum(["pokja", "pejabat_pengadaan"]),
  decreeNumber: z.string(),
  assignedAt: z.string(),
  members: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const PackageSchema = z
  .object({
    id: z.string(),
    rupCode: z.string(),
    name: z.string(),
    agencyId: z.string(),
    agencyName: z.string(),
    workUnitId: z.string(),
    workUnitName: z.string(),
    ppkId: z.string(),
    fiscalYear: z.number().int(),
    fundingSource: z.string(),
    pagu: z.string().describe("Rupiah, decimal string"),
    hps: z.string().describe("Rupiah, decimal string: the sum of the HPS items"),
    category: z.enum(CATEGORIES),
    method: z.enum(METHODS),
    evaluationMethod: z.enum(EVALUATION_METHODS),
    technicalWeight: z.number().int().nullable().describe("Percent for the technical score (sistem nilai, kualitas dan biaya); price gets the rest"),
    qualification: z.enum(QUALIFICATIONS),
    contractType: z.enum(CONTRACT_TYPES),
    kbliCodes: z.array(z.string()),
    qualificationRequirements: z.string(),
    status: z.enum(["draft", "published"]),
    tenderCode: z.string().nullable(),
    retenderOf: z.object({ packageId: z.string(), tenderCode: z.string().nullable() }).nullable().describe("The failed tender this package re-tenders (tender ulang)"),
    publishedAt: z.string().nullable(),
    hpsSetAt: z.string(),
    hpsItems: z.array(HpsItemSchema),
    assignment: AssignmentSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Package" });
export type PackageView = z.infer<typeof PackageSchema>;

export const PackageSummarySchema = PackageSchema.omit({ hpsItems: true, qualificationRequirements: true, assignment: true });
export const PackageListSchema = z.object({ items: z.array(PackageSummarySchema) });
export const PackageListQuerySchema = z.strictObject({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() });
export const PackageParamsSchema = z.strictObject({ packageId: z.uuid() });
