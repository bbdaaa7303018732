import { type Kysely, sql } from "kysely";

/** Tender schedules, their public change history, and publication (the public tender code). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("packages").addColumn("tender_code", "text").execute();
  await db.schema.alterTable("packages").addColumn("published_at", "text").execute();
  await db.schema.createIndex("packages_tender_code").on("packages").column("tender_code").unique().execute();

  await db.schema
    .createTable("package_schedules")
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("package_schedules_pk", ["package_id", "position"])
    .execute();

  await db.schema
    .createTable("schedule_changes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("changed_at", "text", (c) => c.notNull())
    .addColumn("changed_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("reason_kind", "text", (c) => c.notNull())
    .addColumn("reason_text", "text", (c) => c.notNull())
    .addColumn("stages", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("schedule_changes_package").on("schedule_changes").columns(["package_id", "changed_at"]).execute();

  // Named counters (tender codes); incremented inside the publishing transaction, like the log size.
  await db.schema
    .createTable("counters")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "integer", (c) => c.notNull())
    .execute();
  await sql`insert into counters (name, value) values ('tender_code', 0)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the tenders migration.");
}
