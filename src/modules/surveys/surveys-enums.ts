/** The enumerations of the surveys module without Zod, so the web app shares them. */
export { IKM_CATEGORY_MIN, SCORE_MAX, SCORE_MIN, UNSUR, type Unsur } from "./surveys.ikm.js";

export const SURVEY_STATUSES = ["draft", "open", "closed"] as const;
export const IMPROVEMENT_STATUSES = ["received", "under_review", "planned", "declined", "done"] as const;
