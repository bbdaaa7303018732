import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type YearRow = DB["budget_years"];
export type LineRow = DB["budget_lines"];
export type RealisationRow = DB["budget_realisations"];
export type SupplierRow = DB["suppliers"];
export type TargetRow = DB["supplier_sla_targets"];
export type MeasurementRow = DB["supplier_review_measurements"];
type Dialect = "sqlite" | "postgres";

// ---- budget

export function findYear(db: Queryable, year: number): Promise<YearRow | undefined> {
  return db.selectFrom("budget_years").selectAll().where("year", "=", year).executeTakeFirst();
}

/** Lock the year before changing its lines (PostgreSQL; SQLite serialises writers anyway). */
export function lockYear(db: Queryable, year: number, dialect: Dialect): Promise<YearRow | undefined> {
  let q = db.selectFrom("budget_years").selectAll().where("year", "=", year);
  if (dialect === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertYear(db: Queryable, row: YearRow): Promise<void> {
  await db.insertInto("budget_years").values(row).execute();
}

export async function closeYear(db: Queryable, year: number, closedBy: string, at: string): Promise<void> {
  await db.updateTable("budget_years").set({ closed_at: at, closed_by: closedBy }).where("year", "=", year).execute();
}

export function listYears(db: Queryable): Promise<YearRow[]> {
  return db.selectFrom("budget_years").selectAll().orderBy("year", "desc").execute();
}

export async function insertLine(db: Queryable, row: LineRow): Promise<void> {
  await db.insertInto("budget_lines").values(row).execute();
}

export function findLine(db: Queryable, id: string): Promise<LineRow | undefined> {
  return db.selectFrom("budget_lines").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listLines(db: Queryable, years?: number[]) {
  let q = db
    .selectFrom("budget_lines as l")
    .leftJoin("register_assets as a", "a.id", "l.asset_id")
    .selectAll("l")
    .select(["a.code as asset_code", "a.name as asset_name"])
    .orderBy("l.year", "desc")
    .orderBy("l.component")
    .orderBy("l.created_at")
    .orderBy("l.id");
  if (years) q = q.where("l.year", "in", years.length > 0 ? years : [-1]);
  return q.execute();
}
export type LineWithAsset = Awaited<ReturnType<typeof listLines>>[number];

export function listRealisations(db: Queryable, lineIds: string[]): Promise<RealisationRow[]> {
  if (lineIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("budget_realisations").selectAll().where("line_id", "in", lineIds).orderBy("realised_on").orderBy("created_at").execute();
}

export async function insertRealisation(db: Queryable, row: RealisationRow): Promise<void> {
  await db.insertInto("budget_realisations").values(row).execute();
}

export function findAssets(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("register_assets").select(["id", "code", "name"]).where("id", "in", ids).execute();
}

export function findAssetByCode(db: Queryable, code: string) {
  return db.selectFrom("register_assets").select(["id", "code", "name"]).where("code", "=", code).executeTakeFirst();
}

// ---- suppliers

export async function insertSupplier(db: Queryable, row: SupplierRow, targets: TargetRow[]): Promise<void> {
  await db.insertInto("suppliers").values(row).execute();
  if (targets.length > 0) await db.insertInto("supplier_sla_targets").values(targets).execute();
}

export function listSuppliers(db: Queryable): Promise<SupplierRow[]> {
  return db.selectFrom("suppliers").selectAll().orderBy("contract_ends_on").orderBy("name").orderBy("id").execute();
}

export function findSupplier(db: Queryable, id: string): Promise<SupplierRow | undefined> {
  return db.selectFrom("suppliers").selectAll().where("id", "=", id).executeTakeFirst();
}

export function lockSupplier(db: Queryable, id: string, dialect: Dialect): Promise<SupplierRow | undefined> {
  let q = db.selectFrom("suppliers").selectAll().where("id", "=", id);
  if (dialect === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

export function listTargets(db: Queryable, supplierIds: string[]): Promise<TargetRow[]> {
  if (supplierIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("supplier_sla_targets").selectAll().where("supplier_id", "in", supplierIds).orderBy("metric").orderBy("id").execute();
}

export async function insertReview(db: Queryable, review: DB["supplier_reviews"], measurements: MeasurementRow[]): Promise<void> {
  await db.insertInto("supplier_reviews").values(review).execute();
  await db.insertInto("supplier_review_measurements").values(measurements).execute();
}

export function listReviews(db: Queryable, supplierIds: string[]) {
  if (supplierIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("supplier_reviews as r")
    .innerJoin("users as u", "u.id", "r.reviewer_id")
    .selectAll("r")
    .select("u.name as reviewer_name")
    .where("r.supplier_id", "in", supplierIds)
    .orderBy("r.period_to", "desc")
    .orderBy("r.created_at", "desc")
    .execute();
}

export function listMeasurements(db: Queryable, reviewIds: string[]): Promise<MeasurementRow[]> {
  if (reviewIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("supplier_review_measurements").selectAll().where("review_id", "in", reviewIds).execute();
}

/** What of the budget and the supplier register names the asset: budget lines and suppliers (by name). */
export async function budgetUsesOfAsset(db: Queryable, assetId: string): Promise<{ lines: string[]; suppliers: string[] }> {
  const lines = await db.selectFrom("budget_lines").select(["year", "description"]).where("asset_id", "=", assetId).execute();
  // asset_ids is a JSON array of UUIDs as text: the quoted id matches only that id.
  const suppliers = await db.selectFrom("suppliers").select("name").where("asset_ids", "like", `%"${assetId}"%`).execute();
  return { lines: lines.map((l) => `${l.year}: ${l.description}`), suppliers: suppliers.map((s) => s.name) };
}
