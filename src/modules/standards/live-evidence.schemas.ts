import { z } from "zod";
import { LIVE_SOURCE_KEYS } from "./live-evidence.js";

const bilingual = z.object({ id: z.string(), en: z.string() });

/** A source's current reading from the platform. */
export const LiveReadingSchema = z.object({
  key: z.string(),
  criteria: z.array(z.string()),
  name: bilingual,
  threshold: bilingual,
  freshnessDays: z.number().int(),
  value: z.string(),
  passes: z.boolean(),
  dataTime: z.string(),
  summary: bilingual,
});

export const LiveSourceListSchema = z.object({ readAt: z.string(), items: z.array(LiveReadingSchema) });

export const CriterionReviewSchema = z.object({ criterionCode: z.string(), needsReview: z.boolean(), reasons: z.array(bilingual) });

/** Per criterion with live evidence attached: whether it needs review. */
export const CycleReviewSchema = z.object({ items: z.array(CriterionReviewSchema) });

export const LiveSnapshotSchema = z.object({
  id: z.string(),
  source: z.string(),
  value: z.string(),
  passes: z.boolean(),
  dataTime: z.string(),
  summary: bilingual,
  stale: z.boolean(),
  takenBy: z.object({ id: z.string(), name: z.string() }),
  takenAt: z.string(),
});

/** A criterion's live evidence: the sources' readings now, the snapshots attached, and its review state. */
export const CriterionLiveSchema = z.object({
  criterionCode: z.string(),
  readAt: z.string(),
  sources: z.array(LiveReadingSchema),
  snapshots: z.array(LiveSnapshotSchema),
  needsReview: z.boolean(),
  reasons: z.array(bilingual),
  mayAttach: z.boolean(),
});

export const AttachSnapshotSchema = z.strictObject({ source: z.enum(LIVE_SOURCE_KEYS) });

export type CriterionLive = z.infer<typeof CriterionLiveSchema>;
export type LiveReadingView = z.infer<typeof LiveReadingSchema>;
