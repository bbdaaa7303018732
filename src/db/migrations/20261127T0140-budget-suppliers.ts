import type { Kysely } from "kysely";

/**
 * The service budget (LPSE standard 13): fiscal years, budget lines by cost component and their realisations;
 * and the supporting services (standard 14): suppliers with their contracts, SLA targets and periodic reviews.
 * Money is integer sen in bigint columns, as the package pagu; SLA values are integer thousandths.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("budget_years")
    .addColumn("year", "integer", (c) => c.primaryKey())
    .addColumn("closed_at", "text")
    .addColumn("closed_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("budget_lines")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("year", "integer", (c) => c.notNull().references("budget_years.year"))
    .addColumn("component", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("planned_sen", "bigint", (c) => c.notNull())
    .addColumn("asset_id", "text", (c) => c.references("register_assets.id"))
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("budget_lines_year").on("budget_lines").column("year").execute();

  await db.schema
    .createTable("budget_realisations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("line_id", "text", (c) => c.notNull().references("budget_lines.id"))
    .addColumn("realised_on", "text", (c) => c.notNull())
    .addColumn("amount_sen", "bigint", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("budget_realisations_line").on("budget_realisations").column("line_id").execute();

  await db.schema
    .createTable("suppliers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("service", "text", (c) => c.notNull())
    .addColumn("contract_number", "text", (c) => c.notNull())
    .addColumn("contract_starts_on", "text", (c) => c.notNull())
    .addColumn("contract_ends_on", "text", (c) => c.notNull())
    .addColumn("contact", "text", (c) => c.notNull())
    .addColumn("asset_ids", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("supplier_sla_targets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("supplier_id", "text", (c) => c.notNull().references("suppliers.id"))
    .addColumn("metric", "text", (c) => c.notNull())
    .addColumn("target_milli", "bigint", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("supplier_sla_targets_supplier").on("supplier_sla_targets").column("supplier_id").execute();

  await db.schema
    .createTable("supplier_reviews")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("supplier_id", "text", (c) => c.notNull().references("suppliers.id"))
    .addColumn("period_from", "text", (c) => c.notNull())
    .addColumn("period_to", "text", (c) => c.notNull())
    .addColumn("rating", "integer", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("reviewer_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("supplier_review_measurements")
    .addColumn("review_id", "text", (c) => c.notNull().references("supplier_reviews.id"))
    .addColumn("target_id", "text", (c) => c.notNull().references("supplier_sla_targets.id"))
    .addColumn("measured_milli", "bigint", (c) => c.notNull())
    .addColumn("met", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("supplier_review_measurements_pk", ["review_id", "target_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["supplier_review_measurements", "supplier_reviews", "supplier_sla_targets", "suppliers", "budget_realisations", "budget_lines", "budget_years"]) {
    await db.schema.dropTable(table).execute();
  }
}
