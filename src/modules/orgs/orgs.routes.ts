import type { AppDeps } from "../../server/app.js";
import { authorize, type Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import { canManageAgencies, canManageWorkUnits, canViewAgencies } from "./orgs.policy.js";
import { presentAgency, presentWorkUnit } from "./orgs.presenter.js";
import * as repo from "./orgs.repository.js";
import {
  AgencyListSchema,
  AgencyParamsSchema,
  AgencySchema,
  CreateAgencySchema,
  CreateWorkUnitSchema,
  UpdateAgencySchema,
  WorkUnitListSchema,
  WorkUnitSchema,
} from "./orgs.schemas.js";
import * as service from "./orgs.service.js";

export function orgRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  app.get("/api/v1/agencies", { schema: { tags: ["orgs"], summary: "List agencies (OPD)", response: { 200: AgencyListSchema } } }, async (request) => {
    authorize(canViewAgencies(requireActor(request)));
    return { items: (await repo.listAgencies(db)).map(presentAgency) };
  });

  app.post(
    "/api/v1/agencies",
    { schema: { tags: ["orgs"], summary: "Create an agency", body: CreateAgencySchema, response: { 201: AgencySchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(canManageAgencies(actor));
      const agency = await service.createAgency(db, actor, request.body, deps.clock.now());
      return reply.status(201).send(presentAgency(agency));
    },
  );

  app.patch(
    "/api/v1/agencies/:agencyId",
    { schema: { tags: ["orgs"], summary: "Rename, re-classify or deactivate an agency", params: AgencyParamsSchema, body: UpdateAgencySchema, response: { 200: AgencySchema } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(canManageAgencies(actor));
      return presentAgency(await service.updateAgency(db, actor, request.params.agencyId, request.body, deps.clock.now()));
    },
  );

  app.get(
    "/api/v1/agencies/:agencyId/work-units",
    { schema: { tags: ["orgs"], summary: "List an agency's work units (satker)", params: AgencyParamsSchema, response: { 200: WorkUnitListSchema } } },
    async (request) => {
      authorize(canViewAgencies(requireActor(request)));
      await service.getAgency(db, request.params.agencyId);
      return { items: (await repo.listWorkUnits(db, request.params.agencyId)).map(presentWorkUnit) };
    },
  );

  app.post(
    "/api/v1/agencies/:agencyId/work-units",
    { schema: { tags: ["orgs"], summary: "Add a work unit (satker) to an agency", params: AgencyParamsSchema, body: CreateWorkUnitSchema, response: { 201: WorkUnitSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(canManageWorkUnits(actor, request.params.agencyId));
      const unit = await service.createWorkUnit(db, actor, request.params.agencyId, request.body, deps.clock.now());
      return reply.status(201).send(presentWorkUnit(unit));
    },
  );
}
