import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import type { Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import { TenderParamsSchema } from "../tenders/participation.schemas.js";
import { publicationContext } from "../tenders/publication-context.js";
import { answerObjection, fileObjection, issueAward, publicAward, publicObjections } from "./award.service.js";

const ObjectionListSchema = z
  .object({ items: z.array(z.object({ id: z.string(), vendorName: z.string(), text: z.string(), filedAt: z.string(), answer: z.string().nullable(), answeredAt: z.string().nullable(), mine: z.boolean() })) })
  .meta({ id: "Objections" });
const AwardSchema = z.object({ tenderCode: z.string(), letterNumber: z.string(), vendorName: z.string(), value: z.string(), issuedAt: z.string() }).meta({ id: "Award" });

/** Sanggah (objections to the winner) with their answers, and the SPPBJ. */
export function awardRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  app.post(
    "/api/v1/tenders/:tenderCode/objections",
    {
      schema: {
        tags: ["award"],
        summary: "File a sanggah (a bidder whose bid was opened, during Masa Sanggah; one per bidder, public)",
        params: TenderParamsSchema,
        body: z.strictObject({ text: z.string().trim().min(20).max(10_000) }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await fileObjection(db, requireActor(request), request.params.tenderCode, request.body.text, deps.clock.now())),
  );

  app.post(
    "/api/v1/tenders/:tenderCode/objections/:objectionId/answer",
    {
      schema: {
        tags: ["award"],
        summary: "Answer a sanggah (committee; within the days the settings allow after the objection period); the bidder is notified",
        params: TenderParamsSchema.extend({ objectionId: z.uuid() }),
        body: z.strictObject({ answer: z.string().trim().min(20).max(10_000) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await answerObjection(db, requireActor(request), request.params.tenderCode, request.params.objectionId, request.body.answer, deps.clock.now(), publicationContext(deps.config));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/public/tenders/:tenderCode/objections",
    { schema: { tags: ["public"], summary: "Sanggah filed in a tender, with their answers (public; `mine` marks the calling vendor's own)", params: TenderParamsSchema, response: { 200: ObjectionListSchema } } },
    async (request) => publicObjections(db, request.params.tenderCode, request.actor?.vendorId ?? null),
  );

  app.post(
    "/api/v1/tenders/:tenderCode/award",
    {
      schema: {
        tags: ["award"],
        summary: "Issue the SPPBJ to the winner (the package's PPK, during the SPPBJ stage, once every sanggah is answered)",
        params: TenderParamsSchema,
        body: z.strictObject({ letterNumber: z.string().trim().min(3).max(100) }),
        response: { 201: AwardSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueAward(db, requireActor(request), request.params.tenderCode, request.body.letterNumber, deps.clock.now(), publicationContext(deps.config))),
  );

  app.get(
    "/api/v1/public/tenders/:tenderCode/award",
    { schema: { tags: ["public"], summary: "The award letter (SPPBJ): provider, value, number, date (public)", params: TenderParamsSchema, response: { 200: AwardSchema } } },
    async (request) => publicAward(db, request.params.tenderCode),
  );
}
