import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import type { Api } from "../../server/http.js";
import { bilingual } from "../../server/validation.js";
import { requireActor } from "../auth/session.hook.js";
import { TenderParamsSchema } from "../tenders/participation.schemas.js";
import { publicationContext } from "../tenders/publication-context.js";
import { FINDING_STAGES, parseScore } from "./evaluation.rules.js";
import { committeeEvaluation, publicResults, recordFinding } from "./evaluation.service.js";
import { determineWinner } from "./winner.service.js";

const Finding = z.object({ passed: z.boolean(), reason: z.string(), score: z.string().nullable(), evaluatedAt: z.string() }).nullable();
const Score = z.string().nullable().describe("Points from 0 to 100, decimal string with at most 2 decimals");

const BidderSchema = z.object({
  vendorId: z.string(),
  vendorName: z.string(),
  opened: z.boolean(),
  openingError: z.string().nullable(),
  offer: z.string().nullable(),
  corrected: z.string().nullable(),
  correctionProblem: z.string().nullable(),
  price: z.object({ passed: z.boolean(), aboveHps: z.boolean(), needsClarification: z.boolean() }).nullable(),
  findings: z.object({ administrasi: Finding, teknis: Finding, kualifikasi: Finding }),
  passed: z.boolean(),
  qualification: z.object({ verified: z.boolean(), kbliMatch: z.boolean(), validLicences: z.number().int() }),
  technicalScore: Score,
  priceScore: Score.describe("100 × the lowest corrected price ÷ this one (sistem nilai, kualitas dan biaya)"),
  combinedScore: Score.describe("technical weight × technical score + price weight × price score, on 0-100 (sistem nilai, kualitas dan biaya)"),
  rank: z.number().int().nullable(),
});

const EvaluationSchema = z
  .object({
    tenderCode: z.string(),
    evaluationMethod: z.string(),
    technicalWeight: z.number().int().nullable(),
    /** Whether the teknis finding carries a score under this method. */
    scored: z.boolean(),
    hps: z.string(),
    pagu: z.string(),
    winnerVendorId: z.string().nullable(),
    bidders: z.array(BidderSchema),
  })
  .meta({ id: "Evaluation" });

const PublicResultsSchema = z
  .object({
    tenderCode: z.string(),
    evaluationMethod: z.string(),
    technicalWeight: z.number().int().nullable(),
    determinedAt: z.string(),
    winner: z.string(),
    bidders: z.array(
      z.object({
        vendorName: z.string(),
        offer: z.string().nullable(),
        corrected: z.string().nullable(),
        administrasi: z.boolean().nullable(),
        teknis: z.boolean().nullable(),
        kualifikasi: z.boolean().nullable(),
        harga: z.boolean().nullable(),
        technicalScore: Score,
        priceScore: Score,
        combinedScore: Score,
        reasons: z.array(z.string()),
        rank: z.number().int().nullable(),
        winner: z.boolean(),
      }),
    ),
  })
  .meta({ id: "EvaluationResults" });

const FindingParams = TenderParamsSchema.extend({ vendorId: z.uuid(), stage: z.enum(FINDING_STAGES) });

/** A technical score: 0 to 100 points, at most two decimals, as a decimal string (exact). */
const ScoreInputSchema = z.string().refine((v) => parseScore(v) !== null, {
  message: bilingual("nilai 0-100, paling banyak 2 desimal (mis. 87.5)", "a score from 0 to 100, at most 2 decimals (e.g. 87.5)"),
});

/**
 * A failed stage needs its reason (it is published); a pass may say what was checked. The score goes with
 * the teknis finding of the scored methods (checked against the package's method by the service).
 */
const FindingInputSchema = z
  .strictObject({ passed: z.boolean(), reason: z.string().trim().max(2000), score: ScoreInputSchema.optional() })
  .refine((f) => f.passed || f.reason.length >= 10, { path: ["reason"], message: bilingual("alasan gugur minimal 10 karakter", "a failure needs a reason of at least 10 characters") });

/** Evaluation per the package's method: findings and technical scores, arithmetic correction, ranking, winner, public results. */
export function evaluationRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  app.get(
    "/api/v1/tenders/:tenderCode/evaluation",
    { schema: { tags: ["evaluation"], summary: "Every opened bid with its corrected price, the findings per stage and the ranking (committee)", params: TenderParamsSchema, response: { 200: EvaluationSchema } } },
    async (request) => committeeEvaluation(db, requireActor(request), request.params.tenderCode, deps.clock.now()),
  );

  app.put(
    "/api/v1/tenders/:tenderCode/evaluation/:vendorId/:stage",
    {
      schema: {
        tags: ["evaluation"],
        summary: "Record the administrative, technical (with its score under the scored methods) or qualification finding for one bidder (committee, during Evaluasi or Pembuktian)",
        params: FindingParams,
        body: FindingInputSchema,
        response: { 200: EvaluationSchema },
      },
    },
    async (request) => recordFinding(db, requireActor(request), request.params.tenderCode, request.params.vendorId, request.params.stage, request.body, deps.clock.now()),
  );

  app.post(
    "/api/v1/tenders/:tenderCode/winner",
    { schema: { tags: ["evaluation"], summary: "Name the winner: the first in the ranking (committee, during Penetapan Pemenang); above the PA/KPA ceilings, propose it to the PA/KPA instead", params: TenderParamsSchema, response: { 200: EvaluationSchema } } },
    async (request) => determineWinner(db, requireActor(request), request.params.tenderCode, deps.clock.now(), publicationContext(deps.config)),
  );

  app.get(
    "/api/v1/public/tenders/:tenderCode/results",
    { schema: { tags: ["public"], summary: "The evaluation results once the winner is named: per bidder offer, corrected offer, pass/fail per stage, rank", params: TenderParamsSchema, response: { 200: PublicResultsSchema } } },
    async (request) => publicResults(db, request.params.tenderCode, deps.clock.now()),
  );
}
