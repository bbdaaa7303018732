/** The end of a tender's vocabulary, dependency-free so the announcement page uses the server's own list. */

/** Grounds for a failed tender (Perpres 16/2018 art. 51, among others). */
export const FAILURE_REASONS = ["no_bids", "none_passed", "all_above_hps", "collusion", "evaluation_error"] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];
