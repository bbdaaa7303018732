import { z } from "zod";
import { bilingual } from "../../server/validation.js";
import { CalendarDateSchema } from "../settings/settings.schemas.js";
import { ROLES } from "../users/roles.js";
import { SURVEY_STATUSES } from "./surveys-enums.js";
import { SCORE_MAX, SCORE_MIN, UNSUR } from "./surveys.ikm.js";

export { SURVEY_STATUSES, UNSUR };

/** Staff roles a survey can go to; vendors are chosen with their own switch. */
export const STAFF_ROLES = ROLES.filter((r) => r !== "vendor") as [Exclude<(typeof ROLES)[number], "vendor">, ...Exclude<(typeof ROLES)[number], "vendor">[]];
/** A comment is one free-text answer, long enough for a paragraph. */
export const COMMENT_MAX_CHARS = 2000;
export const QUESTIONS_MAX = 20;

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const QuestionSchema = z.strictObject({ unsur: z.enum(UNSUR), text: text(5, 300) });
export type Question = z.infer<typeof QuestionSchema>;

export const SurveyInputSchema = z
  .strictObject({
    title: text(3, 200),
    periodFrom: CalendarDateSchema,
    periodTo: CalendarDateSchema,
    questions: z.array(QuestionSchema).min(1).max(QUESTIONS_MAX),
  });
export type SurveyInput = z.infer<typeof SurveyInputSchema>;

export const SendInputSchema = z.strictObject({ vendors: z.boolean(), roles: z.array(z.enum(STAFF_ROLES)).max(STAFF_ROLES.length) });
export type SendInput = z.infer<typeof SendInputSchema>;

export const SurveyParamsSchema = z.strictObject({ surveyId: z.uuid() });

const Bilingual = z.object({ id: z.string(), en: z.string() });

export const SurveySummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    status: z.enum(SURVEY_STATUSES),
    recipients: z.number(),
    responses: z.number(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: "SurveySummary" });
export type SurveySummary = z.infer<typeof SurveySummarySchema>;

export const SurveyPoliciesSchema = z.object({ send: z.boolean(), close: z.boolean() });

export const SurveySchema = SurveySummarySchema.extend({
  questions: z.array(QuestionSchema),
  /** Responses ÷ recipients, 0–1; null before sending. */
  responseRate: z.number().nullable(),
  averages: z.array(z.number().nullable()),
  ikm: z.number().nullable(),
  category: z.enum(["A", "B", "C", "D"]).nullable(),
  /** The free-text comments, in no particular order and without names: answers are anonymous. */
  comments: z.array(z.string()),
  policies: SurveyPoliciesSchema,
}).meta({ id: "Survey" });
export type Survey = z.infer<typeof SurveySchema>;

export const SurveyListSchema = z.object({ items: z.array(SurveySummarySchema), policies: z.object({ create: z.boolean() }) });

// ---- the public form

export const TokenQuerySchema = z.strictObject({ token: z.string().min(1).max(200) });

export const SurveyFormSchema = z
  .object({ title: z.string(), periodFrom: z.string(), periodTo: z.string(), questions: z.array(QuestionSchema), scale: z.object({ min: z.number(), max: z.number() }) })
  .meta({ id: "SurveyForm" });

export const AnswerInputSchema = z
  .strictObject({
    token: z.string().min(1).max(200),
    scores: z.array(z.number().int().min(SCORE_MIN, bilingual(`minimal ${SCORE_MIN}`, `at least ${SCORE_MIN}`)).max(SCORE_MAX, bilingual(`maksimal ${SCORE_MAX}`, `at most ${SCORE_MAX}`))).max(QUESTIONS_MAX),
    comment: z.string().trim().max(COMMENT_MAX_CHARS).default(""),
  });
export type AnswerInput = z.infer<typeof AnswerInputSchema>;

export const AnsweredSchema = z.object({ message: Bilingual });
