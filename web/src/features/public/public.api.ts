import { useQuery } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";
import { TIME_ZONE_CODES } from "../../lib/format";

const PublicLpseSchema = z.object({
  name: z.string(),
  region: z.string(),
  timeZone: z.enum(TIME_ZONE_CODES),
  ianaZone: z.string(),
  serverTime: z.string(),
  setupNeeded: z.boolean(),
});

export type PublicLpse = z.infer<typeof PublicLpseSchema> & {
  /** Server clock minus this browser's clock, in ms: deadlines follow the server, not the device. */
  clockOffsetMs: number;
};

export const publicLpseQueryKey = ["public", "lpse"] as const;

async function fetchPublicLpse(): Promise<PublicLpse> {
  const sentAt = Date.now();
  const data = await api.get("/api/v1/public/lpse", PublicLpseSchema);
  const receivedAt = Date.now();
  // The server read its clock somewhere during the round trip; the midpoint halves the error.
  const localAtServerRead = (sentAt + receivedAt) / 2;
  const serverMs = Date.parse(data.serverTime);
  const clockOffsetMs = Number.isNaN(serverMs) ? 0 : serverMs - localAtServerRead;
  return { ...data, clockOffsetMs };
}

/** Fetched once per visit (the clock ticks locally from the offset); refetched when settings change. */
export function usePublicLpse() {
  return useQuery({ queryKey: publicLpseQueryKey, queryFn: fetchPublicLpse, staleTime: Infinity });
}

const PublicAgencySchema = z.object({ id: z.string(), code: z.string(), name: z.string(), tenderCount: z.number() });

/** The agencies (OPD) for the public search filter; they change rarely. */
export function usePublicAgencies() {
  return useQuery({
    queryKey: ["public", "agencies"],
    queryFn: async () => (await api.get("/api/v1/public/agencies", z.object({ items: z.array(PublicAgencySchema) }))).items,
    staleTime: 5 * 60_000,
  });
}
