import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { IMPROVEMENT_STATUSES, SCORE_MAX, SCORE_MIN, SURVEY_STATUSES, UNSUR } from "../../../../src/modules/surveys/surveys-enums.js";
import type { Role } from "../../lib/roles";
import { api } from "../../lib/api";

export { IMPROVEMENT_STATUSES, SCORE_MAX, SCORE_MIN, SURVEY_STATUSES, UNSUR };
export type Unsur = (typeof UNSUR)[number];
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

const QuestionSchema = z.object({ unsur: z.enum(UNSUR), text: z.string() });
export type Question = z.infer<typeof QuestionSchema>;
const SummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.enum(SURVEY_STATUSES),
  recipients: z.number(),
  responses: z.number(),
  createdAt: z.string(),
  sentAt: z.nullable(z.string()),
  closedAt: z.nullable(z.string()),
});
export type SurveySummary = z.infer<typeof SummarySchema>;
const SurveySchema = z.object({
  ...SummarySchema.shape,
  questions: z.array(QuestionSchema),
  responseRate: z.nullable(z.number()),
  averages: z.array(z.nullable(z.number())),
  ikm: z.nullable(z.number()),
  category: z.nullable(z.enum(["A", "B", "C", "D"])),
  comments: z.array(z.string()),
  policies: z.object({ send: z.boolean(), close: z.boolean() }),
});
export type Survey = z.infer<typeof SurveySchema>;

export interface SurveyInput {
  title: string;
  periodFrom: string;
  periodTo: string;
  questions: Question[];
}
export interface SendInput {
  vendors: boolean;
  roles: Exclude<Role, "vendor">[];
}

export function useSurveys() {
  return useQuery({ queryKey: ["surveys", "list"], queryFn: () => api.get("/api/v1/surveys", z.object({ items: z.array(SummarySchema), policies: z.object({ create: z.boolean() }) })) });
}
export function useSurvey(id: string) {
  return useQuery({ queryKey: ["surveys", id], queryFn: () => api.get(`/api/v1/surveys/${id}`, SurveySchema) });
}
function useSurveyMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["surveys"] }) });
}
export const useCreateSurvey = () => useSurveyMutation((input: SurveyInput) => api.post("/api/v1/surveys", SurveySchema, input));
export const useSendSurvey = (id: string) => useSurveyMutation((input: SendInput) => api.post(`/api/v1/surveys/${id}/send`, SurveySchema, input));
export const useCloseSurvey = (id: string) => useSurveyMutation(() => api.post(`/api/v1/surveys/${id}/close`, SurveySchema));

// ---- the public form

const FormSchema = z.object({ title: z.string(), periodFrom: z.string(), periodTo: z.string(), questions: z.array(QuestionSchema), scale: z.object({ min: z.number(), max: z.number() }) });
export function useSurveyForm(token: string) {
  return useQuery({ queryKey: ["survey-form", token], queryFn: () => api.get("/api/v1/survey-form", FormSchema, { token }), retry: false, enabled: token !== "" });
}
export const useAnswerSurvey = () =>
  useMutation({ mutationFn: (input: { token: string; scores: number[]; comment: string }) => api.post("/api/v1/survey-form", z.object({ message: z.object({ id: z.string(), en: z.string() }) }), input) });

// ---- improvement requests

const ImprovementSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(IMPROVEMENT_STATUSES),
  response: z.nullable(z.string()),
  requester: z.object({ id: z.string(), name: z.string(), role: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  next: z.array(z.enum(IMPROVEMENT_STATUSES)),
});
export type Improvement = z.infer<typeof ImprovementSchema>;

export function useImprovements() {
  return useQuery({ queryKey: ["improvements", "list"], queryFn: () => api.get("/api/v1/improvement-requests", z.object({ items: z.array(ImprovementSchema), policies: z.object({ triage: z.boolean() }) })) });
}
export function useImprovement(id: string) {
  return useQuery({ queryKey: ["improvements", id], queryFn: () => api.get(`/api/v1/improvement-requests/${id}`, ImprovementSchema) });
}
function useImprovementMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["improvements"] }) });
}
export const useFileImprovement = () => useImprovementMutation((input: { title: string; description: string }) => api.post("/api/v1/improvement-requests", ImprovementSchema, input));
export const useMoveImprovement = (id: string) =>
  useImprovementMutation((input: { status: ImprovementStatus; response: string }) => api.post(`/api/v1/improvement-requests/${id}/status`, ImprovementSchema, input));
