import type { AppDeps } from "../../server/app.js";
import { authorize, type Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import { canCompare, canManagePeers } from "./peers.policy.js";
import { presentComparison, presentPeers, presentVisits } from "./peers.presenter.js";
import { ComparisonSchema, ImportedSummarySchema, PeerListSchema, RecordVisitSchema, SignedSummarySchema, VisitListSchema, VisitSchema } from "./peers.schemas.js";
import * as service from "./peers.service.js";
import { templateRoutes } from "./templates.routes.js";
import { CycleParamsSchema } from "./standards.schemas.js";

const tags = ["standards"];

/** Comparison between LPSEs: signed summaries out and in, the comparison per standard, study visits. */
export function peerRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;
  templateRoutes(app, deps);

  app.get(
    "/api/v1/standards/cycles/:cycleId/summary",
    { schema: { tags, summary: "The signed summary of a signed-off cycle (Ed25519, the log key), for another installation to import", params: CycleParamsSchema, response: { 200: SignedSummarySchema } } },
    async (request) => service.exportSummary(db, requireActor(request), request.params.cycleId, deps.eventLog.key.privateKey),
  );

  app.get("/api/v1/standards/peers", { schema: { tags, summary: "Peer LPSEs and their imported assessment summaries", response: { 200: PeerListSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(canCompare(actor));
    return { items: await presentPeers(db), mayImport: canManagePeers(actor) };
  });

  app.post(
    "/api/v1/standards/peers/summaries",
    { schema: { tags, summary: "Import a peer's signed summary (Kepala LPSE or Admin PPE); the signature is verified first", body: SignedSummarySchema, response: { 201: ImportedSummarySchema } } },
    async (request, reply) => {
      const peerId = await service.importSummary(db, requireActor(request), request.body, deps.clock.now());
      const peer = (await presentPeers(db)).find((p) => p.id === peerId);
      if (!peer) throw new Error(`imported peer ${peerId} is missing`);
      return reply.status(201).send({ peer });
    },
  );

  app.get("/api/v1/standards/comparison", { schema: { tags, summary: "This LPSE's latest signed-off result next to each peer's, per standard", response: { 200: ComparisonSchema } } }, async (request) => {
    authorize(canCompare(requireActor(request)));
    return presentComparison(db);
  });

  app.get("/api/v1/standards/visits", { schema: { tags, summary: "Study visits between this LPSE and peers, with their follow-up actions", response: { 200: VisitListSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(canCompare(actor));
    return { items: await presentVisits(db), mayRecord: canManagePeers(actor) };
  });

  app.post(
    "/api/v1/standards/visits",
    { schema: { tags, summary: "Record a study visit with its follow-up actions, each optionally linked to a finding (Kepala LPSE or Admin PPE)", body: RecordVisitSchema, response: { 201: VisitSchema } } },
    async (request, reply) => {
      const id = await service.recordVisit(db, requireActor(request), request.body, deps.clock.now());
      const visit = (await presentVisits(db)).find((v) => v.id === id);
      if (!visit) throw new Error(`recorded visit ${id} is missing`);
      return reply.status(201).send(visit);
    },
  );
}
