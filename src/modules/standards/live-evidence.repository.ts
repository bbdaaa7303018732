import { sql } from "kysely";
import type { Queryable } from "../../db/database.js";
import type { CriterionLiveSnapshotsTable } from "../../db/schema.live-evidence.js";

export type SnapshotRow = CriterionLiveSnapshotsTable;

// --- the platform's own data, read by the live-evidence sources ------------------------
/** The newest restore drill that verified its restore. */
export function latestVerifiedDrill(db: Queryable) {
  return db.selectFrom("restore_drills").select(["id", "started_at", "backup_name", "restore_ms", "verify_ms"]).where("ok", "=", 1).orderBy("started_at", "desc").orderBy("id").limit(1).executeTakeFirst();
}

/** Event counts by type in [from, to). */
export async function countEvents(db: Queryable, types: readonly string[], from: string, to: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("events")
    .select(["type", (eb) => eb.fn.countAll<number | string>().as("n")])
    .where("type", "in", [...types])
    .where("time", ">=", from)
    .where("time", "<", to)
    .groupBy("type")
    .execute();
  return new Map(rows.map((r) => [r.type, Number(r.n)]));
}

/** The migrations recorded as applied by the migrator, with their times. */
export async function appliedMigrations(db: Queryable): Promise<{ name: string; timestamp: string }[]> {
  const result = await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration order by name`.execute(db);
  return result.rows;
}

/** The newest signed tree head's time, or null before the first. */
export async function latestTreeHeadTime(db: Queryable): Promise<string | null> {
  const row = await db.selectFrom("tree_heads").select("timestamp").orderBy("tree_size", "desc").limit(1).executeTakeFirst();
  return row?.timestamp ?? null;
}

// --- snapshots ---------------------------------------------------------------------
export async function insertSnapshot(db: Queryable, row: SnapshotRow): Promise<void> {
  await db.insertInto("criterion_live_snapshots").values(row).execute();
}

/** A cycle's snapshots, newest first (per criterion the first one is the latest). */
export function listSnapshots(db: Queryable, cycleId: string, criterionCode?: string) {
  let q = db
    .selectFrom("criterion_live_snapshots as s")
    .innerJoin("users as u", "u.id", "s.taken_by")
    .selectAll("s")
    .select("u.name as taken_by_name")
    .where("s.cycle_id", "=", cycleId);
  if (criterionCode !== undefined) q = q.where("s.criterion_code", "=", criterionCode);
  return q.orderBy("s.taken_at", "desc").orderBy("s.id").execute();
}

/** The newest access review and how many grants it decided. */
export async function latestAccessReview(db: Queryable): Promise<{ reviewed_on: string; items: number } | undefined> {
  const review = await db.selectFrom("access_reviews").select(["id", "reviewed_on"]).orderBy("reviewed_on", "desc").orderBy("created_at", "desc").limit(1).executeTakeFirst();
  if (!review) return undefined;
  const row = await db.selectFrom("access_review_items").select((eb) => eb.fn.countAll<number | string>().as("n")).where("review_id", "=", review.id).executeTakeFirstOrThrow();
  return { reviewed_on: review.reviewed_on, items: Number(row.n) };
}

/** Capacity samples taken in [from, to). */
export async function countCapacitySamples(db: Queryable, from: string, to: string): Promise<number> {
  const row = await db.selectFrom("capacity_samples").select((eb) => eb.fn.countAll<number | string>().as("n")).where("taken_at", ">=", from).where("taken_at", "<", to).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The newest capacity sample's time, or null before the first. */
export async function latestCapacitySampleTime(db: Queryable): Promise<string | null> {
  const row = await db.selectFrom("capacity_samples").select("taken_at").orderBy("taken_at", "desc").limit(1).executeTakeFirst();
  return row?.taken_at ?? null;
}
