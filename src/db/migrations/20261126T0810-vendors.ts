import type { Kysely } from "kysely";

/** Vendor registration with email confirmation, the company profile, licences and verification history. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite adds one column per ALTER TABLE statement.
  const columns: [string, "text" | "integer"][] = [
    ["nib", "text"],
    ["pkp", "integer"],
    ["address_street", "text"],
    ["address_city", "text"],
    ["address_province", "text"],
    ["postal_code", "text"],
    ["phone", "text"],
    ["contact_email", "text"],
    ["website", "text"],
    ["submitted_at", "text"],
    ["rejection_reason", "text"],
    ["updated_at", "text"],
  ];
  for (const [name, type] of columns) await db.schema.alterTable("vendors").addColumn(name, type).execute();
  await db.schema.createIndex("vendors_status").on("vendors").columns(["status", "submitted_at"]).execute();

  await db.schema
    .createTable("vendor_registrations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("completed_at", "text")
    .execute();
  await db.schema.createIndex("vendor_registrations_email").on("vendor_registrations").columns(["email", "created_at"]).execute();

  await db.schema
    .createTable("vendor_licences")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("kbli_codes", "text", (c) => c.notNull())
    .addColumn("valid_from", "text", (c) => c.notNull())
    .addColumn("valid_until", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("vendor_licences_vendor").on("vendor_licences").column("vendor_id").execute();

  await db.schema
    .createTable("vendor_verifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("verifier_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("vendor_verifications_vendor").on("vendor_verifications").columns(["vendor_id", "created_at"]).execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the vendors migration.");
}
