import type { AppDeps } from "../../server/app.js";
import { AppError } from "../../server/errors.js";
import { authorize, type Api } from "../../server/http.js";
import { safeFileName, storeCheckedDocument, uploadStream } from "../../storage/checked-upload.js";
import { requireActor } from "../auth/session.hook.js";
import { DEFAULT_UPLOAD_LIMITS } from "../settings/settings.schemas.js";
import { getSettings } from "../settings/settings.service.js";
import { CATALOGS, catalogVersion, CURRENT_CATALOG_VERSION } from "./catalog/index.js";
import { renderReport } from "./report.js";
import { canListCycles, canManageStandards } from "./standards.policy.js";
import { presentCycle, presentCycleSummary } from "./standards.presenter.js";
import * as repo from "./standards.repository.js";
import {
  AssessCriterionSchema,
  CatalogListSchema,
  CatalogParamsSchema,
  CatalogSchema,
  CoordinatorSchema,
  CriterionParamsSchema,
  CycleListSchema,
  CycleParamsSchema,
  CycleSchema,
  EvidenceLinkSchema,
  EvidenceParamsSchema,
  EvidenceSchema,
  EvidenceUploadQuerySchema,
  FindingDoneSchema,
  FindingParamsSchema,
  FindingVerifySchema,
  LkppVerificationSchema,
  OpenCycleSchema,
  RaiseFindingSchema,
  SignOffSchema,
  StaffListSchema,
  StandardParamsSchema,
  TeamSchema,
} from "./standards.schemas.js";
import * as service from "./standards.service.js";

const tags = ["standards"];
/** Evidence files: documents and scans, as for other uploads. */
const EVIDENCE_TYPES = ["application/pdf", "image/png", "image/jpeg"];

/** The 17 LPSE standards: the catalog, assessment cycles, evidence, findings, sign-off and the report. */
export function standardsRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  /** Every state-changing route answers with the whole cycle as the caller now sees it. */
  const cycleView = async (actor: ReturnType<typeof requireActor>, cycleId: string) => {
    const { cycle, involvement } = await service.loadVisibleCycle(db, actor, cycleId);
    return presentCycle(db, actor, cycle, involvement);
  };

  app.get("/api/v1/standards/catalog", { schema: { tags, summary: "The released versions of the standards catalog", response: { 200: CatalogListSchema } } }, async (request) => {
    requireActor(request);
    return { current: CURRENT_CATALOG_VERSION, items: CATALOGS.map((c) => ({ version: c.version, title: c.title })) };
  });

  app.get(
    "/api/v1/standards/catalog/:version",
    { schema: { tags, summary: "One version of the catalog: the 17 standards, their criteria and the evidence each expects", params: CatalogParamsSchema, response: { 200: CatalogSchema } } },
    async (request) => {
      requireActor(request);
      const catalog = catalogVersion(request.params.version);
      if (!catalog) throw new AppError("NOT_FOUND", { id: "Versi katalog tidak ditemukan", en: "Catalog version not found" });
      return { ...catalog, standards: catalog.standards.map((s) => ({ ...s, criteria: s.criteria.map((k) => ({ ...k, evidence: [...k.evidence] })) })) };
    },
  );

  app.get("/api/v1/standards/staff", { schema: { tags, summary: "Users of the LPSE who may sit on the team or own a corrective action", response: { 200: StaffListSchema } } }, async (request) => {
    authorize(canListCycles(requireActor(request)));
    return { items: await repo.listStaff(db) };
  });

  app.get("/api/v1/standards/cycles", { schema: { tags, summary: "Assessment cycles, newest first, with N of 17 met", response: { 200: CycleListSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(canListCycles(actor));
    const all = await repo.listCycles(db);
    const seesAll = canManageStandards(actor) || actor.role === "auditor";
    const mine = seesAll ? null : await repo.cycleIdsInvolving(db, actor.id);
    const visible = mine ? all.filter((c) => mine.has(c.id)) : all;
    return { items: await Promise.all(visible.map((c) => presentCycleSummary(db, c))), mayOpen: canManageStandards(actor) };
  });

  app.post("/api/v1/standards/cycles", { schema: { tags, summary: "Open an assessment cycle (Kepala LPSE)", body: OpenCycleSchema, response: { 201: CycleSchema } } }, async (request, reply) => {
    const actor = requireActor(request);
    const id = await service.openCycle(db, actor, request.body, deps.clock.now());
    return reply.status(201).send(await cycleView(actor, id));
  });

  app.get("/api/v1/standards/cycles/:cycleId", { schema: { tags, summary: "A cycle: the standards, criteria, evidence, findings and result", params: CycleParamsSchema, response: { 200: CycleSchema } } }, async (request) =>
    cycleView(requireActor(request), request.params.cycleId),
  );

  app.put(
    "/api/v1/standards/cycles/:cycleId/team",
    { schema: { tags, summary: "Appoint the internal assessment team (tim penilai internal)", params: CycleParamsSchema, body: TeamSchema, response: { 200: CycleSchema } } },
    async (request) => {
      const actor = requireActor(request);
      await service.appointTeam(db, actor, request.params.cycleId, request.body.memberIds, deps.clock.now());
      return cycleView(actor, request.params.cycleId);
    },
  );

  app.put(
    "/api/v1/standards/cycles/:cycleId/standards/:standardCode/coordinator",
    { schema: { tags, summary: "Appoint a team member as the coordinator of a standard", params: StandardParamsSchema, body: CoordinatorSchema, response: { 200: CycleSchema } } },
    async (request) => {
      const actor = requireActor(request);
      await service.appointCoordinator(db, actor, request.params.cycleId, request.params.standardCode, request.body.userId, deps.clock.now());
      return cycleView(actor, request.params.cycleId);
    },
  );

  app.put(
    "/api/v1/standards/cycles/:cycleId/criteria/:criterionCode",
    { schema: { tags, summary: "Assess a criterion: status (not applicable needs a reason) and notes", params: CriterionParamsSchema, body: AssessCriterionSchema, response: { 200: CycleSchema } } },
    async (request) => {
      const actor = requireActor(request);
      await service.assessCriterion(db, actor, request.params.cycleId, request.params.criterionCode, request.body, deps.clock.now());
      return cycleView(actor, request.params.cycleId);
    },
  );

  app.post(
    "/api/v1/standards/cycles/:cycleId/criteria/:criterionCode/evidence/links",
    { schema: { tags, summary: "Add a link as evidence (a platform page or an address)", params: CriterionParamsSchema, body: EvidenceLinkSchema, response: { 201: EvidenceSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await service.addEvidence(db, actor, request.params.cycleId, request.params.criterionCode, { kind: "link", title: request.body.title, url: request.body.url, contentType: null, size: null, sha256: null }, deps.clock.now());
      return reply.status(201).send({ id: row.id, kind: row.kind, title: row.title, url: row.url, contentType: null, size: null, sha256: null, addedBy: { id: actor.id, name: actor.name }, addedAt: row.added_at });
    },
  );

  app.post(
    "/api/v1/standards/cycles/:cycleId/criteria/:criterionCode/evidence/files",
    { schema: { tags, summary: "Upload a document as evidence (PDF or image; the raw file is the body; its type is read from the content)", params: CriterionParamsSchema, querystring: EvidenceUploadQuerySchema, response: { 201: EvidenceSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { cycleId, criterionCode } = request.params;
      await service.assertMayAddEvidence(db, actor, cycleId, criterionCode);
      const limits = (await getSettings(db)).uploadLimits ?? DEFAULT_UPLOAD_LIMITS;
      const stored = await storeCheckedDocument(deps.fileStore, request.query.name, uploadStream(request.body, EVIDENCE_TYPES), limits.vendorDocumentMegabytes);
      const row = await service.addEvidence(db, actor, cycleId, criterionCode, { kind: "file", title: request.query.name, url: null, contentType: stored.contentType, size: stored.size, sha256: stored.sha256 }, deps.clock.now());
      return reply.status(201).send({ id: row.id, kind: row.kind, title: row.title, url: null, contentType: row.content_type, size: row.size, sha256: row.sha256, addedBy: { id: actor.id, name: actor.name }, addedAt: row.added_at });
    },
  );

  app.get(
    "/api/v1/standards/cycles/:cycleId/evidence/:evidenceId/content",
    { schema: { tags, summary: "Download an evidence file", params: EvidenceParamsSchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      await service.loadVisibleCycle(db, actor, request.params.cycleId);
      const row = await repo.findEvidence(db, request.params.cycleId, request.params.evidenceId);
      if (!row || row.kind !== "file" || !row.sha256) throw new AppError("NOT_FOUND", { id: "Berkas bukti tidak ditemukan", en: "Evidence file not found" });
      return reply
        .type(row.content_type ?? "application/octet-stream")
        .header("content-disposition", `attachment; filename="${safeFileName(row.title)}"`)
        .header("content-length", String(row.size ?? 0))
        .send(deps.fileStore.open(row.sha256));
    },
  );

  app.post(
    "/api/v1/standards/cycles/:cycleId/findings",
    { schema: { tags, summary: "Raise a finding with its corrective-action request (team members)", params: CycleParamsSchema, body: RaiseFindingSchema, response: { 201: CycleSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await service.raiseFinding(db, actor, request.params.cycleId, request.body, deps.clock.now());
      return reply.status(201).send(await cycleView(actor, request.params.cycleId));
    },
  );

  app.post(
    "/api/v1/standards/cycles/:cycleId/findings/:findingId/done",
    { schema: { tags, summary: "Report a corrective action done (its owner)", params: FindingParamsSchema, body: FindingDoneSchema, response: { 200: CycleSchema } } },
    async (request) => {
      const actor = requireActor(request);
      await service.markActionDone(db, actor, request.params.cycleId, request.params.findingId, request.body.note, deps.clock.now());
      return cycleView(actor, request.params.cycleId);
    },
  );

  app.post(
    "/api/v1/standards/cycles/:cycleId/findings/:findingId/verify",
    { schema: { tags, summary: "Verify a corrective action reported done (an assessor other than its owner)", params: FindingParamsSchema, body: FindingVerifySchema, response: { 200: CycleSchema } } },
    async (request) => {
      const actor = requireActor(request);
      await service.verifyAction(db, actor, request.params.cycleId, request.params.findingId, request.body.note, deps.clock.now());
      return cycleView(actor, request.params.cycleId);
    },
  );

  app.post(
    "/api/v1/standards/cycles/:cycleId/sign-off",
    { schema: { tags, summary: "Sign off the cycle (Kepala LPSE); it is read-only afterwards", params: CycleParamsSchema, body: SignOffSchema, response: { 200: CycleSchema } } },
    async (request) => {
      const actor = requireActor(request);
      await service.signOff(db, actor, request.params.cycleId, request.body.note, deps.clock.now());
      return cycleView(actor, request.params.cycleId);
    },
  );

  app.put(
    "/api/v1/standards/cycles/:cycleId/standards/:standardCode/lkpp",
    { schema: { tags, summary: "Record LKPP's verification of a standard (letter number and date)", params: StandardParamsSchema, body: LkppVerificationSchema, response: { 200: CycleSchema } } },
    async (request) => {
      const actor = requireActor(request);
      await service.recordLkpp(db, actor, request.params.cycleId, request.params.standardCode, request.body, deps.clock.now());
      return cycleView(actor, request.params.cycleId);
    },
  );

  app.get(
    "/api/v1/standards/cycles/:cycleId/report",
    { schema: { tags, summary: "The printable report in Indonesian (HTML ready to print to PDF)", params: CycleParamsSchema, produces: ["text/html"] } },
    async (request, reply) => {
      const actor = requireActor(request);
      const view = await cycleView(actor, request.params.cycleId);
      const settings = await getSettings(db);
      // The report carries its own styles; nothing else may load or run in it.
      return reply
        .type("text/html; charset=utf-8")
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'")
        .send(renderReport(view, { name: settings.name, region: settings.region, timeZone: settings.timeZone }));
    },
  );
}

