import type { Kysely } from "kysely";

/** The committee's findings per bidder and stage, and the tender's result (the winner). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("bid_findings")
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("stage", "text", (c) => c.notNull()) // administrasi | teknis | kualifikasi
    .addColumn("passed", "integer", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("evaluated_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("evaluated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("bid_findings_pk", ["package_id", "vendor_id", "stage"])
    .execute();

  await db.schema
    .createTable("tender_results")
    .addColumn("package_id", "text", (c) => c.primaryKey().references("packages.id"))
    .addColumn("winner_vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("corrected_price_sen", "bigint", (c) => c.notNull())
    .addColumn("determined_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("determined_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the evaluation migration.");
}
