/** Tables of the surveys and improvement requests (LPSE standard 15). Part of the `DB` type in schema.ts. */

export type SurveyStatus = "draft" | "open" | "closed";

/** A satisfaction survey; `questions` is a JSON array of { unsur, text }. */
export interface SurveysTable {
  id: string;
  title: string;
  period_from: string;
  period_to: string;
  questions: string;
  status: SurveyStatus;
  /** How many invitations were sent (0 while a draft). */
  recipients: number;
  created_by: string;
  created_at: string;
  sent_at: string | null;
  closed_at: string | null;
}

/** One recipient's single-use link: only the SHA-256 of the token is stored; no time, so it cannot be matched to an answer. */
export interface SurveyInvitationsTable {
  id: string;
  survey_id: string;
  user_id: string;
  token_hash: string;
  answered: number;
}

/** One anonymous answer: `scores` is a JSON array of 1–4, one per question in order. */
export interface SurveyResponsesTable {
  id: string;
  survey_id: string;
  scores: string;
  comment: string;
}

export type ImprovementStatus = "received" | "under_review" | "planned" | "declined" | "done";

/** An improvement request (usulan perbaikan) from a user; `response` is what the requester is told. */
export interface ImprovementRequestsTable {
  id: string;
  title: string;
  description: string;
  requester_id: string;
  status: ImprovementStatus;
  response: string | null;
  created_at: string;
  updated_at: string;
}
