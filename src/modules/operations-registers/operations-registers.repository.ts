import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type SampleRow = DB["capacity_samples"];
export type GrantRow = DB["access_grants"];
export type PatchRow = DB["patch_records"];
export type ScanRow = DB["vulnerability_scans"];
export type FindingRow = DB["vulnerability_findings"];

// ---- capacity samples

export async function insertSample(db: Queryable, row: SampleRow): Promise<void> {
  await db.insertInto("capacity_samples").values(row).execute();
}

export function latestSample(db: Queryable): Promise<SampleRow | undefined> {
  return db.selectFrom("capacity_samples").selectAll().orderBy("taken_at", "desc").orderBy("id", "desc").limit(1).executeTakeFirst();
}

export function listRecentSamples(db: Queryable, limit: number): Promise<SampleRow[]> {
  return db.selectFrom("capacity_samples").selectAll().orderBy("taken_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

/** Samples taken in [from, to), oldest first. */
export function listSamplesBetween(db: Queryable, from: string, to: string): Promise<SampleRow[]> {
  return db.selectFrom("capacity_samples").selectAll().where("taken_at", ">=", from).where("taken_at", "<", to).orderBy("taken_at").orderBy("id").execute();
}

/** Sessions neither revoked nor expired at `at`, with their users. */
export function listLiveSessions(db: Queryable, at: string): Promise<{ user_id: string }[]> {
  return db.selectFrom("sessions").select("user_id").where("revoked_at", "is", null).where("expires_at", ">", at).execute();
}

/** Bids submitted in (from, to], with the end of their tender's bid-upload stage. */
export function listBidsWithUploadEnd(db: Queryable, from: string, to: string): Promise<{ submitted_at: string; ends_at: string }[]> {
  return db
    .selectFrom("bids as b")
    .innerJoin("package_schedules as s", (j) => j.onRef("s.package_id", "=", "b.package_id").on("s.stage", "=", "upload_penawaran"))
    .select(["b.submitted_at", "s.ends_at"])
    .where("b.submitted_at", ">", from)
    .where("b.submitted_at", "<=", to)
    .execute();
}

// ---- access grants and reviews

export async function insertGrant(db: Queryable, row: GrantRow): Promise<void> {
  await db.insertInto("access_grants").values(row).execute();
}

export function findGrant(db: Queryable, id: string): Promise<GrantRow | undefined> {
  return db.selectFrom("access_grants").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Lock the grant before revoking or reviewing it (PostgreSQL; SQLite serialises writers anyway). */
export function lockGrant(db: Queryable, id: string, dialect: "sqlite" | "postgres"): Promise<GrantRow | undefined> {
  let q = db.selectFrom("access_grants").selectAll().where("id", "=", id);
  if (dialect === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

export function listGrants(db: Queryable): Promise<GrantRow[]> {
  return db.selectFrom("access_grants").selectAll().orderBy("system").orderBy("person").orderBy("id").execute();
}

export async function updateGrant(db: Queryable, id: string, changes: Partial<Omit<GrantRow, "id">>): Promise<void> {
  await db.updateTable("access_grants").set(changes).where("id", "=", id).execute();
}

export async function insertReview(db: Queryable, review: DB["access_reviews"], items: DB["access_review_items"][]): Promise<void> {
  await db.insertInto("access_reviews").values(review).execute();
  await db.insertInto("access_review_items").values(items).execute();
}

export function listReviews(db: Queryable) {
  return db
    .selectFrom("access_reviews as r")
    .innerJoin("users as u", "u.id", "r.reviewer_id")
    .selectAll("r")
    .select("u.name as reviewer_name")
    .orderBy("r.reviewed_on", "desc")
    .orderBy("r.created_at", "desc")
    .execute();
}

export function listReviewItems(db: Queryable) {
  return db
    .selectFrom("access_review_items as i")
    .innerJoin("access_grants as g", "g.id", "i.grant_id")
    .select(["i.review_id", "i.grant_id", "i.decision", "i.note", "g.person", "g.system"])
    .orderBy("g.system")
    .orderBy("g.person")
    .execute();
}

// ---- patches and scans

export async function insertPatch(db: Queryable, row: PatchRow): Promise<void> {
  await db.insertInto("patch_records").values(row).execute();
}

export function listPatches(db: Queryable): Promise<PatchRow[]> {
  return db.selectFrom("patch_records").selectAll().orderBy("applied_on", "desc").orderBy("created_at", "desc").execute();
}

export async function insertScan(db: Queryable, scan: ScanRow, findings: FindingRow[]): Promise<void> {
  await db.insertInto("vulnerability_scans").values(scan).execute();
  if (findings.length > 0) await db.insertInto("vulnerability_findings").values(findings).execute();
}

export function listScans(db: Queryable): Promise<ScanRow[]> {
  return db.selectFrom("vulnerability_scans").selectAll().orderBy("scanned_on", "desc").orderBy("created_at", "desc").execute();
}

export function findScan(db: Queryable, id: string): Promise<ScanRow | undefined> {
  return db.selectFrom("vulnerability_scans").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listFindings(db: Queryable, scanIds?: string[]): Promise<FindingRow[]> {
  let q = db.selectFrom("vulnerability_findings").selectAll().orderBy("due_on").orderBy("id");
  if (scanIds) {
    if (scanIds.length === 0) return Promise.resolve([]);
    q = q.where("scan_id", "in", scanIds);
  }
  return q.execute();
}

export function lockFinding(db: Queryable, scanId: string, id: string, dialect: "sqlite" | "postgres"): Promise<FindingRow | undefined> {
  let q = db.selectFrom("vulnerability_findings").selectAll().where("id", "=", id).where("scan_id", "=", scanId);
  if (dialect === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateFinding(db: Queryable, id: string, changes: Partial<Omit<FindingRow, "id">>): Promise<void> {
  await db.updateTable("vulnerability_findings").set(changes).where("id", "=", id).execute();
}
