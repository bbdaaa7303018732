import { z } from "zod";
import { bilingual } from "../../server/validation.js";
import { CalendarDateSchema } from "../settings/settings.schemas.js";
import { ALL_STANDARD_CODES } from "./catalog/index.js";
import { SUMMARY_FORMAT } from "./peers.summary.js";
import { LKPP_RESULTS } from "./standards.schemas.js";

export const VISIT_DIRECTIONS = ["outgoing", "incoming"] as const;
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

// --- the signed summary (export and import share it) ------------------------
export const SummaryStandardSchema = z.strictObject({
  code: z.enum(ALL_STANDARD_CODES),
  met: z.boolean(),
  lkpp: z.strictObject({ result: z.enum(LKPP_RESULTS), letterNumber: text(3, 100), letterDate: CalendarDateSchema }).nullable(),
});

export const AssessmentSummarySchema = z.strictObject({
  format: z.literal(SUMMARY_FORMAT),
  lpse: z.strictObject({ name: text(3, 200), region: text(2, 200) }),
  period: z.string().regex(/^\d{4}(-[A-Za-z0-9]{1,8})?$/, bilingual("tahun, boleh diikuti penanda seperti 2026-S2", "a year, optionally followed by a tag such as 2026-S2")),
  catalogVersion: z.int().min(1).max(999),
  signedOffAt: z.iso.datetime(),
  metCount: z.int().min(0).max(99),
  standardCount: z.int().min(1).max(99),
  standards: z.array(SummaryStandardSchema).min(1).max(99),
});

export const SignedSummarySchema = z.strictObject({
  summary: AssessmentSummarySchema,
  keyId: z.string().regex(/^[0-9a-f]{64}$/, bilingual("SHA-256 heksadesimal huruf kecil", "lowercase hex SHA-256")),
  publicKey: z.string().min(40).max(60),
  signature: z.string().min(80).max(100),
});

// --- peers, comparison ------------------------------------------------------
export const PeerSummarySchema = z.object({
  id: z.string(),
  period: z.string(),
  catalogVersion: z.number(),
  signedOffAt: z.string(),
  metCount: z.number(),
  standardCount: z.number(),
  source: z.enum(["signed", "recorded"]),
  keyId: z.string().nullable(),
  importedAt: z.string(),
});

export const PeerSchema = z.object({ id: z.string(), name: z.string(), region: z.string(), keyId: z.string().nullable(), summaries: z.array(PeerSummarySchema) });
export const PeerListSchema = z.object({ items: z.array(PeerSchema), mayImport: z.boolean() });
export const ImportedSummarySchema = z.object({ peer: PeerSchema });

export const ComparisonSchema = z.object({
  standards: z.array(z.object({ code: z.string(), number: z.number(), name: z.object({ id: z.string(), en: z.string() }) })),
  lpses: z.array(
    z.object({
      id: z.string(),
      own: z.boolean(),
      name: z.string(),
      region: z.string(),
      period: z.string().nullable(),
      signedOffAt: z.string().nullable(),
      metCount: z.number().nullable(),
      standardCount: z.number(),
      /** Met per standard code; empty when the LPSE has no signed-off result yet. */
      met: z.record(z.string(), z.boolean()),
    }),
  ),
});

// --- study visits -----------------------------------------------------------
export const RecordVisitSchema = z.strictObject({
  peerId: z.uuid(),
  direction: z.enum(VISIT_DIRECTIONS),
  visitedOn: CalendarDateSchema,
  participants: text(3, 1000),
  standards: z.array(z.enum(ALL_STANDARD_CODES)).min(1).max(17),
  notes: z.string().trim().max(4000).default(""),
  actions: z.array(z.strictObject({ description: text(5, 1000), findingId: z.uuid().optional() })).max(20).default([]),
});

export const VisitSchema = z.object({
  id: z.string(),
  direction: z.enum(VISIT_DIRECTIONS),
  peer: z.object({ id: z.string(), name: z.string() }),
  visitedOn: z.string(),
  participants: z.string(),
  standards: z.array(z.string()),
  notes: z.string(),
  actions: z.array(z.object({ id: z.string(), description: z.string(), finding: z.object({ id: z.string(), cycleId: z.string(), number: z.number(), standardCode: z.string(), status: z.string() }).nullable() })),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  recordedAt: z.string(),
});
export const VisitListSchema = z.object({ items: z.array(VisitSchema), mayRecord: z.boolean() });
export type VisitView = z.infer<typeof VisitSchema>;
export type ComparisonView = z.infer<typeof ComparisonSchema>;
