import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import type { Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import { TenderParamsSchema } from "../tenders/participation.schemas.js";
import { publicationContext } from "../tenders/publication-context.js";
import { answerAppeal, fileAppeal, publicAppeals } from "./appeal.service.js";
import { AppealInputSchema, AppealListSchema, ContractInputSchema, ContractSchema, FailureInputSchema, FailureSchema, RetenderSchema } from "./closing.schemas.js";
import { publicContract, recordContract } from "./contract.service.js";
import { createRetender, declareFailure, publicFailure } from "./failure.service.js";

/** The end of a tender: a failed tender and its re-tender, sanggah banding, and the signed contract. */
export function closingRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  app.post(
    "/api/v1/tenders/:tenderCode/failure",
    {
      schema: {
        tags: ["award"],
        summary: "Declare the tender failed (committee; from the bid opening until the SPPBJ stage; public)",
        params: TenderParamsSchema,
        body: FailureInputSchema,
        response: { 201: FailureSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await declareFailure(db, requireActor(request), request.params.tenderCode, request.body, deps.clock.now(), publicationContext(deps.config))),
  );

  app.get(
    "/api/v1/public/tenders/:tenderCode/failure",
    { schema: { tags: ["public"], summary: "Why the tender failed (public)", params: TenderParamsSchema, response: { 200: FailureSchema } } },
    async (request) => publicFailure(db, request.params.tenderCode),
  );

  app.post(
    "/api/v1/tenders/:tenderCode/retender",
    { schema: { tags: ["award"], summary: "Re-tender a failed tender: a new draft package with the same lines (the package's PPK)", params: TenderParamsSchema, response: { 201: RetenderSchema } } },
    async (request, reply) => reply.status(201).send(await createRetender(db, requireActor(request), request.params.tenderCode, deps.clock.now())),
  );

  app.post(
    "/api/v1/tenders/:tenderCode/objections/:objectionId/appeal",
    {
      schema: {
        tags: ["award"],
        summary: "File a sanggah banding against the answer to one's sanggah (construction only; guarantee of at least 1 % of the HPS; public)",
        params: TenderParamsSchema.extend({ objectionId: z.uuid() }),
        body: AppealInputSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await fileAppeal(db, requireActor(request), request.params.tenderCode, request.params.objectionId, request.body, deps.clock.now())),
  );

  app.post(
    "/api/v1/tenders/:tenderCode/appeals/:appealId/answer",
    {
      schema: {
        tags: ["award"],
        summary: "Answer a sanggah banding (the PA/KPA of the package's agency; public)",
        params: TenderParamsSchema.extend({ appealId: z.uuid() }),
        body: z.strictObject({ answer: z.string().trim().min(20).max(10_000) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await answerAppeal(db, requireActor(request), request.params.tenderCode, request.params.appealId, request.body.answer, deps.clock.now());
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/public/tenders/:tenderCode/appeals",
    { schema: { tags: ["public"], summary: "Sanggah banding filed in a tender, with their guarantees and answers (public)", params: TenderParamsSchema, response: { 200: AppealListSchema } } },
    async (request) => publicAppeals(db, request.params.tenderCode),
  );

  app.post(
    "/api/v1/tenders/:tenderCode/contract",
    {
      schema: {
        tags: ["award"],
        summary: "Record the signed contract (the package's PPK, during Penandatanganan Kontrak; at most the award value; public)",
        params: TenderParamsSchema,
        body: ContractInputSchema,
        response: { 201: ContractSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await recordContract(db, requireActor(request), request.params.tenderCode, request.body, deps.clock.now(), publicationContext(deps.config))),
  );

  app.get(
    "/api/v1/public/tenders/:tenderCode/contract",
    { schema: { tags: ["public"], summary: "The signed contract: number, value, dates (public)", params: TenderParamsSchema, response: { 200: ContractSchema } } },
    async (request) => publicContract(db, request.params.tenderCode),
  );
}
