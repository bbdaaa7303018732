import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";

/*
 * Comparison between LPSEs: this LPSE's latest signed-off result next to its peers', the template library
 * (copied into an open cycle as evidence) and the log of study visits.
 */

const Bilingual = z.object({ id: z.string(), en: z.string() });

const ComparisonSchema = z.object({
  standards: z.array(z.object({ code: z.string(), number: z.number(), name: Bilingual })),
  lpses: z.array(
    z.object({
      id: z.string(),
      own: z.boolean(),
      name: z.string(),
      region: z.string(),
      period: z.nullable(z.string()),
      signedOffAt: z.nullable(z.string()),
      metCount: z.nullable(z.number()),
      standardCount: z.number(),
      met: z.record(z.string(), z.boolean()),
    }),
  ),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

const TemplateSchema = z.object({
  id: z.string(),
  publisher: z.object({ own: z.boolean(), peerId: z.nullable(z.string()), name: z.string() }),
  title: z.string(),
  standardCode: z.string(),
  criterionCode: z.string(),
  description: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  publishedAt: z.string(),
});
export type Template = z.infer<typeof TemplateSchema>;
const TemplateListSchema = z.object({ items: z.array(TemplateSchema), mayPublish: z.boolean() });
const CopiedSchema = z.object({ template: TemplateSchema, cycleId: z.string(), evidenceId: z.string() });

const PeerListSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), region: z.string() })), mayImport: z.boolean() });

const VisitSchema = z.object({
  id: z.string(),
  direction: z.enum(["outgoing", "incoming"]),
  peer: z.object({ id: z.string(), name: z.string() }),
  visitedOn: z.string(),
  participants: z.string(),
  standards: z.array(z.string()),
  notes: z.string(),
  actions: z.array(
    z.object({ id: z.string(), description: z.string(), finding: z.nullable(z.object({ id: z.string(), cycleId: z.string(), number: z.number(), standardCode: z.string(), status: z.enum(["open", "done", "verified"]) })) }),
  ),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  recordedAt: z.string(),
});
export type Visit = z.infer<typeof VisitSchema>;
const VisitListSchema = z.object({ items: z.array(VisitSchema), mayRecord: z.boolean() });

export interface NewVisit {
  peerId: string;
  direction: "outgoing" | "incoming";
  visitedOn: string;
  participants: string;
  standards: string[];
  notes: string;
  actions: { description: string; findingId?: string }[];
}

export function useComparison() {
  return useQuery({ queryKey: ["standards", "comparison"], queryFn: () => api.get("/api/v1/standards/comparison", ComparisonSchema) });
}

/** Import a peer's signed summary as pasted (the JSON the peer's installation exported); the server verifies it. */
export function useImportSummary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (signed: unknown) => api.post("/api/v1/standards/peers/summaries", z.object({ peer: z.object({ id: z.string(), name: z.string() }) }), signed),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["standards"] }),
  });
}

export function usePeers() {
  return useQuery({ queryKey: ["standards", "peers"], queryFn: () => api.get("/api/v1/standards/peers", PeerListSchema) });
}

export function useTemplates() {
  return useQuery({ queryKey: ["standards", "templates"], queryFn: () => api.get("/api/v1/standards/templates", TemplateListSchema) });
}

export interface NewTemplate {
  file: File;
  title: string;
  criterionCode: string;
  description: string;
  peerId: string;
}

/** Publish a template: the file as the raw body, what it is in the query (an empty peerId: this LPSE's own). */
export function usePublishTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewTemplate) =>
      api.upload("/api/v1/standards/templates", TemplateSchema, input.file, {
        title: input.title,
        criterionCode: input.criterionCode,
        name: input.file.name,
        description: input.description,
        ...(input.peerId ? { peerId: input.peerId } : {}),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["standards", "templates"] }),
  });
}

export function useCopyTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { templateId: string; cycleId: string }) => api.post(`/api/v1/standards/templates/${input.templateId}/copy`, CopiedSchema, { cycleId: input.cycleId }),
    onSuccess: (copied) => queryClient.invalidateQueries({ queryKey: ["standards", "cycles", copied.cycleId] }),
  });
}

export function useVisits() {
  return useQuery({ queryKey: ["standards", "visits"], queryFn: () => api.get("/api/v1/standards/visits", VisitListSchema) });
}

export function useRecordVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewVisit) => api.post("/api/v1/standards/visits", VisitSchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["standards", "visits"] }),
  });
}
