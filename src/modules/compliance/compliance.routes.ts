import type { AppDeps } from "../../server/app.js";
import type { Actor } from "../../server/actor.js";
import { notFound } from "../../server/errors.js";
import { authorize, type Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import { registerContext } from "../registers/assets.service.js";
import { canManageCompliance, canReadCompliance } from "./compliance.policy.js";
import { presentLicence, presentRegulation, regulationAlert } from "./compliance.presenter.js";
import * as repo from "./compliance.repository.js";
import {
  InstallationInputSchema,
  InstallationParamsSchema,
  LicenceInputSchema,
  LicenceListSchema,
  LicenceParamsSchema,
  LicenceSchema,
  RegulationInputSchema,
  RegulationListSchema,
  RegulationParamsSchema,
  RegulationSchema,
} from "./compliance.schemas.js";
import * as service from "./compliance.service.js";

const tags = ["compliance"];
const BASE = "/api/v1/compliance";

/** The regulation register (standards 1.3 and 16.1) and the software-licence register (standard 16.2). */
export function complianceRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;
  const reader = (request: Parameters<typeof requireActor>[0]): Actor => {
    const actor = requireActor(request);
    authorize(canReadCompliance(actor));
    return actor;
  };
  const manager = (request: Parameters<typeof requireActor>[0]): Actor => {
    const actor = requireActor(request);
    authorize(canManageCompliance(actor));
    return actor;
  };
  const context = () => registerContext(db, deps.clock.now());
  const regulationOut = async (id: string) => {
    const row = await repo.findRegulation(db, id);
    if (!row) throw notFound(service.REGULATION_NOT_FOUND);
    const { settings, today } = await context();
    return presentRegulation(row, today, settings.assetExpiryAlertDays);
  };
  const licenceOut = async (id: string) => {
    const row = await repo.findLicence(db, id);
    if (!row) throw notFound(service.LICENCE_NOT_FOUND);
    const { settings, today } = await context();
    return presentLicence(row, await repo.listInstallations(db, [id]), today, settings.assetExpiryAlertDays);
  };

  app.get(`${BASE}/regulations`, { schema: { tags, summary: "The regulation register, newest first, with expiry and review alerts", response: { 200: RegulationListSchema } } }, async (request) => {
    const actor = reader(request);
    const { settings, today } = await context();
    const items = (await repo.listRegulations(db)).map((r) => presentRegulation(r, today, settings.assetExpiryAlertDays));
    return { items, alertDays: settings.assetExpiryAlertDays, alerts: items.filter(regulationAlert).length, today, can: { manage: canManageCompliance(actor) } };
  });

  app.post(`${BASE}/regulations`, { schema: { tags, summary: "Record a regulation the LPSE works under", body: RegulationInputSchema, response: { 201: RegulationSchema } } }, async (request, reply) => {
    const id = await service.recordRegulation(deps, manager(request), request.body);
    return reply.status(201).send(await regulationOut(id));
  });

  app.get(`${BASE}/regulations/:regulationId`, { schema: { tags, summary: "One regulation", params: RegulationParamsSchema, response: { 200: RegulationSchema } } }, async (request) => {
    reader(request);
    return regulationOut(request.params.regulationId);
  });

  app.put(`${BASE}/regulations/:regulationId`, { schema: { tags, summary: "Replace a regulation's details, status included", params: RegulationParamsSchema, body: RegulationInputSchema, response: { 200: RegulationSchema } } }, async (request) => {
    await service.updateRegulation(deps, manager(request), request.params.regulationId, request.body);
    return regulationOut(request.params.regulationId);
  });

  app.get(`${BASE}/licences`, { schema: { tags, summary: "The software-licence register with seats used, over-use and expiry alerts", response: { 200: LicenceListSchema } } }, async (request) => {
    const actor = reader(request);
    const { settings, today } = await context();
    const licences = await repo.listLicences(db);
    const installations = await repo.listInstallations(db, licences.map((l) => l.id));
    const items = licences.map((l) => presentLicence(l, installations, today, settings.assetExpiryAlertDays));
    return {
      items,
      alertDays: settings.assetExpiryAlertDays,
      expiryAlerts: items.filter((l) => l.expiry.state === "expiring" || l.expiry.state === "expired").length,
      overUsed: items.filter((l) => l.overUse).length,
      today,
      can: { manage: canManageCompliance(actor) },
    };
  });

  app.post(`${BASE}/licences`, { schema: { tags, summary: "Record a software licence", body: LicenceInputSchema, response: { 201: LicenceSchema } } }, async (request, reply) => {
    const id = await service.recordLicence(deps, manager(request), request.body);
    return reply.status(201).send(await licenceOut(id));
  });

  app.get(`${BASE}/licences/:softwareLicenceId`, { schema: { tags, summary: "One software licence with its installations", params: LicenceParamsSchema, response: { 200: LicenceSchema } } }, async (request) => {
    reader(request);
    return licenceOut(request.params.softwareLicenceId);
  });

  app.put(`${BASE}/licences/:softwareLicenceId`, { schema: { tags, summary: "Replace a software licence's details", params: LicenceParamsSchema, body: LicenceInputSchema, response: { 200: LicenceSchema } } }, async (request) => {
    await service.updateLicence(deps, manager(request), request.params.softwareLicenceId, request.body);
    return licenceOut(request.params.softwareLicenceId);
  });

  app.post(
    `${BASE}/licences/:softwareLicenceId/installations`,
    { schema: { tags, summary: "Record the licence installed on an asset of the asset register (one seat)", params: LicenceParamsSchema, body: InstallationInputSchema, response: { 201: LicenceSchema } } },
    async (request, reply) => {
      await service.installLicence(deps, manager(request), request.params.softwareLicenceId, request.body);
      return reply.status(201).send(await licenceOut(request.params.softwareLicenceId));
    },
  );

  app.delete(
    `${BASE}/licences/:softwareLicenceId/installations/:installationId`,
    { schema: { tags, summary: "Remove an installation (the software was uninstalled)", params: InstallationParamsSchema, response: { 200: LicenceSchema } } },
    async (request) => {
      await service.uninstallLicence(deps, manager(request), request.params.softwareLicenceId, request.params.installationId);
      return licenceOut(request.params.softwareLicenceId);
    },
  );
}
