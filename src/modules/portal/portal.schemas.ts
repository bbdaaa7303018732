import { z } from "zod";
import { StageKeySchema } from "../settings/settings.schemas.js";
import { CATEGORIES, METHODS, MoneySchema } from "../packages/packages.schemas.js";

export const TenderSearchQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  agencyId: z.uuid().optional(),
  category: z.enum(CATEGORIES).optional(),
  method: z.enum(METHODS).optional(),
  stage: StageKeySchema.optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  minHps: MoneySchema.optional(),
  maxHps: MoneySchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TenderSearchQuery = z.infer<typeof TenderSearchQuerySchema>;

export const PublicTenderSummarySchema = z.object({
  tenderCode: z.string(),
  name: z.string(),
  agencyName: z.string(),
  workUnitName: z.string(),
  category: z.enum(CATEGORIES),
  method: z.enum(METHODS),
  fiscalYear: z.number().int(),
  pagu: z.string(),
  hps: z.string(),
  publishedAt: z.string(),
  /** A stage key, "belum_dimulai" before the first stage or "selesai" after the last. */
  stage: z.string(),
  /** False between two windows: `stage` is the one that opens next. */
  stageOpen: z.boolean(),
});

export const TenderSearchResultSchema = z.object({
  items: z.array(PublicTenderSummarySchema),
  /** How many tenders match; a lower bound when `totalExact` is false (counting stops 1,000 past the page). */
  total: z.number().int(),
  totalExact: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  serverTime: z.string(),
});

export const PublicTenderSchema = PublicTenderSummarySchema.extend({
  rupCode: z.string(),
  fundingSource: z.string(),
  evaluationMethod: z.string(),
  qualification: z.string(),
  contractType: z.string(),
  kbliCodes: z.array(z.string()),
  qualificationRequirements: z.string(),
  /** The bill of quantities bids are priced against; the HPS unit prices stay internal (only the total is public). */
  items: z.array(z.object({ id: z.string(), description: z.string(), unit: z.string(), quantity: z.string() })),
  schedule: z.array(z.object({ stage: StageKeySchema, startsAt: z.string(), endsAt: z.string() })),
  scheduleChanges: z.array(z.object({ changedAt: z.string(), reasonKind: z.string(), reasonText: z.string() })),
  /** Tender ulang: the code of the failed tender this one repeats, and of the published tender that repeats this one. */
  retenderOf: z.string().nullable(),
  retenderedAs: z.string().nullable(),
  next: z.string().nullable(),
  /** When `stage` opens, while it is not open yet. */
  stageOpensAt: z.string().nullable(),
  serverTime: z.string(),
  timeZone: z.enum(["WIB", "WITA", "WIT"]),
}).meta({ id: "PublicTender" });

export const TenderCodeParamsSchema = z.strictObject({ tenderCode: z.string().regex(/^\d{9,12}$/) });
