import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { ASSET_TYPES, CHANGE_ORIGINS, CHANGE_STATUSES, EXPIRY_STATES, LEVELS3, RISK_TREATMENTS, TASK_STATUSES } from "../../../../src/modules/registers/registers-enums.js";
import { api } from "../../lib/api";

export { ASSET_TYPES, CHANGE_STATUSES, LEVELS3, RISK_TREATMENTS, TASK_STATUSES };

const Level = z.enum(LEVELS3);
const AssetSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(ASSET_TYPES),
  owner: z.string(),
  location: z.string(),
  confidentiality: z.number(),
  integrity: z.number(),
  availability: z.number(),
  value: z.number(),
  valueClass: Level,
  acquiredOn: z.nullable(z.string()),
  expiresOn: z.nullable(z.string()),
  expiry: z.object({ state: z.enum(EXPIRY_STATES), daysLeft: z.nullable(z.number()) }),
  notes: z.nullable(z.string()),
  riskCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Asset = z.infer<typeof AssetSchema>;
const AssetListSchema = z.object({ items: z.array(AssetSchema), alertDays: z.number(), alerts: z.number(), today: z.string(), can: z.object({ manage: z.boolean() }) });

export interface AssetInput {
  code: string;
  name: string;
  type: (typeof ASSET_TYPES)[number];
  owner: string;
  location: string;
  confidentiality: number;
  integrity: number;
  availability: number;
  acquiredOn: string | null;
  expiresOn: string | null;
  notes: string | null;
}

const RiskSummaryShape = {
  id: z.string(),
  asset: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  title: z.string(),
  impact: z.number(),
  threat: z.number(),
  vulnerability: z.number(),
  exposure: z.number(),
  score: z.number(),
  level: Level,
  likelihood: z.number(),
  treatment: z.enum(RISK_TREATMENTS),
  owner: z.string(),
  openTasks: z.number(),
  updatedAt: z.string(),
};
const RiskSummarySchema = z.object(RiskSummaryShape);
export type RiskSummary = z.infer<typeof RiskSummarySchema>;
const TaskSchema = z.object({ id: z.string(), action: z.string(), owner: z.string(), dueDate: z.string(), status: z.enum(TASK_STATUSES), overdue: z.boolean() });
export type MitigationTask = z.infer<typeof TaskSchema>;
const RiskSchema = z.object({ ...RiskSummaryShape, description: z.string(), tasks: z.array(TaskSchema), can: z.object({ manage: z.boolean() }) });
export type Risk = z.infer<typeof RiskSchema>;
const HeatCellSchema = z.object({ impact: z.number(), likelihood: z.number(), count: z.number(), riskIds: z.array(z.string()), highest: z.nullable(Level) });
export type HeatCell = z.infer<typeof HeatCellSchema>;
const RiskListSchema = z.object({
  items: z.array(RiskSummarySchema),
  heatMap: z.array(HeatCellSchema),
  thresholds: z.object({ riskLowMax: z.number(), riskMediumMax: z.number() }),
  can: z.object({ manage: z.boolean() }),
});

export interface RiskInput {
  assetId: string;
  title: string;
  description: string;
  impact: number;
  threat: number;
  vulnerability: number;
  exposure: number;
  treatment: (typeof RISK_TREATMENTS)[number];
  owner: string;
}
export interface TaskInput {
  action: string;
  owner: string;
  dueDate: string;
  status: (typeof TASK_STATUSES)[number];
}

const Person = z.nullable(z.object({ id: z.string(), name: z.string() }));
const ChangeSchema = z.object({
  id: z.string(),
  origin: z.enum(CHANGE_ORIGINS),
  title: z.string(),
  description: z.string(),
  reason: z.string(),
  status: z.enum(CHANGE_STATUSES),
  requestedBy: Person,
  decidedBy: Person,
  decidedAt: z.nullable(z.string()),
  decisionNote: z.nullable(z.string()),
  implementedBy: Person,
  implementedAt: z.nullable(z.string()),
  implementationNote: z.nullable(z.string()),
  reviewedBy: Person,
  reviewedAt: z.nullable(z.string()),
  reviewNote: z.nullable(z.string()),
  appVersion: z.nullable(z.string()),
  migrations: z.array(z.string()),
  createdAt: z.string(),
  can: z.object({ decide: z.boolean(), implement: z.boolean(), review: z.boolean() }),
});
export type Change = z.infer<typeof ChangeSchema>;
const ChangeListSchema = z.object({ items: z.array(ChangeSchema), can: z.object({ propose: z.boolean() }) });

const base = "/api/v1/registers";

export function useAssets() {
  return useQuery({ queryKey: ["registers", "assets"], queryFn: () => api.get(`${base}/assets`, AssetListSchema) });
}

export function useSaveAsset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: AssetInput }) => (id ? api.put(`${base}/assets/${id}`, AssetSchema, input) : api.post(`${base}/assets`, AssetSchema, input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["registers"] }),
  });
}

export function useRisks() {
  return useQuery({ queryKey: ["registers", "risks"], queryFn: () => api.get(`${base}/risks`, RiskListSchema) });
}

export function useRisk(id: string) {
  return useQuery({ queryKey: ["registers", "risk", id], queryFn: () => api.get(`${base}/risks/${id}`, RiskSchema) });
}

export function useSaveRisk() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: RiskInput }) => (id ? api.put(`${base}/risks/${id}`, RiskSchema, input) : api.post(`${base}/risks`, RiskSchema, input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["registers"] }),
  });
}

export function useSaveTask(riskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: TaskInput }) =>
      id ? api.put(`${base}/risks/${riskId}/tasks/${id}`, RiskSchema, input) : api.post(`${base}/risks/${riskId}/tasks`, RiskSchema, input),
    onSuccess: (risk) => {
      queryClient.setQueryData(["registers", "risk", riskId], risk);
      void queryClient.invalidateQueries({ queryKey: ["registers", "risks"] });
    },
  });
}

export function useChanges() {
  return useQuery({ queryKey: ["registers", "changes"], queryFn: () => api.get(`${base}/changes`, ChangeListSchema) });
}

export function useProposeChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; description: string; reason: string }) => api.post(`${base}/changes`, ChangeSchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["registers", "changes"] }),
  });
}

export type ChangeAction = { kind: "decision"; body: { decision: "approved" | "rejected"; note: string } } | { kind: "implementation" | "review"; body: { note: string } };

export function useChangeAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ChangeAction) => api.post(`${base}/changes/${id}/${action.kind}`, ChangeSchema, action.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["registers", "changes"] }),
  });
}
