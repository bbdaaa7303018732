import { z } from "zod";
import { bilingual } from "../../server/validation.js";
import { parseQuantity, parseRupiah } from "../packages/money.js";
import { CalendarDateSchema } from "../settings/settings.schemas.js";
import { COST_COMPONENTS, SLA_DIRECTIONS, SUPPLIER_SERVICES } from "./budget-suppliers-enums.js";

export { COST_COMPONENTS, SLA_DIRECTIONS, SUPPLIER_SERVICES };

const text = (max: number) => z.string().trim().min(2).max(max);

/** A Rupiah amount above zero as a decimal string ("150000000", "1250.50"), like the package pagu. */
export const PositiveMoneySchema = z.string().refine((v) => (parseRupiah(v) ?? 0n) > 0n, {
  message: bilingual("jumlah Rupiah harus lebih dari 0 (angka, paling banyak 2 desimal, mis. 150000000 atau 1250.50)", "a Rupiah amount above 0 (digits, at most 2 decimals, e.g. 150000000 or 1250.50)"),
});
/** An SLA value as a decimal string ("99.5", "4"); at most three decimals, exact. */
export const SlaValueSchema = z.string().refine((v) => parseQuantity(v) !== null, {
  message: bilingual("nilai berupa angka tidak negatif, paling banyak 3 desimal (mis. 99.5)", "a non-negative number with at most 3 decimals (e.g. 99.5)"),
});
export const FiscalYearSchema = z.coerce.number().int().min(2000).max(2100);

// ---- budget (standard 13)

export const YearParamsSchema = z.strictObject({ year: FiscalYearSchema });
export const LineParamsSchema = z.strictObject({ lineId: z.uuid() });

export const BudgetLineInputSchema = z.strictObject({
  year: z.int().min(2000).max(2100),
  component: z.enum(COST_COMPONENTS),
  description: text(500),
  planned: PositiveMoneySchema,
  assetId: z.uuid().nullable(),
});
export type BudgetLineInput = z.infer<typeof BudgetLineInputSchema>;

export const RealisationInputSchema = z.strictObject({
  realisedOn: CalendarDateSchema,
  amount: PositiveMoneySchema,
  description: text(500),
  reference: z.string().trim().max(200),
});
export type RealisationInput = z.infer<typeof RealisationInputSchema>;

export const RealisationSchema = z.object({ id: z.string(), realisedOn: z.string(), amount: z.string(), description: z.string(), reference: z.string() });
export const BudgetLineSchema = z
  .object({
    id: z.string(),
    year: z.number(),
    component: z.enum(COST_COMPONENTS),
    category: z.enum(["operating", "capital"]),
    description: z.string(),
    planned: z.string(),
    realised: z.string(),
    remaining: z.string(),
    /** Realised ÷ planned in percent, one decimal. */
    realisedPercent: z.number(),
    asset: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
    realisations: z.array(RealisationSchema),
    yearClosed: z.boolean(),
  })
  .meta({ id: "BudgetLine" });
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

const Totals = z.object({ planned: z.string(), realised: z.string(), realisedPercent: z.number() });
export const BudgetYearSchema = z
  .object({
    year: z.number(),
    closed: z.boolean(),
    closedAt: z.string().nullable(),
    lines: z.array(BudgetLineSchema),
    byComponent: z.array(Totals.extend({ component: z.enum(COST_COMPONENTS), category: z.enum(["operating", "capital"]) })),
    byCategory: z.object({ operating: Totals, capital: Totals }),
    total: Totals,
    can: z.object({ manage: z.boolean() }),
  })
  .meta({ id: "BudgetYear" });
export type BudgetYear = z.infer<typeof BudgetYearSchema>;
export const BudgetYearListSchema = z.object({
  items: z.array(z.object({ year: z.number(), closed: z.boolean(), total: Totals })),
  can: z.object({ manage: z.boolean() }),
});

// ---- suppliers (standard 14)

export const SupplierParamsSchema = z.strictObject({ supplierId: z.uuid() });

export const SlaTargetInputSchema = z.strictObject({ metric: text(200), target: SlaValueSchema, unit: z.string().trim().min(1).max(30), direction: z.enum(SLA_DIRECTIONS) });
export type SlaTargetInput = z.infer<typeof SlaTargetInputSchema>;

export const SupplierInputSchema = z
  .strictObject({
    name: text(200),
    service: z.enum(SUPPLIER_SERVICES),
    contractNumber: text(200),
    contractStartsOn: CalendarDateSchema,
    contractEndsOn: CalendarDateSchema,
    contact: text(500),
    assetIds: z
      .array(z.uuid())
      .max(50)
      .refine((ids) => new Set(ids).size === ids.length, { message: bilingual("aset tidak boleh berulang", "assets must not repeat") }),
    targets: z.array(SlaTargetInputSchema).max(20),
  })
  .refine((s) => s.contractEndsOn >= s.contractStartsOn, { message: bilingual("akhir kontrak tidak boleh sebelum mulai", "the contract must not end before it starts"), path: ["contractEndsOn"] });
export type SupplierInput = z.infer<typeof SupplierInputSchema>;

export const SupplierReviewInputSchema = z
  .strictObject({
    periodFrom: CalendarDateSchema,
    periodTo: CalendarDateSchema,
    rating: z.int().min(1).max(5),
    notes: z.string().trim().max(2000),
    measurements: z
      .array(z.strictObject({ targetId: z.uuid(), measured: SlaValueSchema }))
      .min(1)
      .max(20)
      .refine((m) => new Set(m.map((x) => x.targetId)).size === m.length, { message: bilingual("target tidak boleh berulang", "targets must not repeat") }),
  })
  .refine((r) => r.periodTo >= r.periodFrom, { message: bilingual("akhir periode tidak boleh sebelum awal", "the period must not end before it starts"), path: ["periodTo"] });
export type SupplierReviewInput = z.infer<typeof SupplierReviewInputSchema>;

export const SlaTargetSchema = z.object({ id: z.string(), metric: z.string(), target: z.string(), unit: z.string(), direction: z.enum(SLA_DIRECTIONS) });
export const SupplierReviewSchema = z.object({
  id: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  rating: z.number(),
  notes: z.string(),
  reviewer: z.object({ id: z.string(), name: z.string() }),
  measurements: z.array(z.object({ targetId: z.string(), metric: z.string(), target: z.string(), unit: z.string(), measured: z.string(), met: z.boolean() })),
  allMet: z.boolean(),
});
export const SupplierSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    service: z.enum(SUPPLIER_SERVICES),
    contractNumber: z.string(),
    contractStartsOn: z.string(),
    contractEndsOn: z.string(),
    contact: z.string(),
    assets: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
    contract: z.object({ state: z.enum(["ok", "expiring", "expired"]), daysLeft: z.number() }),
    targets: z.array(SlaTargetSchema),
    reviews: z.array(SupplierReviewSchema),
    can: z.object({ manage: z.boolean() }),
  })
  .meta({ id: "Supplier" });
export type Supplier = z.infer<typeof SupplierSchema>;
export const SupplierListSchema = z.object({ items: z.array(SupplierSchema), alertDays: z.number(), alerts: z.number(), today: z.string(), can: z.object({ manage: z.boolean() }) });
