import { z } from "zod";
import { ALL_CRITERION_CODES } from "./catalog/index.js";

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** Publishing a template: the file is the raw body; what it is comes in the query. */
export const PublishTemplateQuerySchema = z.strictObject({
  title: text(3, 200),
  criterionCode: z.enum(ALL_CRITERION_CODES),
  name: text(1, 200),
  description: z.string().trim().max(1000).default(""),
  /** Set when recording a template a peer LPSE published; absent for this LPSE's own. */
  peerId: z.uuid().optional(),
});

export const TemplateParamsSchema = z.strictObject({ templateId: z.uuid() });
export const CopyTemplateSchema = z.strictObject({ cycleId: z.uuid() });

export const TemplateSchema = z.object({
  id: z.string(),
  publisher: z.object({ own: z.boolean(), peerId: z.string().nullable(), name: z.string() }),
  title: z.string(),
  standardCode: z.string(),
  criterionCode: z.string(),
  description: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  publishedAt: z.string(),
});
export const TemplateListSchema = z.object({ items: z.array(TemplateSchema), mayPublish: z.boolean() });
export const CopiedTemplateSchema = z.object({ template: TemplateSchema, cycleId: z.string(), evidenceId: z.string() });
export type TemplateView = z.infer<typeof TemplateSchema>;
