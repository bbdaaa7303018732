import { z } from "zod";
import { findShare } from "../bids/bids.repository.js";
import type { AppDeps } from "../../server/app.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { authorize, type Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import { isCommitteeMember } from "../packages/assignment.repository.js";
import { publicationContext } from "./publication-context.js";
import { canRunSelection } from "./tenders.policy.js";
import {
  AddendumInputSchema,
  AnswerInputSchema,
  DocumentListSchema,
  ParticipantListSchema,
  QuestionInputSchema,
  QuestionListSchema,
  QuestionParamsSchema,
  TenderParamsSchema,
} from "./participation.schemas.js";
import * as repo from "./participation.repository.js";
import { answerQuestion, askQuestion, joinTender, loadTender, publishAddendum } from "./participation.service.js";

export function participationRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  /** The tender, and 403 unless the caller sits on its committee. */
  const asCommittee = async (actor: Actor, tenderCode: string) => {
    const tender = await loadTender(db, tenderCode);
    authorize(canRunSelection(actor, { isCommitteeMember: await isCommitteeMember(db, tender.id, actor.id) }));
    return tender;
  };

  app.post(
    "/api/v1/tenders/:tenderCode/participation",
    { schema: { tags: ["tenders"], summary: "Join a tender (a verified vendor)", params: TenderParamsSchema, response: { 200: z.object({ joined: z.boolean() }) } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor.role === "vendor");
      return joinTender(db, actor, request.params.tenderCode, deps.clock.now());
    },
  );

  app.get(
    "/api/v1/tenders/:tenderCode/viewer",
    {
      schema: {
        tags: ["tenders"],
        summary: "The caller's place in a tender: participant, committee member, holder of the escrow share of its key (what the announcement page offers)",
        params: TenderParamsSchema,
        response: { 200: z.object({ participant: z.boolean(), committee: z.boolean(), escrowHolder: z.boolean() }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const tender = await loadTender(db, request.params.tenderCode);
      const participant = actor.vendorId !== null && (await repo.findParticipant(db, tender.id, actor.vendorId)) !== undefined;
      const escrowHolder = actor.role === "kepala_lpse" && (await findShare(db, tender.id, actor.id)) !== undefined;
      return { participant, committee: await isCommitteeMember(db, tender.id, actor.id), escrowHolder };
    },
  );

  app.get(
    "/api/v1/public/tenders/:tenderCode/participants",
    { schema: { tags: ["public"], summary: "Vendors taking part in a tender (public)", params: TenderParamsSchema, response: { 200: ParticipantListSchema } } },
    async (request) => {
      const tender = await loadTender(db, request.params.tenderCode);
      return { items: (await repo.listParticipants(db, tender.id)).map((p) => ({ name: p.name, joinedAt: p.joined_at })) };
    },
  );

  app.get(
    "/api/v1/public/tenders/:tenderCode/questions",
    { schema: { tags: ["public"], summary: "Clarification questions and answers (public; askers are not named)", params: TenderParamsSchema, response: { 200: QuestionListSchema } } },
    async (request) => {
      const tender = await loadTender(db, request.params.tenderCode);
      const vendorId = request.actor?.vendorId ?? null;
      const rows = await repo.listQuestions(db, tender.id);
      return { items: rows.map((q) => ({ id: q.id, question: q.question, askedAt: q.asked_at, answer: q.answer, answeredAt: q.answered_at, mine: vendorId !== null && q.vendor_id === vendorId })) };
    },
  );

  app.post(
    "/api/v1/tenders/:tenderCode/questions",
    { schema: { tags: ["tenders"], summary: "Ask a clarification question (a participant, during Pemberian Penjelasan)", params: TenderParamsSchema, body: QuestionInputSchema, response: { 201: z.object({ id: z.string() }) } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor.role === "vendor");
      const id = await askQuestion(db, actor, request.params.tenderCode, request.body.question, deps.clock.now());
      return reply.status(201).send({ id });
    },
  );

  app.post(
    "/api/v1/tenders/:tenderCode/questions/:questionId/answer",
    { schema: { tags: ["tenders"], summary: "Answer a question publicly (the Pokja)", params: QuestionParamsSchema, body: AnswerInputSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await asCommittee(actor, request.params.tenderCode);
      await answerQuestion(db, actor, request.params.tenderCode, request.params.questionId, request.body.answer, deps.clock.now(), publicationContext(deps.config));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/tenders/:tenderCode/addenda",
    { schema: { tags: ["tenders"], summary: "Issue an addendum: a new version of the tender document (the Pokja)", params: TenderParamsSchema, body: AddendumInputSchema, response: { 201: z.object({ id: z.string(), version: z.number().int() }) } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await asCommittee(actor, request.params.tenderCode);
      return reply.status(201).send(await publishAddendum(db, actor, request.params.tenderCode, request.body, deps.clock.now(), publicationContext(deps.config)));
    },
  );

  app.get(
    "/api/v1/tenders/:tenderCode/documents",
    { schema: { tags: ["tenders"], summary: "Tender document versions and addenda (participants and the committee)", params: TenderParamsSchema, response: { 200: DocumentListSchema } } },
    async (request) => {
      const actor = requireActor(request);
      const tender = await loadTender(db, request.params.tenderCode);
      const participant = actor.vendorId !== null && (await repo.findParticipant(db, tender.id, actor.vendorId)) !== undefined;
      const member = await isCommitteeMember(db, tender.id, actor.id);
      if (!participant && !member && !["admin_ppe", "auditor"].includes(actor.role)) {
        throw new AppError("FORBIDDEN", { id: "Dokumen tender untuk peserta: daftar sebagai peserta terlebih dahulu", en: "Tender documents are for participants: join the tender first" });
      }
      const rows = await repo.listDocuments(db, tender.id);
      return { items: rows.map((d) => ({ id: d.id, version: d.version, kind: d.kind, title: d.title, content: d.content, publishedAt: d.published_at })) };
    },
  );
}
