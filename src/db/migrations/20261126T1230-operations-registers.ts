import type { Kysely } from "kysely";

/**
 * The operations registers: capacity samples (LPSE standard 7), server access grants and reviews
 * (standard 10), patches and vulnerability scans with their findings (standard 11).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("capacity_samples")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("taken_at", "text", (c) => c.notNull())
    .addColumn("load_centi", "integer", (c) => c.notNull())
    .addColumn("cpu_count", "integer", (c) => c.notNull())
    .addColumn("process_rss_bytes", "bigint", (c) => c.notNull())
    .addColumn("system_memory_total_bytes", "bigint", (c) => c.notNull())
    .addColumn("system_memory_free_bytes", "bigint", (c) => c.notNull())
    .addColumn("disk_total_bytes", "bigint", (c) => c.notNull())
    .addColumn("disk_free_bytes", "bigint", (c) => c.notNull())
    .addColumn("database_bytes", "bigint", (c) => c.notNull())
    .addColumn("active_sessions", "integer", (c) => c.notNull())
    .addColumn("active_users", "integer", (c) => c.notNull())
    .addColumn("upload_bytes", "bigint", (c) => c.notNull())
    .addColumn("upload_counter_bytes", "bigint", (c) => c.notNull())
    .addColumn("bids_near_deadline", "integer", (c) => c.notNull())
    .addColumn("breaches", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("capacity_samples_taken_at").on("capacity_samples").column("taken_at").execute();

  await db.schema
    .createTable("access_grants")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person", "text", (c) => c.notNull())
    .addColumn("system", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("granted_by", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("expires_on", "text")
    .addColumn("revoked_on", "text")
    .addColumn("revoked_reason", "text")
    .addColumn("last_reviewed_on", "text")
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("access_reviews")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("reviewed_on", "text", (c) => c.notNull())
    .addColumn("reviewer_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("access_review_items")
    .addColumn("review_id", "text", (c) => c.notNull().references("access_reviews.id"))
    .addColumn("grant_id", "text", (c) => c.notNull().references("access_grants.id"))
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("access_review_items_pk", ["review_id", "grant_id"])
    .execute();

  await db.schema
    .createTable("patch_records")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("system", "text", (c) => c.notNull())
    .addColumn("patch_id", "text", (c) => c.notNull())
    .addColumn("applied_on", "text", (c) => c.notNull())
    .addColumn("applied_by", "text", (c) => c.notNull())
    .addColumn("related_change", "text")
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("vulnerability_scans")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("scanned_on", "text", (c) => c.notNull())
    .addColumn("tool", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("vulnerability_findings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("scan_id", "text", (c) => c.notNull().references("vulnerability_scans.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull())
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("resolution_note", "text")
    .addColumn("resolved_on", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("vulnerability_findings_scan").on("vulnerability_findings").column("scan_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["vulnerability_findings", "vulnerability_scans", "patch_records", "access_review_items", "access_reviews", "access_grants", "capacity_samples"]) {
    await db.schema.dropTable(table).execute();
  }
}
