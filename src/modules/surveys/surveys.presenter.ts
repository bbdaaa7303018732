import type { Actor } from "../../server/actor.js";
import { computeIkm } from "./surveys.ikm.js";
import { canManageSurveys } from "./surveys.policy.js";
import type * as repo from "./surveys.repository.js";
import type { Survey, SurveySummary } from "./surveys.schemas.js";
import { questionsOf } from "./surveys.service.js";

export function presentSurveySummary(row: repo.SurveyRow, responses: number): SurveySummary {
  return {
    id: row.id,
    title: row.title,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    status: row.status,
    recipients: row.recipients,
    responses,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    closedAt: row.closed_at,
  };
}

/** Results: counts, rate, NRR per question, IKM and comments; nothing that names a respondent. */
export function presentSurvey(row: repo.SurveyRow, answers: { scores: string; comment: string }[], actor: Actor): Survey {
  const questions = questionsOf(row);
  const { averages, ikm, category } = computeIkm(questions.length, answers.map((a) => JSON.parse(a.scores) as number[]));
  const manage = canManageSurveys(actor);
  return {
    ...presentSurveySummary(row, answers.length),
    questions,
    responseRate: row.recipients > 0 ? Math.round((answers.length / row.recipients) * 1000) / 1000 : null,
    averages,
    ikm,
    category,
    // Sorted, so the order of comments cannot be matched to the order of answers.
    comments: answers.map((a) => a.comment).filter((c) => c.length > 0).sort((a, b) => a.localeCompare(b)),
    policies: { send: manage && row.status === "draft", close: manage && row.status === "open" },
  };
}
