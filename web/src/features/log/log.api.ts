import { useQuery } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api, isApiError } from "../../lib/api";

const TreeHeadSchema = z.object({
  treeSize: z.number(),
  rootHash: z.string(),
  timestamp: z.string(),
  keyId: z.string(),
  signature: z.string(),
});
export type TreeHead = z.infer<typeof TreeHeadSchema>;

/** The latest signed tree head, or null before the first one is published (a 404 problem). */
export function useTreeHead() {
  return useQuery({
    queryKey: ["log", "head"],
    queryFn: async (): Promise<TreeHead | null> => {
      try {
        return await api.get("/api/v1/log/head", TreeHeadSchema);
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    // Heads are published at most once a minute.
    refetchInterval: 60_000,
  });
}
