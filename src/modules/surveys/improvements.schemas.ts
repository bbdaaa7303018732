import { z } from "zod";

import { IMPROVEMENT_STATUSES } from "./surveys-enums.js";

export { IMPROVEMENT_STATUSES };
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

export const ImprovementInputSchema = z.strictObject({ title: z.string().trim().min(5).max(200), description: z.string().trim().min(10).max(5000) });
export type ImprovementInput = z.infer<typeof ImprovementInputSchema>;

export const ImprovementStatusInputSchema = z
  .strictObject({ status: z.enum(IMPROVEMENT_STATUSES), response: z.string().trim().max(5000).default("") });
export type ImprovementStatusInput = z.infer<typeof ImprovementStatusInputSchema>;

export const ImprovementParamsSchema = z.strictObject({ requestId: z.uuid() });

export const ImprovementSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    status: z.enum(IMPROVEMENT_STATUSES),
    /** What the requester is told: the plan, the reason for declining, or what was done. */
    response: z.string().nullable(),
    requester: z.object({ id: z.string(), name: z.string(), role: z.string() }),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** The statuses the caller may move it to now. */
    next: z.array(z.enum(IMPROVEMENT_STATUSES)),
  })
  .meta({ id: "Improvement" });
export type Improvement = z.infer<typeof ImprovementSchema>;

export const ImprovementListSchema = z.object({ items: z.array(ImprovementSchema), policies: z.object({ triage: z.boolean() }) });
