import type { AppDeps } from "../../server/app.js";
import { authorize, type Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import * as service from "./articles.service.js";
import { canManageTickets } from "./helpdesk.policy.js";
import { presentArticle } from "./helpdesk.presenter.js";
import { listArticles } from "./helpdesk.repository.js";
import { ArticleInputSchema, ArticleListSchema, ArticleParamsSchema, ArticleQuerySchema, ArticleSchema } from "./helpdesk.schemas.js";

const tags = ["helpdesk"];

/** The knowledge base (FAQ): published articles are public; helpdesk staff write and see drafts. */
export function articleRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;
  const isEditor = (request: { actor: import("../../server/actor.js").Actor | null }) => request.actor !== null && canManageTickets(request.actor);

  app.get("/api/v1/helpdesk/articles", { schema: { tags, summary: "Knowledge-base articles (public: published only); search by words or category", querystring: ArticleQuerySchema, response: { 200: ArticleListSchema } } }, async (request) => {
    const drafts = request.query.drafts === "true";
    if (drafts) authorize(canManageTickets(requireActor(request)));
    const rows = await listArticles(db, { includeDrafts: drafts, q: request.query.q, category: request.query.category });
    return { items: rows.map(presentArticle) };
  });

  app.get("/api/v1/helpdesk/articles/:articleId", { schema: { tags, summary: "One knowledge-base article", params: ArticleParamsSchema, response: { 200: ArticleSchema } } }, async (request) =>
    presentArticle(await service.getArticle(db, request.params.articleId, isEditor(request))),
  );

  app.post("/api/v1/helpdesk/articles", { schema: { tags, summary: "Write a knowledge-base article", body: ArticleInputSchema, response: { 201: ArticleSchema } } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(canManageTickets(actor));
    return reply.status(201).send(presentArticle(await service.createArticle(db, actor, request.body, deps.clock.now())));
  });

  app.put("/api/v1/helpdesk/articles/:articleId", { schema: { tags, summary: "Edit, publish or unpublish an article", params: ArticleParamsSchema, body: ArticleInputSchema, response: { 200: ArticleSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(canManageTickets(actor));
    return presentArticle(await service.updateArticle(db, actor, request.params.articleId, request.body, deps.clock.now()));
  });
}
