import { z } from "zod";

export const DrillSchema = z
  .object({
    id: z.string(),
    startedAt: z.string(),
    backupName: z.string(),
    backupCreatedAt: z.string().nullable(),
    backupAgeSeconds: z.number().int().nullable(),
    restoreSeconds: z.number(),
    verifySeconds: z.number(),
    ok: z.boolean(),
    logSize: z.number().int().nullable(),
    detail: z.string(),
    logIndex: z.number().int(),
  })
  .meta({ id: "RestoreDrill" });
export type Drill = z.infer<typeof DrillSchema>;

export const DrillListSchema = z.object({ items: z.array(DrillSchema) });
export const DrillQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });
