import type { Kysely } from "kysely";

/** Objections to the winner (sanggah) with their answers, and the award letter (SPPBJ). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("objections")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("filed_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("filed_at", "text", (c) => c.notNull())
    .addColumn("answer", "text")
    .addColumn("answered_by", "text", (c) => c.references("users.id"))
    .addColumn("answered_at", "text")
    .addUniqueConstraint("objections_one_per_vendor", ["package_id", "vendor_id"])
    .execute();

  await db.schema
    .createTable("awards")
    .addColumn("package_id", "text", (c) => c.primaryKey().references("packages.id"))
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("letter_number", "text", (c) => c.notNull())
    .addColumn("value_sen", "bigint", (c) => c.notNull())
    .addColumn("issued_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("issued_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the award migration.");
}
