import type { Kysely } from "kysely";

/**
 * Pengadaan Langsung: the Pejabat Pengadaan invites one verified vendor, which sends its quotation; the
 * official clarifies and negotiates, then decides. One row per package, its steps filled in order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("direct_procurements")
    .addColumn("package_id", "text", (c) => c.primaryKey().references("packages.id"))
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("status", "text", (c) => c.notNull()) // invited | quoted | negotiated | awarded | failed
    .addColumn("invited_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("invited_at", "text", (c) => c.notNull())
    .addColumn("quotation_due", "text", (c) => c.notNull())
    .addColumn("quotation_sen", "bigint")
    .addColumn("quotation_items", "text")
    .addColumn("quoted_at", "text")
    .addColumn("negotiated_sen", "bigint")
    .addColumn("negotiation_notes", "text")
    .addColumn("negotiated_at", "text")
    .addColumn("result_reason", "text")
    .addColumn("decided_at", "text")
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the direct procurement migration.");
}
