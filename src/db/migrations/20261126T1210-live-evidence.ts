import type { Kysely } from "kysely";

/**
 * Live-evidence snapshots: a reading of a platform source (helpdesk SLA, restore drills, change log, security
 * events) attached by an assessor to a criterion of an assessment cycle, kept with its value and the data's time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("criterion_live_snapshots")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cycle_id", "text", (c) => c.notNull().references("standard_cycles.id"))
    .addColumn("criterion_code", "text", (c) => c.notNull())
    .addColumn("source_key", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("passes", "integer", (c) => c.notNull())
    .addColumn("data_time", "text", (c) => c.notNull())
    .addColumn("summary_id", "text", (c) => c.notNull())
    .addColumn("summary_en", "text", (c) => c.notNull())
    .addColumn("taken_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("taken_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("criterion_live_snapshots_cycle").on("criterion_live_snapshots").columns(["cycle_id", "criterion_code", "taken_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("criterion_live_snapshots").execute();
}
