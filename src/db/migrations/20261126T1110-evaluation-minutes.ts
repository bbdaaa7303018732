import type { Kysely } from "kysely";

/**
 * The committee's minutes (Berita Acara Evaluasi Penawaran, Berita Acara Hasil Pemilihan) as issued, with
 * their SHA-256; and the committee's proposal of the winner (usulan penetapan pemenang) that the PA/KPA
 * decides above the ceilings of Perpres 16/2018.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("evaluation_minutes")
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("issued_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("evaluation_minutes_pk", ["package_id", "kind"])
    .execute();
  await db.schema
    .createTable("winner_proposals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("corrected_price_sen", "bigint", (c) => c.notNull())
    .addColumn("proposed_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("proposed_at", "text", (c) => c.notNull())
    .addColumn("decision", "text")
    .addColumn("decision_reason", "text")
    .addColumn("decided_by", "text", (c) => c.references("users.id"))
    .addColumn("decided_at", "text")
    .execute();
  await db.schema.createIndex("winner_proposals_package").on("winner_proposals").columns(["package_id", "proposed_at"]).execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the evaluation-minutes migration.");
}
