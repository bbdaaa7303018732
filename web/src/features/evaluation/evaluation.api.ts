import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { FINDING_STAGES, type FindingStage } from "../../../../src/modules/evaluation/evaluation.rules.js";
import { api, isApiError } from "../../lib/api";
import { isOneOf, SCORED_EVALUATION_METHODS, WEIGHTED_EVALUATION_METHODS } from "../packages/packages.api";

export { FINDING_STAGES, type FindingStage };

/*
 * The evaluation after the opening, by the package's method: the committee's findings per bidder and stage
 * (the teknis one with its score under the scored methods), the ranking, the winner, and the public
 * results once the winner is named. Scores are decimal strings, points from 0 to 100.
 */

const FindingSchema = z.nullable(z.object({ passed: z.boolean(), reason: z.string(), score: z.nullable(z.string()), evaluatedAt: z.string() }));
export type Finding = z.infer<typeof FindingSchema>;

const BidderSchema = z.object({
  vendorId: z.string(),
  vendorName: z.string(),
  opened: z.boolean(),
  openingError: z.nullable(z.string()),
  offer: z.nullable(z.string()),
  corrected: z.nullable(z.string()),
  correctionProblem: z.nullable(z.string()),
  price: z.nullable(z.object({ passed: z.boolean(), aboveHps: z.boolean(), needsClarification: z.boolean() })),
  findings: z.object({ administrasi: FindingSchema, teknis: FindingSchema, kualifikasi: FindingSchema }),
  passed: z.boolean(),
  qualification: z.object({ verified: z.boolean(), kbliMatch: z.boolean(), validLicences: z.number() }),
  technicalScore: z.nullable(z.string()),
  priceScore: z.nullable(z.string()),
  combinedScore: z.nullable(z.string()),
  rank: z.nullable(z.number()),
});
export type EvaluatedBidder = z.infer<typeof BidderSchema>;

const EvaluationSchema = z.object({
  tenderCode: z.string(),
  evaluationMethod: z.string(),
  technicalWeight: z.nullable(z.number()),
  scored: z.boolean(),
  hps: z.string(),
  pagu: z.string(),
  winnerVendorId: z.nullable(z.string()),
  bidders: z.array(BidderSchema),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

const ResultsSchema = z.object({
  tenderCode: z.string(),
  evaluationMethod: z.string(),
  technicalWeight: z.nullable(z.number()),
  determinedAt: z.string(),
  winner: z.string(),
  bidders: z.array(
    z.object({
      vendorName: z.string(),
      offer: z.nullable(z.string()),
      corrected: z.nullable(z.string()),
      administrasi: z.nullable(z.boolean()),
      teknis: z.nullable(z.boolean()),
      kualifikasi: z.nullable(z.boolean()),
      harga: z.nullable(z.boolean()),
      technicalScore: z.nullable(z.string()),
      priceScore: z.nullable(z.string()),
      combinedScore: z.nullable(z.string()),
      reasons: z.array(z.string()),
      rank: z.nullable(z.number()),
      winner: z.boolean(),
    }),
  ),
});
export type Results = z.infer<typeof ResultsSchema>;

/** The methods ranking on a weighted total show the price and final scores too. */
export const hasCombinedScore = (evaluationMethod: string) => isOneOf(WEIGHTED_EVALUATION_METHODS, evaluationMethod);
/** The methods whose teknis finding carries a score. */
export const hasTechnicalScore = (evaluationMethod: string) => isOneOf(SCORED_EVALUATION_METHODS, evaluationMethod);

/** A score ("87.50") as the language writes it: "87,50" in Indonesian. */
export function formatScore(score: string | null, language: "id" | "en", none: string): string {
  if (score === null) return none;
  return language === "id" ? score.replace(".", ",") : score;
}

const evaluationKey = (code: string) => ["tenders", code, "evaluation"] as const;
/** "public" first: public data stays cached across logout (see auth.api.ts). */
export const resultsKey = (code: string) => ["public", "tender", code, "results"] as const;
const actionPath = (code: string) => `/api/v1/tenders/${encodeURIComponent(code)}`;

/** A 404 is an answer here ("not yet"), not an error. */
export async function orNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** Every opened bid with its corrected price, the findings and the ranking (committee, after the opening). */
export function useEvaluation(code: string, enabled: boolean) {
  return useQuery({ queryKey: evaluationKey(code), queryFn: () => api.get(`${actionPath(code)}/evaluation`, EvaluationSchema), enabled });
}

/** Records one finding; the server answers with the whole evaluation (the ranking may change). */
export function useRecordFinding(code: string, vendorId: string, stage: FindingStage) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { passed: boolean; reason: string; score?: string }) => api.put(`${actionPath(code)}/evaluation/${encodeURIComponent(vendorId)}/${stage}`, EvaluationSchema, input),
    onSuccess: (evaluation) => queryClient.setQueryData(evaluationKey(code), evaluation),
  });
}

/** Names the first in the ranking as the winner (the results become public at once), or proposes it to the PA/KPA above the ceilings. */
export function useDetermineWinner(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${actionPath(code)}/winner`, EvaluationSchema),
    onSuccess: async (evaluation) => {
      queryClient.setQueryData(evaluationKey(code), evaluation);
      // Above the ceilings the answer is a proposal to the PA/KPA, not a winner.
      await queryClient.invalidateQueries({ queryKey: ["tenders", code, "winner"] });
      return queryClient.invalidateQueries({ queryKey: resultsKey(code) });
    },
  });
}

/** The public evaluation results, or null until the winner is named. */
export function useResults(code: string, enabled: boolean) {
  return useQuery({
    queryKey: resultsKey(code),
    queryFn: () => orNull(() => api.get(`/api/v1/public/tenders/${encodeURIComponent(code)}/results`, ResultsSchema)),
    enabled,
    // Until the committee names the winner, look again now and then; the results never change afterwards.
    refetchInterval: (query) => (query.state.data ? false : 60_000),
  });
}
