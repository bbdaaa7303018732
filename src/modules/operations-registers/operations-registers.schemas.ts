import { z } from "zod";
import { CalendarDateSchema } from "../settings/settings.schemas.js";
import { bilingual } from "../../server/validation.js";

import { ACCESS_LEVELS, BREACHES, REMEDIATION_STATUSES, SEVERITIES } from "./operations-registers-enums.js";

export { ACCESS_LEVELS, BREACHES, REMEDIATION_STATUSES, SEVERITIES };

const text = (max: number) => z.string().trim().min(2).max(max);

// ---- capacity (standard 7)

export const SamplesQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).optional() });
export const CapacitySampleSchema = z
  .object({
    id: z.string(),
    takenAt: z.string(),
    loadPercent: z.number(),
    cpuCount: z.number(),
    processRssBytes: z.number(),
    systemMemoryTotalBytes: z.number(),
    memoryUsedPercent: z.number(),
    diskTotalBytes: z.number(),
    diskFreeBytes: z.number(),
    diskFreePercent: z.number(),
    databaseBytes: z.number(),
    activeSessions: z.number(),
    activeUsers: z.number(),
    uploadBytes: z.number(),
    bidsNearDeadline: z.number(),
    breaches: z.array(z.enum(BREACHES)),
  })
  .meta({ id: "CapacitySample" });
export type CapacitySample = z.infer<typeof CapacitySampleSchema>;
export const SampleListSchema = z.object({ items: z.array(CapacitySampleSchema) });

export const CapacityReportQuerySchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingual("bulan berformat YYYY-MM", "month as YYYY-MM")),
});
const Figure = z.object({ peak: z.number().nullable(), p95: z.number().nullable() });
export const CapacityReportSchema = z
  .object({
    month: z.string(),
    samples: z.number(),
    figures: z.object({
      loadPercent: Figure,
      memoryUsedPercent: Figure,
      processRssBytes: Figure,
      databaseBytes: Figure,
      activeSessions: Figure,
      activeUsers: Figure,
      uploadBytes: Figure,
      bidsNearDeadline: Figure,
    }),
    /** Lowest free space: the figure that matters for the disk is the trough, not the peak. */
    diskFreePercentLowest: z.number().nullable(),
    uploadBytesTotal: z.number(),
    breaches: z.object({ disk_free: z.number(), memory: z.number(), cpu_load: z.number() }),
    breachedSamples: z.array(CapacitySampleSchema),
    databaseGrowth: z.object({ firstBytes: z.number().nullable(), lastBytes: z.number().nullable(), growthBytes: z.number().nullable(), growthPercent: z.number().nullable() }),
    thresholds: z.object({ diskFreeMinPercent: z.number(), memoryMaxPercent: z.number(), cpuLoadMaxPercent: z.number() }),
  })
  .meta({ id: "CapacityReport" });
export type CapacityReport = z.infer<typeof CapacityReportSchema>;

// ---- server access (standard 10)

export const AccessGrantInputSchema = z
  .strictObject({
    person: text(200),
    system: text(200),
    level: z.enum(ACCESS_LEVELS),
    reason: z.string().trim().min(5).max(1000),
    grantedBy: text(200),
    startsOn: CalendarDateSchema,
    expiresOn: CalendarDateSchema.nullable(),
  })
  .refine((g) => g.expiresOn === null || g.expiresOn >= g.startsOn, { message: bilingual("berakhir tidak boleh sebelum mulai", "expiry must not be before the start"), path: ["expiresOn"] });
export type AccessGrantInput = z.infer<typeof AccessGrantInputSchema>;

export const GrantParamsSchema = z.strictObject({ grantId: z.uuid() });
export const RevokeInputSchema = z.strictObject({ revokedOn: CalendarDateSchema, reason: z.string().trim().min(5).max(1000) });
export type RevokeInput = z.infer<typeof RevokeInputSchema>;

export const AccessGrantSchema = z
  .object({
    id: z.string(),
    person: z.string(),
    system: z.string(),
    level: z.enum(ACCESS_LEVELS),
    reason: z.string(),
    grantedBy: z.string(),
    startsOn: z.string(),
    expiresOn: z.string().nullable(),
    revokedOn: z.string().nullable(),
    revokedReason: z.string().nullable(),
    lastReviewedOn: z.string().nullable(),
    status: z.enum(["scheduled", "active", "expired", "revoked"]),
    reviewDueOn: z.string().nullable(),
    reviewOverdue: z.boolean(),
  })
  .meta({ id: "AccessGrant" });
export type AccessGrant = z.infer<typeof AccessGrantSchema>;
export const AccessGrantListSchema = z.object({ items: z.array(AccessGrantSchema), reviewDays: z.number(), today: z.string() });

export const AccessReviewInputSchema = z.strictObject({
  reviewedOn: CalendarDateSchema,
  notes: z.string().trim().max(2000),
  decisions: z
    .array(z.strictObject({ grantId: z.uuid(), decision: z.enum(["keep", "revoke"]), note: z.string().trim().max(1000) }))
    .min(1)
    .max(500)
    .refine((d) => new Set(d.map((x) => x.grantId)).size === d.length, { message: bilingual("hak akses tidak boleh berulang", "grants must not repeat") }),
});
export type AccessReviewInput = z.infer<typeof AccessReviewInputSchema>;
export const AccessReviewSchema = z
  .object({
    id: z.string(),
    reviewedOn: z.string(),
    reviewer: z.object({ id: z.string(), name: z.string() }),
    notes: z.string(),
    decisions: z.array(z.object({ grantId: z.string(), person: z.string(), system: z.string(), decision: z.enum(["keep", "revoke"]), note: z.string() })),
  })
  .meta({ id: "AccessReview" });
export const AccessReviewListSchema = z.object({ items: z.array(AccessReviewSchema) });

// ---- patches and vulnerability scans (standard 11)

export const PatchInputSchema = z.strictObject({
  system: text(200),
  patchId: text(200),
  appliedOn: CalendarDateSchema,
  appliedBy: text(200),
  relatedChange: z.string().trim().min(1).max(200).nullable(),
  notes: z.string().trim().max(2000),
});
export type PatchInput = z.infer<typeof PatchInputSchema>;
export const PatchSchema = z
  .object({ id: z.string(), system: z.string(), patchId: z.string(), appliedOn: z.string(), appliedBy: z.string(), relatedChange: z.string().nullable(), notes: z.string() })
  .meta({ id: "PatchRecord" });
export const PatchListSchema = z.object({ items: z.array(PatchSchema) });

export const ScanInputSchema = z.strictObject({
  scannedOn: CalendarDateSchema,
  tool: text(200),
  scope: text(1000),
  findings: z.array(z.strictObject({ title: text(500), severity: z.enum(SEVERITIES), dueOn: CalendarDateSchema })).max(500),
});
export type ScanInput = z.infer<typeof ScanInputSchema>;
export const ScanParamsSchema = z.strictObject({ scanId: z.uuid() });
export const FindingParamsSchema = z.strictObject({ scanId: z.uuid(), findingId: z.uuid() });
export const FindingStatusInputSchema = z.strictObject({ status: z.enum(REMEDIATION_STATUSES), note: z.string().trim().max(1000) });
export type FindingStatusInput = z.infer<typeof FindingStatusInputSchema>;

export const FindingSchema = z.object({
  id: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  dueOn: z.string(),
  status: z.enum(REMEDIATION_STATUSES),
  resolutionNote: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  overdue: z.boolean(),
});
const SeverityCounts = z.object({ critical: z.number(), high: z.number(), medium: z.number(), low: z.number() });
export const ScanSummarySchema = z
  .object({ id: z.string(), scannedOn: z.string(), tool: z.string(), scope: z.string(), findingsBySeverity: SeverityCounts, openFindings: z.number(), overdueFindings: z.number() })
  .meta({ id: "VulnerabilityScanSummary" });
export const ScanSchema = ScanSummarySchema.extend({ findings: z.array(FindingSchema) }).meta({ id: "VulnerabilityScan" });
export const ScanListSchema = z.object({ items: z.array(ScanSummarySchema) });
