import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";

export const AGENCY_KINDS = ["dinas", "badan", "kantor", "sekretariat", "kecamatan", "rsud", "lainnya"] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

const AgencySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  active: z.boolean(),
  workUnitCount: z.number(),
});
export type Agency = z.infer<typeof AgencySchema>;

const WorkUnitSchema = z.object({ id: z.string(), agencyId: z.string(), code: z.string(), name: z.string() });
export type WorkUnit = z.infer<typeof WorkUnitSchema>;

export const agenciesQueryKey = ["agencies"] as const;
const workUnitsKey = (agencyId: string) => ["agencies", agencyId, "work-units"] as const;

export function useAgencies(enabled = true) {
  return useQuery({
    queryKey: agenciesQueryKey,
    queryFn: async () => (await api.get("/api/v1/agencies", z.object({ items: z.array(AgencySchema) }))).items,
    enabled,
  });
}

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; name: string; kind: AgencyKind }) => api.post("/api/v1/agencies", AgencySchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agenciesQueryKey }),
  });
}

export function useUpdateAgency(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name?: string; kind?: AgencyKind; active?: boolean }) =>
      api.patch(`/api/v1/agencies/${encodeURIComponent(agencyId)}`, AgencySchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agenciesQueryKey }),
  });
}

export function useWorkUnits(agencyId: string) {
  return useQuery({
    queryKey: workUnitsKey(agencyId),
    queryFn: async () =>
      (await api.get(`/api/v1/agencies/${encodeURIComponent(agencyId)}/work-units`, z.object({ items: z.array(WorkUnitSchema) }))).items,
  });
}

export function useCreateWorkUnit(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; name: string }) =>
      api.post(`/api/v1/agencies/${encodeURIComponent(agencyId)}/work-units`, WorkUnitSchema, input),
    // The agency list shows the number of work units.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agenciesQueryKey }),
  });
}
