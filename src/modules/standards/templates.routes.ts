import type { AppDeps } from "../../server/app.js";
import { AppError } from "../../server/errors.js";
import { authorize, type Api } from "../../server/http.js";
import { safeFileName, storeCheckedDocument, uploadStream } from "../../storage/checked-upload.js";
import { requireActor } from "../auth/session.hook.js";
import { DEFAULT_UPLOAD_LIMITS } from "../settings/settings.schemas.js";
import { getSettings } from "../settings/settings.service.js";
import { canCompare, canManagePeers } from "./peers.policy.js";
import * as repo from "./templates.repository.js";
import { CopiedTemplateSchema, CopyTemplateSchema, PublishTemplateQuerySchema, TemplateListSchema, TemplateParamsSchema, TemplateSchema, type TemplateView } from "./templates.schemas.js";
import * as service from "./templates.service.js";

const tags = ["standards"];
/** Templates are documents and scans, like evidence. */
const TEMPLATE_TYPES = ["application/pdf", "image/png", "image/jpeg"];

function present(row: repo.TemplateRow & { peer_name: string | null }, ownName: string): TemplateView {
  return {
    id: row.id, publisher: { own: row.peer_id === null, peerId: row.peer_id, name: row.peer_name ?? ownName }, title: row.title, standardCode: row.standard_code,
    criterionCode: row.criterion_code, description: row.description, fileName: row.file_name, contentType: row.content_type, size: row.size, sha256: row.sha256, publishedAt: row.published_at,
  };
}

/** The template library: policies, SOPs and forms published by this LPSE and its peers, copied into a cycle as evidence. */
export function templateRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  app.get("/api/v1/standards/templates", { schema: { tags, summary: "The template library (this LPSE's and its peers')", response: { 200: TemplateListSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(canCompare(actor));
    const [rows, settings] = await Promise.all([repo.listTemplates(db), getSettings(db)]);
    return { items: rows.map((r) => present(r, settings.name)), mayPublish: canManagePeers(actor) };
  });

  app.post(
    "/api/v1/standards/templates",
    { schema: { tags, summary: "Publish a template (Kepala LPSE or Admin PPE; PDF or image as the raw body); with peerId, one a peer published", querystring: PublishTemplateQuerySchema, response: { 201: TemplateSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      service.assertMayPublish(actor);
      const settings = await getSettings(db);
      const limits = settings.uploadLimits ?? DEFAULT_UPLOAD_LIMITS;
      const q = request.query;
      const stored = await storeCheckedDocument(deps.fileStore, q.name, uploadStream(request.body, TEMPLATE_TYPES), limits.vendorDocumentMegabytes);
      const id = await service.publishTemplate(db, actor, { peerId: q.peerId ?? null, title: q.title, criterionCode: q.criterionCode, description: q.description, file: { name: q.name, contentType: stored.contentType, size: stored.size, sha256: stored.sha256 } }, deps.clock.now());
      const row = await repo.findTemplate(db, id);
      if (!row) throw new Error(`published template ${id} is missing`);
      return reply.status(201).send(present(row, settings.name));
    },
  );

  app.get("/api/v1/standards/templates/:templateId/content", { schema: { tags, summary: "Download a template's file", params: TemplateParamsSchema } }, async (request, reply) => {
    authorize(canCompare(requireActor(request)));
    const row = await repo.findTemplate(db, request.params.templateId);
    if (!row) throw new AppError("NOT_FOUND", { id: "Templat tidak ditemukan", en: "Template not found" });
    return reply
      .type(row.content_type)
      .header("content-disposition", `attachment; filename="${safeFileName(row.file_name)}"`)
      .header("content-length", String(row.size))
      .send(deps.fileStore.open(row.sha256));
  });

  app.post(
    "/api/v1/standards/templates/:templateId/copy",
    { schema: { tags, summary: "Copy a template into an open cycle as evidence for its criterion (the cycle's assessment team)", params: TemplateParamsSchema, body: CopyTemplateSchema, response: { 201: CopiedTemplateSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const copied = await service.copyTemplate(db, actor, request.params.templateId, request.body.cycleId, deps.clock.now());
      const settings = await getSettings(db);
      return reply.status(201).send({ template: present(copied, settings.name), cycleId: request.body.cycleId, evidenceId: copied.evidenceId });
    },
  );
}
