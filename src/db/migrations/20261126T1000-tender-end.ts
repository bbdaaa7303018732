import type { Kysely } from "kysely";

/**
 * The end of a tender: a failed tender (tender gagal) and its re-tender link, the sanggah banding of
 * construction tenders with its guarantee, and the signed contract.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("tender_failures")
    .addColumn("package_id", "text", (c) => c.primaryKey().references("packages.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("declared_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("declared_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.alterTable("packages").addColumn("retender_of", "text", (c) => c.references("packages.id")).execute();
  await db.schema
    .createTable("objection_appeals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("objection_id", "text", (c) => c.notNull().unique().references("objections.id"))
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("filed_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("guarantee_number", "text", (c) => c.notNull())
    .addColumn("guarantee_issuer", "text", (c) => c.notNull())
    .addColumn("guarantee_sen", "bigint", (c) => c.notNull())
    .addColumn("filed_at", "text", (c) => c.notNull())
    .addColumn("answer", "text")
    .addColumn("answered_by", "text", (c) => c.references("users.id"))
    .addColumn("answered_at", "text")
    .execute();
  await db.schema
    .createTable("contracts")
    .addColumn("package_id", "text", (c) => c.primaryKey().references("packages.id"))
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("contract_number", "text", (c) => c.notNull())
    .addColumn("value_sen", "bigint", (c) => c.notNull())
    .addColumn("signed_on", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the tender-end migration.");
}
