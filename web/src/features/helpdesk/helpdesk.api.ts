import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { LEVELS, PRIORITIES, TICKET_CHANNELS, TICKET_STATUSES, TICKET_TYPES, USER_GROUPS } from "../../../../src/modules/helpdesk/helpdesk-enums.js";
import { api } from "../../lib/api";

export { LEVELS, PRIORITIES, TICKET_CHANNELS, TICKET_STATUSES, TICKET_TYPES, USER_GROUPS };

const TimerSchema = z.object({
  dueAt: z.string(),
  doneAt: z.nullable(z.string()),
  remainingSeconds: z.nullable(z.number()),
  state: z.enum(["running", "overdue", "met", "breached"]),
});
export type SlaTimer = z.infer<typeof TimerSchema>;
const Person = z.nullable(z.object({ id: z.string(), name: z.string() }));

const SummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  channel: z.enum(TICKET_CHANNELS),
  submitterName: z.string(),
  subject: z.string(),
  type: z.enum(TICKET_TYPES),
  technical: z.boolean(),
  userGroup: z.enum(USER_GROUPS),
  urgency: z.enum(LEVELS),
  impact: z.enum(LEVELS),
  priority: z.enum(PRIORITIES),
  status: z.enum(TICKET_STATUSES),
  assignee: Person,
  escalatedTo: Person,
  createdAt: z.string(),
  sla: z.object({ firstResponse: TimerSchema, resolution: TimerSchema }),
});
export type TicketSummary = z.infer<typeof SummarySchema>;

const TicketSchema = z.object({
  ...SummarySchema.shape,
  submitterEmail: z.nullable(z.string()),
  submitterPhone: z.nullable(z.string()),
  description: z.string(),
  escalationReason: z.nullable(z.string()),
  escalatedAt: z.nullable(z.string()),
  outcome: z.nullable(z.string()),
  firstResponseAt: z.nullable(z.string()),
  resolvedAt: z.nullable(z.string()),
  closedAt: z.nullable(z.string()),
  comments: z.array(z.object({ id: z.string(), authorName: z.string(), fromStaff: z.boolean(), visibility: z.enum(["public", "internal"]), body: z.string(), createdAt: z.string() })),
  can: z.object({ manage: z.boolean() }),
  serverNow: z.string(),
});
export type Ticket = z.infer<typeof TicketSchema>;

const TrackedSchema = z.object({
  code: z.string(),
  subject: z.string(),
  description: z.string(),
  status: z.enum(TICKET_STATUSES),
  createdAt: z.string(),
  resolvedAt: z.nullable(z.string()),
  outcome: z.nullable(z.string()),
  replies: z.array(z.object({ fromStaff: z.boolean(), authorName: z.string(), body: z.string(), createdAt: z.string() })),
});
export type TrackedTicket = z.infer<typeof TrackedSchema>;

const ArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  category: z.string(),
  status: z.enum(["draft", "published"]),
  updatedAt: z.string(),
  publishedAt: z.nullable(z.string()),
});
export type Article = z.infer<typeof ArticleSchema>;
export interface ArticleInput {
  title: string;
  body: string;
  category: string;
  status: "draft" | "published";
}

const Target = z.object({ firstResponseHours: z.number(), resolutionHours: z.number() });
const SlaSchema = z.object({ P1: Target, P2: Target, P3: Target, P4: Target });
export type SlaTargets = z.infer<typeof SlaSchema>;

const Share = z.object({ met: z.number(), breached: z.number(), pending: z.number(), share: z.nullable(z.number()) });
const Counts = z.record(z.string(), z.number());
const ReportSchema = z.object({
  month: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.number(),
  byType: Counts,
  byPriority: Counts,
  byUserGroup: Counts,
  byChannel: Counts,
  byStatus: Counts,
  technical: z.number(),
  escalated: z.number(),
  compliance: z.object({ tickets: z.number(), firstResponse: Share, resolution: Share }),
  meanFirstResponseMinutes: z.nullable(z.number()),
  meanResolutionMinutes: z.nullable(z.number()),
  generatedAt: z.string(),
});
export type MonthlyReport = z.infer<typeof ReportSchema>;

export interface PublicTicketInput {
  name: string;
  email: string;
  subject: string;
  description: string;
  userGroup: (typeof USER_GROUPS)[number];
}
export interface StaffTicketInput {
  channel: (typeof TICKET_CHANNELS)[number];
  name: string;
  email?: string;
  phone?: string;
  subject: string;
  description: string;
  type: (typeof TICKET_TYPES)[number];
  technical: boolean;
  userGroup: (typeof USER_GROUPS)[number];
  urgency: (typeof LEVELS)[number];
  impact: (typeof LEVELS)[number];
}
export interface TicketFilter {
  status?: string;
  priority?: string;
  q?: string;
}

const base = "/api/v1/helpdesk";

export function useFileTicket() {
  return useMutation({ mutationFn: (input: PublicTicketInput) => api.post(`${base}/public/tickets`, z.object({ code: z.string(), id: z.string() }), input) });
}

export function useTrackTicket() {
  return useMutation({ mutationFn: (input: { code: string; email: string }) => api.post(`${base}/public/track`, TrackedSchema, input) });
}

export function useSubmitterReply() {
  return useMutation({ mutationFn: (input: { code: string; email: string; body: string }) => api.post(`${base}/public/replies`, TrackedSchema, input) });
}

export function useMyTickets(enabled: boolean) {
  return useQuery({ queryKey: ["helpdesk", "mine"], queryFn: async () => (await api.get(`${base}/my-tickets`, z.object({ items: z.array(TrackedSchema) }))).items, enabled });
}

export function useArticles(query: { q?: string; drafts?: boolean }) {
  return useQuery({
    queryKey: ["helpdesk", "articles", query],
    queryFn: async () => (await api.get(`${base}/articles`, z.object({ items: z.array(ArticleSchema) }), { q: query.q || undefined, drafts: query.drafts ? "true" : undefined })).items,
  });
}

export function useSaveArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: ArticleInput }) => (id ? api.put(`${base}/articles/${id}`, ArticleSchema, input) : api.post(`${base}/articles`, ArticleSchema, input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["helpdesk", "articles"] }),
  });
}

export function useTickets(filter: TicketFilter) {
  return useQuery({
    queryKey: ["helpdesk", "tickets", filter],
    queryFn: () => api.get(`${base}/tickets`, z.object({ items: z.array(SummarySchema), serverNow: z.string() }), { status: filter.status || undefined, priority: filter.priority || undefined, q: filter.q || undefined }),
    refetchInterval: 60_000,
  });
}

export function useTicket(id: string) {
  return useQuery({ queryKey: ["helpdesk", "ticket", id], queryFn: () => api.get(`${base}/tickets/${id}`, TicketSchema) });
}

export function useStaffTicket() {
  return useMutation({ mutationFn: (input: StaffTicketInput) => api.post(`${base}/tickets`, TicketSchema, input) });
}

export type TicketAction =
  | { kind: "classification"; body: { type: string; technical: boolean; userGroup: string; urgency: string; impact: string } }
  | { kind: "assignment"; body: { assigneeId: string } }
  | { kind: "escalation"; body: { toUserId: string; reason: string } }
  | { kind: "status"; body: { status: string; outcome?: string } }
  | { kind: "comments"; body: { body: string; visibility: "public" | "internal" } };

/** One change to a ticket; the answer is the ticket as it now is. */
export function useTicketAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: TicketAction) => api.post(`${base}/tickets/${id}/${action.kind}`, TicketSchema, action.body),
    onSuccess: (ticket) => {
      queryClient.setQueryData(["helpdesk", "ticket", id], ticket);
      void queryClient.invalidateQueries({ queryKey: ["helpdesk", "tickets"] });
    },
  });
}

export function useHelpdeskStaff() {
  return useQuery({ queryKey: ["helpdesk", "staff"], queryFn: async () => (await api.get(`${base}/staff`, z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) }))).items });
}

export function useSlaTargets() {
  return useQuery({ queryKey: ["helpdesk", "sla"], queryFn: () => api.get(`${base}/sla`, SlaSchema) });
}

export function useSaveSlaTargets() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (sla: SlaTargets) => api.put(`${base}/sla`, SlaSchema, sla), onSuccess: (sla) => queryClient.setQueryData(["helpdesk", "sla"], sla) });
}

export function useMonthlyReport(month: string) {
  return useQuery({ queryKey: ["helpdesk", "report", month], queryFn: () => api.get(`${base}/reports/monthly`, ReportSchema, { month }) });
}
