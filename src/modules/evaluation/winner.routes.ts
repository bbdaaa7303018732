import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import type { Api } from "../../server/http.js";
import { bilingual } from "../../server/validation.js";
import { requireActor } from "../auth/session.hook.js";
import { TenderParamsSchema } from "../tenders/participation.schemas.js";
import { publicationContext } from "../tenders/publication-context.js";
import { decideWinner, winnerProposals } from "./winner.service.js";

const ProposalsSchema = z
  .object({
    tenderCode: z.string(),
    authority: z.enum(["pokja", "pa_kpa"]).describe("Who names the winner: the PA/KPA above the pagu ceilings (procurementRules), the Pokja up to them"),
    pagu: z.string(),
    canDecide: z.boolean().describe("The caller is the agency's PA/KPA"),
    items: z.array(
      z.object({
        id: z.string(),
        vendorId: z.string(),
        vendorName: z.string(),
        corrected: z.string(),
        proposedAt: z.string(),
        decision: z.enum(["named", "returned"]).nullable(),
        reason: z.string().nullable(),
        decidedAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "WinnerProposals" });

/** Returning a proposal needs its reason; naming the winner may carry a note. */
export const WinnerDecisionInputSchema = z
  .strictObject({ decision: z.enum(["named", "returned"]), reason: z.string().trim().max(2000) })
  .refine((d) => d.decision === "named" || d.reason.length >= 10, { path: ["reason"], message: bilingual("alasan pengembalian minimal 10 karakter", "returning the proposal needs a reason of at least 10 characters") });

/** Above the ceilings: the committee's proposal of the winner (usulan penetapan pemenang) and the PA/KPA's decision. */
export function winnerRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  app.get(
    "/api/v1/tenders/:tenderCode/winner/proposals",
    { schema: { tags: ["evaluation"], summary: "Who names the winner, and the committee's proposals with the PA/KPA's decisions (committee, the agency's PPK and PA/KPA, auditors)", params: TenderParamsSchema, response: { 200: ProposalsSchema } } },
    async (request) => winnerProposals(db, requireActor(request), request.params.tenderCode),
  );

  app.post(
    "/api/v1/tenders/:tenderCode/winner/decision",
    {
      schema: {
        tags: ["evaluation"],
        summary: "Name the proposed winner or return the proposal with a reason (the PA/KPA of the package's agency, during Penetapan Pemenang; the committee is notified)",
        params: TenderParamsSchema,
        body: WinnerDecisionInputSchema,
        response: { 200: ProposalsSchema },
      },
    },
    async (request) => decideWinner(db, requireActor(request), request.params.tenderCode, request.body, deps.clock.now(), publicationContext(deps.config)),
  );
}
