import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { COST_COMPONENTS, SLA_DIRECTIONS, SUPPLIER_SERVICES } from "../../../../src/modules/budget-suppliers/budget-suppliers-enums.js";
import { api } from "../../lib/api";

export { COST_COMPONENTS, SLA_DIRECTIONS, SUPPLIER_SERVICES };

const Totals = { planned: z.string(), realised: z.string(), realisedPercent: z.number() };
const LineSchema = z.object({
  id: z.string(),
  year: z.number(),
  component: z.enum(COST_COMPONENTS),
  category: z.enum(["operating", "capital"]),
  description: z.string(),
  ...Totals,
  remaining: z.string(),
  asset: z.nullable(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  realisations: z.array(z.object({ id: z.string(), realisedOn: z.string(), amount: z.string(), description: z.string(), reference: z.string() })),
  yearClosed: z.boolean(),
});
export type BudgetLine = z.infer<typeof LineSchema>;
const YearSchema = z.object({
  year: z.number(),
  closed: z.boolean(),
  closedAt: z.nullable(z.string()),
  lines: z.array(LineSchema),
  byComponent: z.array(z.object({ component: z.enum(COST_COMPONENTS), category: z.enum(["operating", "capital"]), ...Totals })),
  byCategory: z.object({ operating: z.object(Totals), capital: z.object(Totals) }),
  total: z.object(Totals),
  can: z.object({ manage: z.boolean() }),
});
export type BudgetYear = z.infer<typeof YearSchema>;
const YearListSchema = z.object({ items: z.array(z.object({ year: z.number(), closed: z.boolean(), total: z.object(Totals) })), can: z.object({ manage: z.boolean() }) });

export interface LineInput {
  year: number;
  component: (typeof COST_COMPONENTS)[number];
  description: string;
  planned: string;
  assetId: string | null;
}
export interface RealisationInput {
  realisedOn: string;
  amount: string;
  description: string;
  reference: string;
}

const SupplierSchema = z.object({
  id: z.string(),
  name: z.string(),
  service: z.enum(SUPPLIER_SERVICES),
  contractNumber: z.string(),
  contractStartsOn: z.string(),
  contractEndsOn: z.string(),
  contact: z.string(),
  assets: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  contract: z.object({ state: z.enum(["ok", "expiring", "expired"]), daysLeft: z.number() }),
  targets: z.array(z.object({ id: z.string(), metric: z.string(), target: z.string(), unit: z.string(), direction: z.enum(SLA_DIRECTIONS) })),
  reviews: z.array(
    z.object({
      id: z.string(),
      periodFrom: z.string(),
      periodTo: z.string(),
      rating: z.number(),
      notes: z.string(),
      reviewer: z.object({ id: z.string(), name: z.string() }),
      measurements: z.array(z.object({ targetId: z.string(), metric: z.string(), target: z.string(), unit: z.string(), measured: z.string(), met: z.boolean() })),
      allMet: z.boolean(),
    }),
  ),
  can: z.object({ manage: z.boolean() }),
});
export type Supplier = z.infer<typeof SupplierSchema>;
export interface TargetInput {
  metric: string;
  target: string;
  unit: string;
  direction: (typeof SLA_DIRECTIONS)[number];
}
export interface SupplierInput {
  name: string;
  service: (typeof SUPPLIER_SERVICES)[number];
  contractNumber: string;
  contractStartsOn: string;
  contractEndsOn: string;
  contact: string;
  assetIds: string[];
  targets: TargetInput[];
}
export interface ReviewInput {
  periodFrom: string;
  periodTo: string;
  rating: number;
  notes: string;
  measurements: { targetId: string; measured: string }[];
}

export function useBudgetYears() {
  return useQuery({ queryKey: ["budget", "years"], queryFn: () => api.get("/api/v1/budget/years", YearListSchema) });
}
export function useBudgetYear(year: number) {
  return useQuery({ queryKey: ["budget", "year", year], queryFn: () => api.get(`/api/v1/budget/years/${year}`, YearSchema) });
}
function useBudgetMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["budget"] }) });
}
export const useAddLine = () => useBudgetMutation((input: LineInput) => api.post("/api/v1/budget/lines", LineSchema, input));
export const useAddRealisation = () => useBudgetMutation(({ lineId, ...input }: RealisationInput & { lineId: string }) => api.post(`/api/v1/budget/lines/${lineId}/realisations`, LineSchema, input));
export const useCloseYear = () => useBudgetMutation((year: number) => api.post(`/api/v1/budget/years/${year}/close`, YearSchema, {}));

export function useSuppliers() {
  return useQuery({
    queryKey: ["suppliers"],
    queryFn: () => api.get("/api/v1/suppliers", z.object({ items: z.array(SupplierSchema), alertDays: z.number(), alerts: z.number(), today: z.string(), can: z.object({ manage: z.boolean() }) })),
  });
}
function useSupplierMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["suppliers"] }) });
}
export const useAddSupplier = () => useSupplierMutation((input: SupplierInput) => api.post("/api/v1/suppliers", SupplierSchema, input));
export const useAddReview = () => useSupplierMutation(({ supplierId, ...input }: ReviewInput & { supplierId: string }) => api.post(`/api/v1/suppliers/${supplierId}/reviews`, SupplierSchema, input));
