import type { Kysely } from "kysely";

/**
 * The asset register (LPSE standard 3), the risk register with mitigation tasks (standard 4) and the
 * change register (standard 6), where the platform also records its own upgrades and migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("register_assets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("confidentiality", "integer", (c) => c.notNull())
    .addColumn("integrity", "integer", (c) => c.notNull())
    .addColumn("availability", "integer", (c) => c.notNull())
    .addColumn("acquired_on", "text")
    .addColumn("expires_on", "text")
    .addColumn("notes", "text")
    .addColumn("created_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("register_risks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("asset_id", "text", (c) => c.notNull().references("register_assets.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("impact", "integer", (c) => c.notNull())
    .addColumn("threat", "integer", (c) => c.notNull())
    .addColumn("vulnerability", "integer", (c) => c.notNull())
    .addColumn("exposure", "integer", (c) => c.notNull())
    .addColumn("score", "integer", (c) => c.notNull())
    .addColumn("treatment", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("register_risks_asset").on("register_risks").column("asset_id").execute();

  await db.schema
    .createTable("register_risk_tasks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("risk_id", "text", (c) => c.notNull().references("register_risks.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("register_risk_tasks_risk").on("register_risk_tasks").column("risk_id").execute();

  await db.schema
    .createTable("register_changes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("requested_by", "text", (c) => c.references("users.id"))
    .addColumn("decided_by", "text", (c) => c.references("users.id"))
    .addColumn("decided_at", "text")
    .addColumn("decision_note", "text")
    .addColumn("implemented_by", "text", (c) => c.references("users.id"))
    .addColumn("implemented_at", "text")
    .addColumn("implementation_note", "text")
    .addColumn("reviewed_by", "text", (c) => c.references("users.id"))
    .addColumn("reviewed_at", "text")
    .addColumn("review_note", "text")
    .addColumn("app_version", "text")
    .addColumn("migrations", "text")
    .addColumn("automatic_key", "text", (c) => c.unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("register_changes_created_at").on("register_changes").column("created_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("register_changes").execute();
  await db.schema.dropTable("register_risk_tasks").execute();
  await db.schema.dropTable("register_risks").execute();
  await db.schema.dropTable("register_assets").execute();
}
