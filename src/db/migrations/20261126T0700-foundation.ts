import { type Kysely, sql } from "kysely";

/** Organisations, people, sessions, settings and the event log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("holidays")
    .addColumn("date", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("agencies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("work_units")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("work_units_agency_code", ["agency_id", "code"])
    .execute();

  await db.schema
    .createTable("vendors")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("business_form", "text", (c) => c.notNull())
    .addColumn("npwp", "text", (c) => c.notNull().unique())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("verified_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("agency_id", "text", (c) => c.references("agencies.id"))
    .addColumn("vendor_id", "text", (c) => c.references("vendors.id"))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("totp_secret", "text")
    .addColumn("totp_enrolled_at", "text")
    .addColumn("totp_last_counter", "integer")
    .addColumn("failed_logins", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("users_agency_role").on("users").columns(["agency_id", "role"]).execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("second_factor_done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("pending_totp_secret", "text")
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("events")
    .addColumn("idx", "integer", (c) => c.primaryKey())
    .addColumn("time", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("subject_type", "text")
    .addColumn("subject_id", "text")
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("payload_hash", "text", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("leaf_hash", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("events_subject").on("events").columns(["subject_type", "subject_id"]).execute();

  // One row holding the log size: appenders increment it first, which serialises them (row lock on
  // PostgreSQL, the single writer on SQLite) and hands each event its index.
  await db.schema
    .createTable("log_state")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("size", "integer", (c) => c.notNull())
    .execute();
  await sql`insert into log_state (id, size) values (1, 0)`.execute(db);

  await db.schema
    .createTable("tree_heads")
    .addColumn("tree_size", "integer", (c) => c.primaryKey())
    .addColumn("root_hash", "text", (c) => c.notNull())
    .addColumn("timestamp", "text", (c) => c.notNull())
    .addColumn("key_id", "text", (c) => c.notNull())
    .addColumn("signature", "text", (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("The foundation migration cannot be reverted: restore a backup instead.");
}
