import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import type { AppDeps } from "../../server/app.js";
import { AppError, fieldError, notFound } from "../../server/errors.js";
import { formatRupiah, parseQuantity, parseRupiah } from "../packages/money.js";
import { localDate } from "../settings/calendar.js";
import { getSettings } from "../settings/settings.service.js";
import * as repo from "./budget-suppliers.repository.js";
import { slaMet } from "./budget-suppliers.rules.js";
import type { BudgetLineInput, RealisationInput, SupplierInput, SupplierReviewInput } from "./budget-suppliers.schemas.js";

type Deps = Pick<AppDeps, "database" | "clock">;

const YEAR_NOT_FOUND = { id: "Tahun anggaran tidak ditemukan", en: "Fiscal year not found" };
const LINE_NOT_FOUND = { id: "Baris anggaran tidak ditemukan", en: "Budget line not found" };
const SUPPLIER_NOT_FOUND = { id: "Pemasok tidak ditemukan", en: "Supplier not found" };

/** Exact amounts: the schemas have already refused text that is not one. */
const sen = (text: string): bigint => parseRupiah(text) as bigint;
const milli = (text: string): bigint => parseQuantity(text) as bigint;

export async function today(db: Queryable, now: Date): Promise<string> {
  return localDate(now, (await getSettings(db)).timeZone);
}

function yearClosed(year: number, field: string): AppError {
  return new AppError("CONFLICT", { id: `Tahun anggaran ${year} sudah ditutup`, en: `Fiscal year ${year} is closed` }, [{ field, message: { id: "tahun anggaran sudah ditutup", en: "the fiscal year is closed" } }]);
}

async function checkAssets(db: Queryable, ids: string[], field: (i: number) => string): Promise<void> {
  const found = new Set((await repo.findAssets(db, ids)).map((a) => a.id));
  ids.forEach((id, i) => {
    if (!found.has(id)) throw fieldError(field(i), { id: "aset tidak ada di register aset", en: "no such asset in the asset register" });
  });
}

// ---- budget (standard 13)

/** Add a planned line to a fiscal year; the year is opened by its first line and refuses lines once closed. */
export async function addLine(deps: Deps, actor: Actor, input: BudgetLineInput): Promise<string> {
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    const year = await repo.lockYear(trx, input.year, deps.database.dialect);
    if (year?.closed_at) throw yearClosed(input.year, "body.year");
    if (input.assetId) await checkAssets(trx, [input.assetId], () => "body.assetId");
    if (!year) await repo.insertYear(trx, { year: input.year, closed_at: null, closed_by: null, created_at: now.toISOString() });
    await repo.insertLine(trx, {
      id, year: input.year, component: input.component, description: input.description, planned_sen: Number(sen(input.planned)), asset_id: input.assetId,
      created_by: actor.id, created_at: now.toISOString(),
    });
    await appendEvent(trx, { actorId: actor.id, type: "budget.line_added", subject: { type: "budget_line", id }, payload: input }, now);
  });
  return id;
}

async function lockOpenLine(trx: Kysely<DB>, deps: Deps, lineId: string): Promise<repo.LineRow> {
  const line = await repo.findLine(trx, lineId);
  if (!line) throw notFound(LINE_NOT_FOUND);
  const year = await repo.lockYear(trx, line.year, deps.database.dialect);
  if (year?.closed_at) throw yearClosed(line.year, "params.lineId");
  return line;
}

/**
 * Record money spent against a line. Dated within the line's fiscal year and not after today; refused with 409
 * naming the remaining plan when it would take the line over its plan: over-spending is a budget revision
 * (a new or larger line), not a realisation.
 */
export async function addRealisation(deps: Deps, actor: Actor, lineId: string, input: RealisationInput): Promise<void> {
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    const line = await lockOpenLine(trx, deps, lineId);
    if (!input.realisedOn.startsWith(`${line.year}-`)) throw fieldError("body.realisedOn", { id: `harus dalam tahun anggaran ${line.year}`, en: `must be within fiscal year ${line.year}` });
    if (input.realisedOn > (await today(trx, now))) throw fieldError("body.realisedOn", { id: "tidak boleh setelah hari ini", en: "must not be after today" });
    const realised = (await repo.listRealisations(trx, [line.id])).reduce((s, r) => s + BigInt(r.amount_sen), 0n);
    const remaining = BigInt(line.planned_sen) - realised;
    const amount = sen(input.amount);
    if (amount > remaining) {
      const left = formatRupiah(remaining);
      throw new AppError("CONFLICT", { id: `Realisasi melebihi sisa rencana ${left}`, en: `The realisation exceeds the remaining plan of ${left}` }, [
        { field: "body.amount", message: { id: `melebihi sisa rencana ${left}`, en: `exceeds the remaining plan of ${left}` } },
      ]);
    }
    await repo.insertRealisation(trx, {
      id, line_id: line.id, realised_on: input.realisedOn, amount_sen: Number(amount), description: input.description, reference: input.reference, created_by: actor.id, created_at: now.toISOString(),
    });
    await appendEvent(trx, { actorId: actor.id, type: "budget.realisation_recorded", subject: { type: "budget_line", id: line.id }, payload: { realisationId: id, ...input } }, now);
  });
}

/** Close a fiscal year: its lines and realisations are final. */
export async function closeYear(deps: Deps, actor: Actor, year: number): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await repo.lockYear(trx, year, deps.database.dialect);
    if (!row) throw notFound(YEAR_NOT_FOUND);
    if (row.closed_at) throw yearClosed(year, "params.year");
    await repo.closeYear(trx, year, actor.id, now.toISOString());
    await appendEvent(trx, { actorId: actor.id, type: "budget.year_closed", subject: { type: "budget_year", id: String(year) }, payload: { year } }, now);
  });
}

export async function loadYear(db: Queryable, year: number): Promise<repo.YearRow> {
  const row = await repo.findYear(db, year);
  if (!row) throw notFound(YEAR_NOT_FOUND);
  return row;
}

export async function loadLine(db: Queryable, id: string): Promise<repo.LineRow> {
  const line = await repo.findLine(db, id);
  if (!line) throw notFound(LINE_NOT_FOUND);
  return line;
}

// ---- suppliers (standard 14)

export async function addSupplier(deps: Deps, actor: Actor, input: SupplierInput): Promise<string> {
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    await checkAssets(trx, input.assetIds, (i) => `body.assetIds.${i}`);
    await repo.insertSupplier(
      trx,
      {
        id, name: input.name, service: input.service, contract_number: input.contractNumber, contract_starts_on: input.contractStartsOn, contract_ends_on: input.contractEndsOn,
        contact: input.contact, asset_ids: JSON.stringify(input.assetIds), created_by: actor.id, created_at: now.toISOString(),
      },
      input.targets.map((t) => ({ id: randomUUID(), supplier_id: id, metric: t.metric, target_milli: Number(milli(t.target)), unit: t.unit, direction: t.direction })),
    );
    await appendEvent(trx, { actorId: actor.id, type: "suppliers.supplier_added", subject: { type: "supplier", id }, payload: input }, now);
  });
  return id;
}

export async function loadSupplier(db: Queryable, id: string): Promise<repo.SupplierRow> {
  const supplier = await repo.findSupplier(db, id);
  if (!supplier) throw notFound(SUPPLIER_NOT_FOUND);
  return supplier;
}

/** Record a periodic review: each measured value is compared with its target (met or not) when recorded. */
export async function addReview(deps: Deps, actor: Actor, supplierId: string, input: SupplierReviewInput): Promise<string> {
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    const supplier = await repo.lockSupplier(trx, supplierId, deps.database.dialect);
    if (!supplier) throw notFound(SUPPLIER_NOT_FOUND);
    if (input.periodTo > (await today(trx, now))) throw fieldError("body.periodTo", { id: "tidak boleh setelah hari ini", en: "must not be after today" });
    const targets = await repo.listTargets(trx, [supplierId]);
    const measurements = input.measurements.map((m, i) => {
      const target = targets.find((t) => t.id === m.targetId);
      if (!target) throw fieldError(`body.measurements.${i}.targetId`, { id: "bukan target SLA pemasok ini", en: "not an SLA target of this supplier" });
      const measured = milli(m.measured);
      return { review_id: id, target_id: target.id, measured_milli: Number(measured), met: slaMet(measured, BigInt(target.target_milli), target.direction) ? 1 : 0 };
    });
    await repo.insertReview(trx, { id, supplier_id: supplierId, period_from: input.periodFrom, period_to: input.periodTo, rating: input.rating, notes: input.notes, reviewer_id: actor.id, created_at: now.toISOString() }, measurements);
    await appendEvent(trx, { actorId: actor.id, type: "suppliers.review_recorded", subject: { type: "supplier", id: supplierId }, payload: { reviewId: id, ...input } }, now);
  });
  return id;
}
