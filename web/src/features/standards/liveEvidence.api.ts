import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";

/* Live evidence: readings the platform computes itself, attached to criteria as dated snapshots. */

const Bilingual = z.object({ id: z.string(), en: z.string() });

const ReadingSchema = z.object({
  key: z.string(),
  criteria: z.array(z.string()),
  name: Bilingual,
  threshold: Bilingual,
  freshnessDays: z.number(),
  value: z.string(),
  passes: z.boolean(),
  dataTime: z.string(),
  summary: Bilingual,
});
export type LiveReading = z.infer<typeof ReadingSchema>;

const SourceListSchema = z.object({ readAt: z.string(), items: z.array(ReadingSchema) });

const CriterionLiveSchema = z.object({
  criterionCode: z.string(),
  readAt: z.string(),
  sources: z.array(ReadingSchema),
  snapshots: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      value: z.string(),
      passes: z.boolean(),
      dataTime: z.string(),
      summary: Bilingual,
      stale: z.boolean(),
      takenBy: z.object({ id: z.string(), name: z.string() }),
      takenAt: z.string(),
    }),
  ),
  needsReview: z.boolean(),
  reasons: z.array(Bilingual),
  mayAttach: z.boolean(),
});
export type CriterionLive = z.infer<typeof CriterionLiveSchema>;

const CycleReviewSchema = z.object({ items: z.array(z.object({ criterionCode: z.string(), needsReview: z.boolean(), reasons: z.array(Bilingual) })) });

const cyclePath = (id: string) => `/api/v1/standards/cycles/${encodeURIComponent(id)}`;
const liveKey = (cycleId: string) => ["standards", "live", cycleId] as const;

/** Every source with the criteria it proves (read once per page). */
export function useLiveSources() {
  return useQuery({ queryKey: ["standards", "live-sources"], queryFn: () => api.get("/api/v1/standards/live-evidence", SourceListSchema), staleTime: 60_000 });
}

/** A criterion's live evidence; `statusKey` refetches it when the criterion's status changes. */
export function useCriterionLive(cycleId: string, criterionCode: string, statusKey: string) {
  return useQuery({ queryKey: [...liveKey(cycleId), criterionCode, statusKey], queryFn: () => api.get(`${cyclePath(cycleId)}/criteria/${criterionCode}/live`, CriterionLiveSchema) });
}

/** The criteria of a cycle that need review; `statusKey` refetches it when statuses change. */
export function useCycleReview(cycleId: string, statusKey: string) {
  return useQuery({ queryKey: [...liveKey(cycleId), "review", statusKey], queryFn: async () => (await api.get(`${cyclePath(cycleId)}/live`, CycleReviewSchema)).items });
}

export function useAttachSnapshot(cycleId: string, criterionCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (source: string) => api.post(`${cyclePath(cycleId)}/criteria/${criterionCode}/live-snapshot`, CriterionLiveSchema, { source }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: liveKey(cycleId) }),
  });
}
