import type { AppDeps } from "../../server/app.js";
import { authorize, type Api } from "../../server/http.js";
import type { Actor } from "../../server/actor.js";
import { requireActor } from "../auth/session.hook.js";
import { getSettings } from "../settings/settings.service.js";
import { canApprovePermit, canManageServerRoom, canReadServerRoom, canRevokePermit } from "./server-room.policy.js";
import { presentPermit, presentVisit } from "./server-room.presenter.js";
import * as repo from "./server-room.repository.js";
import {
  ApproveInputSchema,
  ExitInputSchema,
  PermitInputSchema,
  PermitListSchema,
  PermitParamsSchema,
  PermitRevokeInputSchema,
  PermitSchema,
  VisitInputSchema,
  VisitListSchema,
  VisitParamsSchema,
  VisitSchema,
  VisitsQuerySchema,
} from "./server-room.schemas.js";
import * as service from "./server-room.service.js";

const tags = ["server-room"];
const BASE = "/api/v1/operations/server-room";

/** Server-room permits approved by the Kepala LPSE and the visit log with devices (LPSE standard 9). */
export function serverRoomRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;
  const allowed = (request: Parameters<typeof requireActor>[0], policy: (actor: Actor) => boolean): Actor => {
    const actor = requireActor(request);
    authorize(policy(actor));
    return actor;
  };
  const permitOut = async (id: string) => presentPermit((await repo.listPermits(db, id))[0] as repo.PermitRow, deps.clock.now().toISOString());
  const visitOut = async (id: string) => presentVisit((await repo.listVisits(db, { id }))[0] as repo.VisitRow, await repo.listDevices(db, [id]));

  app.get(`${BASE}/permits`, { schema: { tags, summary: "Server-room access permits with their approval and status now", response: { 200: PermitListSchema } } }, async (request) => {
    const actor = allowed(request, canReadServerRoom);
    const now = deps.clock.now().toISOString();
    return {
      items: (await repo.listPermits(db)).map((p) => presentPermit(p, now)),
      timeZone: (await getSettings(db)).timeZone,
      can: { manage: canManageServerRoom(actor), approve: canApprovePermit(actor), revoke: canRevokePermit(actor) },
    };
  });

  app.post(`${BASE}/permits`, { schema: { tags, summary: "Request a server-room permit for a person (approved by the Kepala LPSE)", body: PermitInputSchema, response: { 201: PermitSchema } } }, async (request, reply) => {
    const id = await service.requestPermit(deps, allowed(request, canManageServerRoom), request.body);
    return reply.status(201).send(await permitOut(id));
  });

  app.post(
    `${BASE}/permits/:permitId/approve`,
    { schema: { tags, summary: "Approve a pending permit (Kepala LPSE; not the requester)", params: PermitParamsSchema, body: ApproveInputSchema, response: { 200: PermitSchema } } },
    async (request) => {
      await service.approvePermit(deps, allowed(request, canApprovePermit), request.params.permitId, request.body);
      return permitOut(request.params.permitId);
    },
  );

  app.post(
    `${BASE}/permits/:permitId/revoke`,
    { schema: { tags, summary: "Revoke a permit with the reason (it stays in the register)", params: PermitParamsSchema, body: PermitRevokeInputSchema, response: { 200: PermitSchema } } },
    async (request) => {
      await service.revokePermit(deps, allowed(request, canRevokePermit), request.params.permitId, request.body);
      return permitOut(request.params.permitId);
    },
  );

  app.get(`${BASE}/visits`, { schema: { tags, summary: "The visit log, newest first; open=true lists visits not yet exited", querystring: VisitsQuerySchema, response: { 200: VisitListSchema } } }, async (request) => {
    allowed(request, canReadServerRoom);
    const visits = await repo.listVisits(db, { openOnly: request.query.open === "true" });
    const devices = await repo.listDevices(db, visits.map((v) => v.id));
    const items = visits.map((v) => presentVisit(v, devices));
    return { items, open: items.filter((v) => v.open).length, timeZone: (await getSettings(db)).timeZone };
  });

  app.post(`${BASE}/visits`, { schema: { tags, summary: "Log a visit entering under a valid permit, with devices brought in", body: VisitInputSchema, response: { 201: VisitSchema } } }, async (request, reply) => {
    const id = await service.recordVisit(deps, allowed(request, canManageServerRoom), request.body);
    return reply.status(201).send(await visitOut(id));
  });

  app.post(
    `${BASE}/visits/:visitId/exit`,
    { schema: { tags, summary: "Record a visit's exit (once), with devices taken out", params: VisitParamsSchema, body: ExitInputSchema, response: { 200: VisitSchema } } },
    async (request) => {
      await service.recordExit(deps, allowed(request, canManageServerRoom), request.params.visitId, request.body);
      return visitOut(request.params.visitId);
    },
  );
}
