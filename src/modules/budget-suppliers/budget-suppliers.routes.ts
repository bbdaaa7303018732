import type { Queryable } from "../../db/database.js";
import type { Actor } from "../../server/actor.js";
import type { AppDeps } from "../../server/app.js";
import { authorize, type Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import { CONTRACT_EXPIRY_ALERT_DAYS } from "./budget-suppliers-enums.js";
import { canManageBudgetSuppliers, canReadBudgetSuppliers } from "./budget-suppliers.policy.js";
import { presentLine, presentSupplier, presentYear } from "./budget-suppliers.presenter.js";
import * as repo from "./budget-suppliers.repository.js";
import {
  BudgetLineInputSchema,
  BudgetLineSchema,
  BudgetYearListSchema,
  BudgetYearSchema,
  LineParamsSchema,
  RealisationInputSchema,
  SupplierInputSchema,
  SupplierListSchema,
  SupplierParamsSchema,
  SupplierReviewInputSchema,
  SupplierSchema,
  YearParamsSchema,
} from "./budget-suppliers.schemas.js";
import * as service from "./budget-suppliers.service.js";

const tags = ["budget-suppliers"];

/** A year's budget; a year without lines yet reads as an empty open year. */
async function yearOut(db: Queryable, year: number, manage: boolean) {
  const row = (await repo.findYear(db, year)) ?? { year, closed_at: null, closed_by: null, created_at: "" };
  const lines = await repo.listLines(db, [year]);
  return presentYear(row, lines, await repo.listRealisations(db, lines.map((l) => l.id)), manage);
}

async function lineOut(db: Queryable, id: string) {
  const line = await service.loadLine(db, id);
  const [row] = await repo.listLines(db, [line.year]).then((lines) => lines.filter((l) => l.id === id));
  if (!row) throw new Error(`budget line ${id} vanished`);
  const year = await repo.findYear(db, line.year);
  return presentLine(row, await repo.listRealisations(db, [id]), Boolean(year?.closed_at));
}

async function suppliersOut(db: Queryable, rows: repo.SupplierRow[], today: string, manage: boolean) {
  const ids = rows.map((s) => s.id);
  const [targets, reviews] = await Promise.all([repo.listTargets(db, ids), repo.listReviews(db, ids)]);
  const measurements = await repo.listMeasurements(db, reviews.map((r) => r.id));
  const assets = await repo.findAssets(db, [...new Set(rows.flatMap((s) => JSON.parse(s.asset_ids) as string[]))]);
  return rows.map((s) => presentSupplier(s, { today, targets, reviews, measurements, assets, manage }));
}

/** The service budget (LPSE standard 13) and the supplier register with SLAs and reviews (standard 14). */
export function budgetSuppliersRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;
  const reader = (request: Parameters<typeof requireActor>[0]): Actor => {
    const actor = requireActor(request);
    authorize(canReadBudgetSuppliers(actor));
    return actor;
  };
  const manager = (request: Parameters<typeof requireActor>[0]): Actor => {
    const actor = requireActor(request);
    authorize(canManageBudgetSuppliers(actor));
    return actor;
  };
  const supplierOut = async (id: string, actor: Actor) => {
    const supplier = await service.loadSupplier(db, id);
    const [shown] = await suppliersOut(db, [supplier], await service.today(db, deps.clock.now()), canManageBudgetSuppliers(actor));
    return shown as NonNullable<typeof shown>;
  };

  app.get("/api/v1/budget/years", { schema: { tags, summary: "Fiscal years with their planned and realised totals", response: { 200: BudgetYearListSchema } } }, async (request) => {
    const actor = reader(request);
    const years = await repo.listYears(db);
    const items = [];
    for (const y of years) {
      const shown = await yearOut(db, y.year, false);
      items.push({ year: y.year, closed: shown.closed, total: shown.total });
    }
    return { items, can: { manage: canManageBudgetSuppliers(actor) } };
  });

  app.get("/api/v1/budget/years/:year", { schema: { tags, summary: "A fiscal year's budget lines with plan, realisation and share per cost component", params: YearParamsSchema, response: { 200: BudgetYearSchema } } }, async (request) => {
    const actor = reader(request);
    return yearOut(db, request.params.year, canManageBudgetSuppliers(actor));
  });

  app.post("/api/v1/budget/years/:year/close", { schema: { tags, summary: "Close a fiscal year: no further lines or realisations", params: YearParamsSchema, response: { 200: BudgetYearSchema } } }, async (request) => {
    const actor = manager(request);
    await service.closeYear(deps, actor, request.params.year);
    return yearOut(db, request.params.year, true);
  });

  app.post("/api/v1/budget/lines", { schema: { tags, summary: "Add a planned budget line by cost component (opens the fiscal year)", body: BudgetLineInputSchema, response: { 201: BudgetLineSchema } } }, async (request, reply) => {
    const id = await service.addLine(deps, manager(request), request.body);
    return reply.status(201).send(await lineOut(db, id));
  });

  app.get("/api/v1/budget/lines/:lineId", { schema: { tags, summary: "A budget line with its realisations", params: LineParamsSchema, response: { 200: BudgetLineSchema } } }, async (request) => {
    reader(request);
    return lineOut(db, request.params.lineId);
  });

  app.post(
    "/api/v1/budget/lines/:lineId/realisations",
    { schema: { tags, summary: "Record a realisation (e.g. an SP2D) against a line; refused when it exceeds the remaining plan", params: LineParamsSchema, body: RealisationInputSchema, response: { 201: BudgetLineSchema } } },
    async (request, reply) => {
      await service.addRealisation(deps, manager(request), request.params.lineId, request.body);
      return reply.status(201).send(await lineOut(db, request.params.lineId));
    },
  );

  app.get("/api/v1/suppliers", { schema: { tags, summary: "Suppliers of supporting services with contracts, SLA targets, reviews and expiry alerts", response: { 200: SupplierListSchema } } }, async (request) => {
    const actor = reader(request);
    const today = await service.today(db, deps.clock.now());
    const items = await suppliersOut(db, await repo.listSuppliers(db), today, canManageBudgetSuppliers(actor));
    return { items, alertDays: CONTRACT_EXPIRY_ALERT_DAYS, alerts: items.filter((s) => s.contract.state !== "ok").length, today, can: { manage: canManageBudgetSuppliers(actor) } };
  });

  app.post("/api/v1/suppliers", { schema: { tags, summary: "Register a supplier with its contract and SLA targets", body: SupplierInputSchema, response: { 201: SupplierSchema } } }, async (request, reply) => {
    const actor = manager(request);
    const id = await service.addSupplier(deps, actor, request.body);
    return reply.status(201).send(await supplierOut(id, actor));
  });

  app.get("/api/v1/suppliers/:supplierId", { schema: { tags, summary: "A supplier with its SLA targets and reviews", params: SupplierParamsSchema, response: { 200: SupplierSchema } } }, async (request) => {
    const actor = reader(request);
    return supplierOut(request.params.supplierId, actor);
  });

  app.post(
    "/api/v1/suppliers/:supplierId/reviews",
    { schema: { tags, summary: "Record a periodic supplier review: measured value per SLA target (met or not), rating, notes", params: SupplierParamsSchema, body: SupplierReviewInputSchema, response: { 201: SupplierSchema } } },
    async (request, reply) => {
      const actor = manager(request);
      await service.addReview(deps, actor, request.params.supplierId, request.body);
      return reply.status(201).send(await supplierOut(request.params.supplierId, actor));
    },
  );
}
