import type { Kysely } from "kysely";

/** A vendor's deeds, owners, managers, experts, equipment, experience and tax reports, one row each. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("vendor_records")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    // Validated by the kind's schema on the way in (src/modules/vendors/records.schemas.ts).
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("vendor_records_vendor_kind").on("vendor_records").columns(["vendor_id", "kind"]).execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the vendor records migration.");
}
