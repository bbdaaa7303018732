import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";

/*
 * The 17 LPSE standards: assessment cycles with the internal assessment team, criteria, evidence, findings
 * and corrective actions, and the sign-off by the Kepala LPSE. Every change answers with the whole cycle.
 */

export const CRITERION_STATUSES = ["met", "partially_met", "not_met", "not_applicable"] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];
export const FINDING_PRIORITIES = ["high", "medium", "low"] as const;
export type FindingPriority = (typeof FINDING_PRIORITIES)[number];
export const EVIDENCE_KINDS = ["document", "record", "register", "platform"] as const;

const Bilingual = z.object({ id: z.string(), en: z.string() });
const Person = z.object({ id: z.string(), name: z.string() });

const CycleSummarySchema = z.object({
  id: z.string(),
  period: z.string(),
  catalogVersion: z.number(),
  status: z.enum(["open", "signed_off"]),
  metCount: z.number(),
  standardCount: z.number(),
  openedAt: z.string(),
  signedOffAt: z.nullable(z.string()),
  lkppMetCount: z.number(),
});
export type CycleSummary = z.infer<typeof CycleSummarySchema>;

const EvidenceSchema = z.object({
  id: z.string(),
  kind: z.enum(["file", "link"]),
  title: z.string(),
  url: z.nullable(z.string()),
  contentType: z.nullable(z.string()),
  size: z.nullable(z.number()),
  sha256: z.nullable(z.string()),
  addedBy: Person,
  addedAt: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

const FindingSchema = z.object({
  id: z.string(),
  number: z.number(),
  standardCode: z.string(),
  criterionCode: z.nullable(z.string()),
  description: z.string(),
  action: z.string(),
  priority: z.enum(FINDING_PRIORITIES),
  owner: Person,
  dueDate: z.string(),
  status: z.enum(["open", "done", "verified"]),
  raisedBy: Person,
  raisedAt: z.string(),
  doneNote: z.nullable(z.string()),
  doneAt: z.nullable(z.string()),
  verifiedBy: z.nullable(Person),
  verifiedAt: z.nullable(z.string()),
  verifyNote: z.nullable(z.string()),
  mayMarkDone: z.boolean(),
  mayVerify: z.boolean(),
});
export type Finding = z.infer<typeof FindingSchema>;

const CriterionSchema = z.object({
  code: z.string(),
  text: Bilingual,
  expects: z.array(z.enum(EVIDENCE_KINDS)),
  registers: z.array(z.object({ title: Bilingual, path: z.string() })),
  assessment: z.nullable(z.object({ status: z.enum(CRITERION_STATUSES), reason: z.nullable(z.string()), notes: z.string(), assessedBy: Person, assessedAt: z.string() })),
  evidence: z.array(EvidenceSchema),
});
export type CriterionView = z.infer<typeof CriterionSchema>;

const StandardSchema = z.object({
  number: z.number(),
  code: z.string(),
  name: Bilingual,
  met: z.boolean(),
  coordinator: z.nullable(Person),
  lkpp: z.nullable(z.object({ result: z.enum(["met", "not_met"]), letterNumber: z.string(), letterDate: z.string() })),
  criteria: z.array(CriterionSchema),
});
export type StandardView = z.infer<typeof StandardSchema>;

const CycleSchema = z.object({
  ...CycleSummarySchema.shape,
  openedBy: Person,
  signedOffBy: z.nullable(Person),
  signOffNote: z.nullable(z.string()),
  catalogTitle: Bilingual,
  team: z.array(Person),
  assessedCount: z.number(),
  criterionCount: z.number(),
  standards: z.array(StandardSchema),
  findings: z.array(FindingSchema),
  viewer: z.object({ mayManage: z.boolean(), mayAssess: z.boolean(), maySignOff: z.boolean(), mayRecordLkpp: z.boolean() }),
});
export type Cycle = z.infer<typeof CycleSchema>;

const StaffSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) });
const CycleListSchema = z.object({ items: z.array(CycleSummarySchema), mayOpen: z.boolean() });

const cyclesKey = ["standards", "cycles"] as const;
const cycleKey = (id: string) => ["standards", "cycles", id] as const;
const base = "/api/v1/standards/cycles";
const cyclePath = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function useCycles() {
  return useQuery({ queryKey: cyclesKey, queryFn: () => api.get(base, CycleListSchema) });
}

export function useCycle(id: string) {
  return useQuery({ queryKey: cycleKey(id), queryFn: () => api.get(cyclePath(id), CycleSchema) });
}

/** Users of the LPSE who may sit on the team or own a corrective action. */
export function useStaff(enabled: boolean) {
  return useQuery({ queryKey: ["standards", "staff"], queryFn: async () => (await api.get("/api/v1/standards/staff", StaffSchema)).items, enabled });
}

export function reportHref(id: string): string {
  return `${cyclePath(id)}/report`;
}

export function evidenceHref(cycleId: string, evidenceId: string): string {
  return `${cyclePath(cycleId)}/evidence/${encodeURIComponent(evidenceId)}/content`;
}

export function useOpenCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { period: string }) => api.post(base, CycleSchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cyclesKey }),
  });
}

/** A change to one cycle: the answer is the whole cycle, put straight into the cache. */
function useCycleChange<I>(id: string, send: (input: I) => Promise<Cycle>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (cycle) => {
      queryClient.setQueryData(cycleKey(id), cycle);
      void queryClient.invalidateQueries({ queryKey: cyclesKey, exact: true });
    },
  });
}

export const useAppointTeam = (id: string) => useCycleChange(id, (input: { memberIds: string[] }) => api.put(`${cyclePath(id)}/team`, CycleSchema, input));
export const useAppointCoordinator = (id: string) =>
  useCycleChange(id, (input: { standardCode: string; userId: string }) => api.put(`${cyclePath(id)}/standards/${input.standardCode}/coordinator`, CycleSchema, { userId: input.userId }));
export const useAssess = (id: string) =>
  useCycleChange(id, (input: { criterionCode: string; status: CriterionStatus; reason?: string; notes: string }) => {
    const { criterionCode, ...body } = input;
    return api.put(`${cyclePath(id)}/criteria/${criterionCode}`, CycleSchema, body);
  });
export const useRaiseFinding = (id: string) =>
  useCycleChange(id, (input: { standardCode: string; criterionCode?: string; description: string; action: string; priority: FindingPriority; ownerId: string; dueDate: string }) =>
    api.post(`${cyclePath(id)}/findings`, CycleSchema, input),
  );
export const useMarkDone = (id: string) => useCycleChange(id, (input: { findingId: string; note: string }) => api.post(`${cyclePath(id)}/findings/${input.findingId}/done`, CycleSchema, { note: input.note }));
export const useVerify = (id: string) => useCycleChange(id, (input: { findingId: string; note: string }) => api.post(`${cyclePath(id)}/findings/${input.findingId}/verify`, CycleSchema, { note: input.note }));
export const useRecordLkpp = (id: string) =>
  useCycleChange(id, (input: { standardCode: string; result: "met" | "not_met"; letterNumber: string; letterDate: string }) => {
    const { standardCode, ...body } = input;
    return api.put(`${cyclePath(id)}/standards/${standardCode}/lkpp`, CycleSchema, body);
  });
export const useSignOff = (id: string) => useCycleChange(id, (input: { note: string }) => api.post(`${cyclePath(id)}/sign-off`, CycleSchema, input));

/** Evidence is added, then the cycle read again (the answer is the evidence alone). */
export function useAddEvidence(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { criterionCode: string } & ({ file: File; name: string } | { title: string; url: string })) =>
      "file" in input
        ? api.upload(`${cyclePath(id)}/criteria/${input.criterionCode}/evidence/files`, EvidenceSchema, input.file, { name: input.name })
        : api.post(`${cyclePath(id)}/criteria/${input.criterionCode}/evidence/links`, EvidenceSchema, { title: input.title, url: input.url }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cycleKey(id) }),
  });
}
