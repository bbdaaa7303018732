import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import { authorize, type Api } from "../../server/http.js";
import type { Actor } from "../../server/actor.js";
import { requireActor } from "../auth/session.hook.js";
import * as assetRepo from "./assets.repository.js";
import * as assets from "./assets.service.js";
import * as changeRepo from "./changes.repository.js";
import * as changes from "./changes.service.js";
import { canManageRegisters, canProposeChange, canReadRegisters } from "./registers.policy.js";
import { heatMap, presentAsset, presentChange, presentRisk, presentRiskSummary } from "./registers.presenter.js";
import {
  AssetInputSchema,
  AssetListSchema,
  AssetParamsSchema,
  AssetSchema,
  ChangeInputSchema,
  ChangeListSchema,
  ChangeParamsSchema,
  ChangeQuerySchema,
  ChangeSchema,
  DecisionInputSchema,
  NoteInputSchema,
  RiskInputSchema,
  RiskListSchema,
  RiskParamsSchema,
  RiskQuerySchema,
  RiskSchema,
  TaskInputSchema,
  TaskParamsSchema,
} from "./registers.schemas.js";
import * as riskRepo from "./risks.repository.js";
import * as risks from "./risks.service.js";

const tags = ["registers"];

/** The asset (standard 3), risk (standard 4) and change (standard 6) registers. */
export function registerRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;
  const dialect = deps.database.dialect;

  const readAsset = async (id: string) => {
    const row = await assetRepo.findAsset(db, id);
    if (!row) throw assets.assetNotFound();
    const { settings, today } = await assets.registerContext(db, deps.clock.now());
    return presentAsset(row, today, settings.assetExpiryAlertDays);
  };

  app.get("/api/v1/registers/assets", { schema: { tags, summary: "The asset register with values and expiry alerts", response: { 200: AssetListSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(canReadRegisters(actor));
    const { settings, today } = await assets.registerContext(db, deps.clock.now());
    const items = (await assetRepo.listAssets(db)).map((a) => presentAsset(a, today, settings.assetExpiryAlertDays));
    return { items, alertDays: settings.assetExpiryAlertDays, alerts: items.filter((a) => a.expiry.state === "expiring" || a.expiry.state === "expired").length, today, can: { manage: canManageRegisters(actor) } };
  });

  app.post("/api/v1/registers/assets", { schema: { tags, summary: "Add an asset", body: AssetInputSchema, response: { 201: AssetSchema } } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(canManageRegisters(actor));
    const id = await assets.createAsset(db, actor, request.body, deps.clock.now());
    return reply.status(201).send(await readAsset(id));
  });

  app.get("/api/v1/registers/assets/:assetId", { schema: { tags, summary: "One asset", params: AssetParamsSchema, response: { 200: AssetSchema } } }, async (request) => {
    authorize(canReadRegisters(requireActor(request)));
    return readAsset(request.params.assetId);
  });

  app.put("/api/v1/registers/assets/:assetId", { schema: { tags, summary: "Replace an asset's details and ratings", params: AssetParamsSchema, body: AssetInputSchema, response: { 200: AssetSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(canManageRegisters(actor));
    await assets.updateAsset(db, actor, request.params.assetId, request.body, deps.clock.now());
    return readAsset(request.params.assetId);
  });

  app.delete("/api/v1/registers/assets/:assetId", { schema: { tags, summary: "Remove an asset without risks", params: AssetParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(canManageRegisters(actor));
    await assets.deleteAsset(db, actor, request.params.assetId, deps.clock.now());
    return reply.status(204).send(null);
  });

  const readRisk = async (actor: Actor, id: string) => {
    const row = await riskRepo.findRisk(db, id);
    if (!row) throw risks.riskNotFound();
    const { settings, today } = await assets.registerContext(db, deps.clock.now());
    return presentRisk(row, await riskRepo.listTasks(db, id), settings, today, canManageRegisters(actor));
  };

  app.get("/api/v1/registers/risks", { schema: { tags, summary: "The risk register with levels and the impact × likelihood heat map", querystring: RiskQuerySchema, response: { 200: RiskListSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(canReadRegisters(actor));
    const { settings } = await assets.registerContext(db, deps.clock.now());
    const items = (await riskRepo.listRisks(db, { assetId: request.query.assetId })).map((r) => presentRiskSummary(r, settings));
    return { items, heatMap: heatMap(items), thresholds: { riskLowMax: settings.riskLowMax, riskMediumMax: settings.riskMediumMax }, can: { manage: canManageRegisters(actor) } };
  });

  app.post("/api/v1/registers/risks", { schema: { tags, summary: "Add a risk on an asset (the score and level follow)", body: RiskInputSchema, response: { 201: RiskSchema } } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(canManageRegisters(actor));
    const id = await risks.createRisk(db, actor, request.body, deps.clock.now());
    return reply.status(201).send(await readRisk(actor, id));
  });

  app.get("/api/v1/registers/risks/:riskId", { schema: { tags, summary: "One risk with its mitigation tasks", params: RiskParamsSchema, response: { 200: RiskSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(canReadRegisters(actor));
    return readRisk(actor, request.params.riskId);
  });

  app.put("/api/v1/registers/risks/:riskId", { schema: { tags, summary: "Re-assess a risk", params: RiskParamsSchema, body: RiskInputSchema, response: { 200: RiskSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(canManageRegisters(actor));
    await risks.updateRisk(db, actor, request.params.riskId, request.body, deps.clock.now());
    return readRisk(actor, request.params.riskId);
  });

  app.post("/api/v1/registers/risks/:riskId/tasks", { schema: { tags, summary: "Add a mitigation task", params: RiskParamsSchema, body: TaskInputSchema, response: { 201: RiskSchema } } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(canManageRegisters(actor));
    await risks.addTask(db, actor, request.params.riskId, request.body, deps.clock.now());
    return reply.status(201).send(await readRisk(actor, request.params.riskId));
  });

  app.put("/api/v1/registers/risks/:riskId/tasks/:taskId", { schema: { tags, summary: "Update a mitigation task (its status, owner or due date)", params: TaskParamsSchema, body: TaskInputSchema, response: { 200: RiskSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(canManageRegisters(actor));
    await risks.updateTask(db, actor, request.params.riskId, request.params.taskId, request.body, deps.clock.now());
    return readRisk(actor, request.params.riskId);
  });

  const readChange = async (actor: Actor, id: string) => {
    const row = await changeRepo.findChange(db, id);
    if (!row) throw changes.changeNotFound();
    return presentChange(row, actor);
  };

  app.get("/api/v1/registers/changes", { schema: { tags, summary: "The change register, the platform's own upgrades included", querystring: ChangeQuerySchema, response: { 200: ChangeListSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(canReadRegisters(actor));
    const rows = await changeRepo.listChanges(db, request.query);
    return { items: rows.map((c) => presentChange(c, actor)), can: { propose: canProposeChange(actor) } };
  });

  app.post("/api/v1/registers/changes", { schema: { tags, summary: "Propose a change", body: ChangeInputSchema, response: { 201: ChangeSchema } } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(canProposeChange(actor));
    const id = await changes.proposeChange(db, actor, request.body, deps.clock.now());
    return reply.status(201).send(await readChange(actor, id));
  });

  app.get("/api/v1/registers/changes/:changeId", { schema: { tags, summary: "One change", params: ChangeParamsSchema, response: { 200: ChangeSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(canReadRegisters(actor));
    return readChange(actor, request.params.changeId);
  });

  app.post("/api/v1/registers/changes/:changeId/decision", { schema: { tags, summary: "Approve or reject a proposed change (Kepala LPSE or administrator, not the proposer)", params: ChangeParamsSchema, body: DecisionInputSchema, response: { 200: ChangeSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor.role === "kepala_lpse" || actor.role === "admin_ppe");
    await changes.decideChange(db, dialect, actor, request.params.changeId, request.body.decision, request.body.note, deps.clock.now());
    return readChange(actor, request.params.changeId);
  });

  app.post("/api/v1/registers/changes/:changeId/implementation", { schema: { tags, summary: "Record that an approved change was carried out", params: ChangeParamsSchema, body: NoteInputSchema, response: { 200: ChangeSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor.role === "admin_ppe");
    await changes.implementChange(db, dialect, actor, request.params.changeId, request.body.note, deps.clock.now());
    return readChange(actor, request.params.changeId);
  });

  app.post("/api/v1/registers/changes/:changeId/review", { schema: { tags, summary: "Review an implemented change", params: ChangeParamsSchema, body: NoteInputSchema, response: { 200: ChangeSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor.role === "admin_ppe" || actor.role === "kepala_lpse");
    await changes.reviewChange(db, dialect, actor, request.params.changeId, request.body.note, deps.clock.now());
    return readChange(actor, request.params.changeId);
  });
}
