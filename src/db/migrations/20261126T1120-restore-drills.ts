import type { Kysely } from "kysely";

/**
 * Restore drills: each `openlpse drill` restores the latest backup somewhere temporary, verifies it and
 * records the outcome here (and in the event log), as evidence for LPSE standard 12 (service continuity).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("restore_drills")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("backup_name", "text", (c) => c.notNull())
    .addColumn("backup_created_at", "text")
    .addColumn("backup_age_seconds", "integer")
    .addColumn("restore_ms", "integer", (c) => c.notNull())
    .addColumn("verify_ms", "integer", (c) => c.notNull())
    .addColumn("ok", "integer", (c) => c.notNull())
    .addColumn("log_size", "integer")
    .addColumn("detail", "text", (c) => c.notNull())
    .addColumn("log_index", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("restore_drills_started_at").on("restore_drills").column("started_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("restore_drills").execute();
}
