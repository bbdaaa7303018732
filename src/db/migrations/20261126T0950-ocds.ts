import { type Kysely, sql } from "kysely";

/**
 * OCDS releases (open data): one immutable row per release, written in the transaction of the public
 * change it describes. `seq` comes from the `ocds_release_seq` counter, so it is the same on SQLite and
 * PostgreSQL and increases in commit order (the counter row is locked until commit); readers page on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("ocds_releases")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("ocid", "text", (c) => c.notNull())
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("tag", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("release", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ocds_releases_seq").on("ocds_releases").column("seq").unique().execute();
  await db.schema.createIndex("ocds_releases_ocid_seq").on("ocds_releases").columns(["ocid", "seq"]).execute();
  // A package's latest release (its ocid and amendments carry over to the next one).
  await db.schema.createIndex("ocds_releases_package_seq").on("ocds_releases").columns(["package_id", "seq"]).execute();
  await sql`insert into counters (name, value) values ('ocds_release_seq', 0)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the OCDS migration.");
}
