import type { AppDeps } from "../../server/app.js";
import { authorize, type Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import { AttachSnapshotSchema, CriterionLiveSchema, CycleReviewSchema, LiveSourceListSchema } from "./live-evidence.schemas.js";
import * as service from "./live-evidence.service.js";
import { canListCycles } from "./standards.policy.js";
import { CriterionParamsSchema, CycleParamsSchema } from "./standards.schemas.js";

const tags = ["standards"];

/** Live evidence: what the platform proves itself, attached to criteria as dated snapshots. */
export function liveEvidenceRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  app.get("/api/v1/standards/live-evidence", { schema: { tags, summary: "Every live-evidence source's reading now, with its threshold and freshness window", response: { 200: LiveSourceListSchema } } }, async (request) => {
    authorize(canListCycles(requireActor(request)));
    const now = deps.clock.now();
    return { readAt: now.toISOString(), items: await service.readAllSources(db, now) };
  });

  app.get(
    "/api/v1/standards/cycles/:cycleId/live",
    { schema: { tags, summary: "The criteria of a cycle with live evidence attached, and which need review", params: CycleParamsSchema, response: { 200: CycleReviewSchema } } },
    async (request) => ({ items: await service.cycleReview(db, requireActor(request), request.params.cycleId, deps.clock.now()) }),
  );

  app.get(
    "/api/v1/standards/cycles/:cycleId/criteria/:criterionCode/live",
    { schema: { tags, summary: "A criterion's live evidence: readings now, snapshots attached, needs review", params: CriterionParamsSchema, response: { 200: CriterionLiveSchema } } },
    async (request) => service.criterionLive(db, requireActor(request), request.params.cycleId, request.params.criterionCode, deps.clock.now()),
  );

  app.post(
    "/api/v1/standards/cycles/:cycleId/criteria/:criterionCode/live-snapshot",
    { schema: { tags, summary: "Attach a source's reading now to the criterion as evidence (team members)", params: CriterionParamsSchema, body: AttachSnapshotSchema, response: { 201: CriterionLiveSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { cycleId, criterionCode } = request.params;
      const now = deps.clock.now();
      await service.attachSnapshot(db, actor, cycleId, criterionCode, request.body.source, now);
      return reply.status(201).send(await service.criterionLive(db, actor, cycleId, criterionCode, now));
    },
  );
}
