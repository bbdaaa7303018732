import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { ACCESS_LEVELS, BREACHES, REMEDIATION_STATUSES, SEVERITIES } from "../../../../src/modules/operations-registers/operations-registers-enums.js";
import { api } from "../../lib/api";

export { ACCESS_LEVELS, BREACHES, REMEDIATION_STATUSES, SEVERITIES };

const base = "/api/v1/operations";

const SampleSchema = z.object({
  id: z.string(),
  takenAt: z.string(),
  loadPercent: z.number(),
  cpuCount: z.number(),
  processRssBytes: z.number(),
  systemMemoryTotalBytes: z.number(),
  memoryUsedPercent: z.number(),
  diskTotalBytes: z.number(),
  diskFreeBytes: z.number(),
  diskFreePercent: z.number(),
  databaseBytes: z.number(),
  activeSessions: z.number(),
  activeUsers: z.number(),
  uploadBytes: z.number(),
  bidsNearDeadline: z.number(),
  breaches: z.array(z.enum(BREACHES)),
});
export type CapacitySample = z.infer<typeof SampleSchema>;
const Figure = z.object({ peak: z.nullable(z.number()), p95: z.nullable(z.number()) });
export const FIGURES = ["loadPercent", "memoryUsedPercent", "processRssBytes", "databaseBytes", "activeSessions", "activeUsers", "uploadBytes", "bidsNearDeadline"] as const;
const ReportSchema = z.object({
  month: z.string(),
  samples: z.number(),
  figures: z.object(Object.fromEntries(FIGURES.map((f) => [f, Figure])) as Record<(typeof FIGURES)[number], typeof Figure>),
  diskFreePercentLowest: z.nullable(z.number()),
  uploadBytesTotal: z.number(),
  breaches: z.object({ disk_free: z.number(), memory: z.number(), cpu_load: z.number() }),
  breachedSamples: z.array(SampleSchema),
  databaseGrowth: z.object({ firstBytes: z.nullable(z.number()), lastBytes: z.nullable(z.number()), growthBytes: z.nullable(z.number()), growthPercent: z.nullable(z.number()) }),
  thresholds: z.object({ diskFreeMinPercent: z.number(), memoryMaxPercent: z.number(), cpuLoadMaxPercent: z.number() }),
});

const GrantSchema = z.object({
  id: z.string(),
  person: z.string(),
  system: z.string(),
  level: z.enum(ACCESS_LEVELS),
  reason: z.string(),
  grantedBy: z.string(),
  startsOn: z.string(),
  expiresOn: z.nullable(z.string()),
  revokedOn: z.nullable(z.string()),
  revokedReason: z.nullable(z.string()),
  lastReviewedOn: z.nullable(z.string()),
  status: z.enum(["scheduled", "active", "expired", "revoked"]),
  reviewDueOn: z.nullable(z.string()),
  reviewOverdue: z.boolean(),
});
export type AccessGrant = z.infer<typeof GrantSchema>;
export interface GrantInput {
  person: string;
  system: string;
  level: (typeof ACCESS_LEVELS)[number];
  reason: string;
  grantedBy: string;
  startsOn: string;
  expiresOn: string | null;
}
const ReviewSchema = z.object({
  id: z.string(),
  reviewedOn: z.string(),
  reviewer: z.object({ id: z.string(), name: z.string() }),
  notes: z.string(),
  decisions: z.array(z.object({ grantId: z.string(), person: z.string(), system: z.string(), decision: z.enum(["keep", "revoke"]), note: z.string() })),
});
export interface ReviewInput {
  reviewedOn: string;
  notes: string;
  decisions: { grantId: string; decision: "keep" | "revoke"; note: string }[];
}

const PatchSchema = z.object({ id: z.string(), system: z.string(), patchId: z.string(), appliedOn: z.string(), appliedBy: z.string(), relatedChange: z.nullable(z.string()), notes: z.string() });
export interface PatchInput {
  system: string;
  patchId: string;
  appliedOn: string;
  appliedBy: string;
  relatedChange: string | null;
  notes: string;
}
const FindingSchema = z.object({
  id: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  dueOn: z.string(),
  status: z.enum(REMEDIATION_STATUSES),
  resolutionNote: z.nullable(z.string()),
  resolvedOn: z.nullable(z.string()),
  overdue: z.boolean(),
});
const SummarySchema = z.object({
  id: z.string(),
  scannedOn: z.string(),
  tool: z.string(),
  scope: z.string(),
  findingsBySeverity: z.object({ critical: z.number(), high: z.number(), medium: z.number(), low: z.number() }),
  openFindings: z.number(),
  overdueFindings: z.number(),
});
const ScanSchema = z.object({ ...SummarySchema.shape, findings: z.array(FindingSchema) });
export type Scan = z.infer<typeof ScanSchema>;
export interface ScanInput {
  scannedOn: string;
  tool: string;
  scope: string;
  findings: { title: string; severity: (typeof SEVERITIES)[number]; dueOn: string }[];
}

export function useCapacityReport(month: string) {
  return useQuery({ queryKey: ["operations", "capacity", month], queryFn: () => api.get(`${base}/capacity/report`, ReportSchema, { month }) });
}
export function useCapacitySamples() {
  return useQuery({ queryKey: ["operations", "samples"], queryFn: async () => (await api.get(`${base}/capacity/samples`, z.object({ items: z.array(SampleSchema) }))).items });
}

export function useAccessGrants() {
  return useQuery({ queryKey: ["operations", "grants"], queryFn: () => api.get(`${base}/access-grants`, z.object({ items: z.array(GrantSchema), reviewDays: z.number(), today: z.string() })) });
}
export function useAccessReviews() {
  return useQuery({ queryKey: ["operations", "reviews"], queryFn: async () => (await api.get(`${base}/access-reviews`, z.object({ items: z.array(ReviewSchema) }))).items });
}
function useOperationsMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["operations"] }) });
}
export const useRecordGrant = () => useOperationsMutation((input: GrantInput) => api.post(`${base}/access-grants`, GrantSchema, input));
export const useRevokeGrant = () => useOperationsMutation(({ id, ...input }: { id: string; revokedOn: string; reason: string }) => api.post(`${base}/access-grants/${id}/revoke`, GrantSchema, input));
export const useRecordReview = () => useOperationsMutation((input: ReviewInput) => api.post(`${base}/access-reviews`, ReviewSchema, input));

export function usePatches() {
  return useQuery({ queryKey: ["operations", "patches"], queryFn: async () => (await api.get(`${base}/patches`, z.object({ items: z.array(PatchSchema) }))).items });
}
export const useRecordPatch = () => useOperationsMutation((input: PatchInput) => api.post(`${base}/patches`, PatchSchema, input));

export function useScans() {
  return useQuery({ queryKey: ["operations", "scans"], queryFn: async () => (await api.get(`${base}/scans`, z.object({ items: z.array(SummarySchema) }))).items });
}
export function useScan(id: string | null) {
  return useQuery({ queryKey: ["operations", "scan", id], queryFn: () => api.get(`${base}/scans/${id}`, ScanSchema), enabled: id !== null });
}
export const useRecordScan = () => useOperationsMutation((input: ScanInput) => api.post(`${base}/scans`, ScanSchema, input));
export const useUpdateFinding = () =>
  useOperationsMutation(({ scanId, findingId, ...input }: { scanId: string; findingId: string; status: (typeof REMEDIATION_STATUSES)[number]; note: string }) =>
    api.post(`${base}/scans/${scanId}/findings/${findingId}`, ScanSchema, input),
  );
