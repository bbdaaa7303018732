import type { Kysely } from "kysely";

/**
 * Other LPSEs, for comparing standards results: the peers this installation knows and the assessment
 * summaries received from them (signed by the peer installation, or recorded by hand from a published
 * report), the template library (policies, SOPs and forms an LPSE publishes for others to copy), plus the study visits between LPSEs with the follow-up they produced. Procurement data stays
 * single-LPSE: only standards results cross installations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("lpse_peers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("key_id", "text") // pinned at the first signed import
    .addColumn("public_key", "text")
    .addColumn("added_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("added_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("peer_summaries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("peer_id", "text", (c) => c.notNull().references("lpse_peers.id"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("catalog_version", "integer", (c) => c.notNull())
    .addColumn("signed_off_at", "text", (c) => c.notNull())
    .addColumn("met_count", "integer", (c) => c.notNull())
    .addColumn("standard_count", "integer", (c) => c.notNull())
    .addColumn("standards", "text", (c) => c.notNull()) // JSON: [{ code, met, lkpp }]
    .addColumn("source", "text", (c) => c.notNull()) // signed | recorded
    .addColumn("signed_document", "text") // the canonical JSON that was signed
    .addColumn("signature", "text")
    .addColumn("imported_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addUniqueConstraint("peer_summaries_period", ["peer_id", "period"])
    .execute();

  await db.schema
    .createTable("standard_templates")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("peer_id", "text", (c) => c.references("lpse_peers.id")) // null: published by this LPSE
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("standard_code", "text", (c) => c.notNull())
    .addColumn("criterion_code", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("published_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("published_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("study_visits")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("direction", "text", (c) => c.notNull()) // outgoing (we visited the peer) | incoming
    .addColumn("peer_id", "text", (c) => c.notNull().references("lpse_peers.id"))
    .addColumn("visited_on", "text", (c) => c.notNull())
    .addColumn("participants", "text", (c) => c.notNull())
    .addColumn("standards", "text", (c) => c.notNull()) // JSON array of standard codes
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("study_visit_actions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("visit_id", "text", (c) => c.notNull().references("study_visits.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("finding_id", "text", (c) => c.references("standard_findings.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the LPSE peers migration.");
}
