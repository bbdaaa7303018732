import type { Kysely } from "kysely";

/**
 * The compliance registers of LPSE standard 16 (and standard 1's register of applicable regulations):
 * regulations with their validity and status, software licences with their installations on assets.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("compliance_regulations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("issued_on", "text", (c) => c.notNull())
    .addColumn("valid_until", "text")
    .addColumn("review_on", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("replaced_by", "text")
    .addColumn("link", "text")
    .addColumn("notes", "text")
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("software_licences")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("product", "text", (c) => c.notNull())
    .addColumn("vendor", "text", (c) => c.notNull())
    .addColumn("licence_type", "text", (c) => c.notNull())
    .addColumn("seats", "integer")
    .addColumn("valid_until", "text")
    .addColumn("cost_sen", "bigint")
    .addColumn("notes", "text")
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("software_licence_installations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("licence_id", "text", (c) => c.notNull().references("software_licences.id"))
    .addColumn("asset_id", "text", (c) => c.notNull().references("register_assets.id"))
    .addColumn("installed_on", "text")
    .addColumn("notes", "text")
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("software_licence_installations_licence_asset", ["licence_id", "asset_id"])
    .execute();
  await db.schema.createIndex("software_licence_installations_asset").on("software_licence_installations").column("asset_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("software_licence_installations").execute();
  await db.schema.dropTable("software_licences").execute();
  await db.schema.dropTable("compliance_regulations").execute();
}
