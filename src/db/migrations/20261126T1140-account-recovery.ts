import type { Kysely } from "kysely";

/**
 * Account recovery and abuse resistance: password resets by an emailed one-time link, and one-time
 * recovery codes for the second factor. Only SHA-256 hashes of the tokens and codes are stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("password_resets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    // Set when a newer link is issued to the same user: only the newest link works.
    .addColumn("superseded_at", "text")
    .execute();
  await db.schema.createIndex("password_resets_user").on("password_resets").columns(["user_id", "created_at"]).execute();

  await db.schema
    .createTable("recovery_codes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("recovery_codes_user").on("recovery_codes").column("user_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("recovery_codes").execute();
  await db.schema.dropTable("password_resets").execute();
}
