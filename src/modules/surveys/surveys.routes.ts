import type { AppDeps } from "../../server/app.js";
import type { Actor } from "../../server/actor.js";
import { authorize, type Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import { presentImprovement } from "./improvements.presenter.js";
import { ImprovementInputSchema, ImprovementListSchema, ImprovementParamsSchema, ImprovementSchema, ImprovementStatusInputSchema } from "./improvements.schemas.js";
import * as improvements from "./improvements.service.js";
import { SCORE_MAX, SCORE_MIN } from "./surveys.ikm.js";
import { canFileImprovement, canManageSurveys, canReadAllImprovements, canReadSurveys, canTriageImprovements } from "./surveys.policy.js";
import { presentSurvey, presentSurveySummary } from "./surveys.presenter.js";
import * as repo from "./surveys.repository.js";
import { AnsweredSchema, AnswerInputSchema, SendInputSchema, SurveyFormSchema, SurveyInputSchema, SurveyListSchema, SurveyParamsSchema, SurveySchema, TokenQuerySchema } from "./surveys.schemas.js";
import * as service from "./surveys.service.js";

/** Look-ups and answers by link per client address: enough for a household, too few to guess tokens. */
const FORM_RATE_LIMIT = { max: 30, timeWindow: "10 minutes" } as const;

const tags = ["surveys"];

/** Satisfaction surveys and improvement requests (LPSE standard 15). */
export function surveyRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;
  const reader = (request: Parameters<typeof requireActor>[0]): Actor => {
    const actor = requireActor(request);
    authorize(canReadSurveys(actor));
    return actor;
  };
  const manager = (request: Parameters<typeof requireActor>[0]): Actor => {
    const actor = requireActor(request);
    authorize(canManageSurveys(actor));
    return actor;
  };
  const surveyOut = async (actor: Actor, id: string) => presentSurvey(await service.loadSurvey(db, id), await repo.listResponses(db, id), actor);

  app.get("/api/v1/surveys", { schema: { tags, summary: "Satisfaction surveys with their response counts", response: { 200: SurveyListSchema } } }, async (request) => {
    const actor = reader(request);
    const rows = await repo.listSurveys(db);
    const counts = await repo.countResponses(db, rows.map((r) => r.id));
    return { items: rows.map((r) => presentSurveySummary(r, counts.get(r.id) ?? 0)), policies: { create: canManageSurveys(actor) } };
  });

  app.post("/api/v1/surveys", { schema: { tags, summary: "Create a draft satisfaction survey (IKM unsur on a 1–4 scale)", body: SurveyInputSchema, response: { 201: SurveySchema } } }, async (request, reply) => {
    const actor = manager(request);
    return reply.status(201).send(await surveyOut(actor, await service.createSurvey(deps, actor, request.body)));
  });

  app.get("/api/v1/surveys/:surveyId", { schema: { tags, summary: "A survey's results: responses, rate, average per question, IKM and category, comments (anonymous)", params: SurveyParamsSchema, response: { 200: SurveySchema } } }, async (request) => {
    return surveyOut(reader(request), request.params.surveyId);
  });

  app.post("/api/v1/surveys/:surveyId/send", { schema: { tags, summary: "Send a draft to every active vendor and/or staff role, one single-use link each", params: SurveyParamsSchema, body: SendInputSchema, response: { 200: SurveySchema } } }, async (request) => {
    const actor = manager(request);
    await service.sendSurvey(deps, actor, request.params.surveyId, request.body);
    return surveyOut(actor, request.params.surveyId);
  });

  app.post("/api/v1/surveys/:surveyId/close", { schema: { tags, summary: "Close an open survey: its links stop working", params: SurveyParamsSchema, response: { 200: SurveySchema } } }, async (request) => {
    const actor = manager(request);
    await service.closeSurvey(deps, actor, request.params.surveyId);
    return surveyOut(actor, request.params.surveyId);
  });

  app.get(
    "/api/v1/survey-form",
    { config: { rateLimit: FORM_RATE_LIMIT }, schema: { tags, summary: "The questions behind a personal survey link (no account needed)", querystring: TokenQuerySchema, response: { 200: SurveyFormSchema } } },
    async (request) => ({ ...(await service.formFor(deps, request.query.token)), scale: { min: SCORE_MIN, max: SCORE_MAX } }),
  );

  app.post(
    "/api/v1/survey-form",
    { config: { rateLimit: FORM_RATE_LIMIT }, schema: { tags, summary: "Answer a survey with a personal link; the answer is anonymous and the link is spent", body: AnswerInputSchema, response: { 201: AnsweredSchema } } },
    async (request, reply) => {
      await service.answer(deps, request.body);
      return reply.status(201).send({ message: { id: "Terima kasih, jawaban Anda sudah tercatat.", en: "Thank you, your answer has been recorded." } });
    },
  );

  // ---- improvement requests (usulan perbaikan)

  app.get("/api/v1/improvement-requests", { schema: { tags, summary: "Improvement requests: every one for staff, one's own for anyone else", response: { 200: ImprovementListSchema } } }, async (request) => {
    const actor = requireActor(request);
    const rows = await repo.listImprovements(db, canReadAllImprovements(actor) ? undefined : actor.id);
    return { items: rows.map((r) => presentImprovement(r, actor)), policies: { triage: canTriageImprovements(actor) } };
  });

  app.post("/api/v1/improvement-requests", { schema: { tags, summary: "File an improvement request (any signed-in user, vendors included)", body: ImprovementInputSchema, response: { 201: ImprovementSchema } } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(canFileImprovement(actor));
    const id = await improvements.fileImprovement(deps, actor, request.body);
    return reply.status(201).send(presentImprovement(await improvements.loadVisibleImprovement(db, actor, id), actor));
  });

  app.get("/api/v1/improvement-requests/:requestId", { schema: { tags, summary: "One improvement request (staff, or its own requester)", params: ImprovementParamsSchema, response: { 200: ImprovementSchema } } }, async (request) => {
    const actor = requireActor(request);
    return presentImprovement(await improvements.loadVisibleImprovement(db, actor, request.params.requestId), actor);
  });

  app.post("/api/v1/improvement-requests/:requestId/status", { schema: { tags, summary: "Triage: move the request on with the response the requester reads (a reason when declining)", params: ImprovementParamsSchema, body: ImprovementStatusInputSchema, response: { 200: ImprovementSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(canTriageImprovements(actor));
    await improvements.changeImprovementStatus(deps, actor, request.params.requestId, request.body);
    return presentImprovement(await improvements.loadVisibleImprovement(db, actor, request.params.requestId), actor);
  });
}
