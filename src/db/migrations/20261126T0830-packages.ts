import type { Kysely } from "kysely";

/** Procurement packages made by the PPK, with the HPS (owner's estimate) broken down by line item. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("packages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("work_unit_id", "text", (c) => c.notNull().references("work_units.id"))
    .addColumn("ppk_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("rup_code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("funding_source", "text", (c) => c.notNull())
    // Money in integer sen: exact, and within 2^53 on both databases.
    .addColumn("pagu_sen", "bigint", (c) => c.notNull())
    .addColumn("hps_sen", "bigint", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("evaluation_method", "text", (c) => c.notNull())
    .addColumn("qualification", "text", (c) => c.notNull())
    .addColumn("contract_type", "text", (c) => c.notNull())
    .addColumn("kbli_codes", "text", (c) => c.notNull())
    .addColumn("qualification_requirements", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("hps_set_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("packages_agency_year").on("packages").columns(["agency_id", "fiscal_year"]).execute();
  await db.schema.createIndex("packages_rup").on("packages").column("rup_code").execute();

  await db.schema
    .createTable("package_hps_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("quantity_milli", "bigint", (c) => c.notNull())
    .addColumn("unit_price_sen", "bigint", (c) => c.notNull())
    .addColumn("total_sen", "bigint", (c) => c.notNull())
    .addUniqueConstraint("package_hps_items_position", ["package_id", "position"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the packages migration.");
}
