import { useQuery } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";

const DrillSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  backupName: z.string(),
  backupCreatedAt: z.nullable(z.string()),
  backupAgeSeconds: z.nullable(z.number()),
  restoreSeconds: z.number(),
  verifySeconds: z.number(),
  ok: z.boolean(),
  logSize: z.nullable(z.number()),
  detail: z.string(),
  logIndex: z.number(),
});
export type RestoreDrill = z.infer<typeof DrillSchema>;

/** The restore drills, newest first (read-only; recorded by `openlpse drill`). */
export function useDrills() {
  return useQuery({
    queryKey: ["restore-drills"],
    queryFn: async () => (await api.get("/api/v1/operations/drills", z.object({ items: z.array(DrillSchema) }))).items,
  });
}
