import type { Kysely } from "kysely";

/**
 * Sealed bids: the committee's opening keys (public key and passphrase-wrapped seed), each tender's key
 * (public key, threshold) and the shares sealed to each member, the bids as stored envelopes, the shares
 * members submit at opening, and what the opening found in each bid.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("opening_keys")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("public_key", "text", (c) => c.notNull().unique())
    .addColumn("wrapped", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("tender_keys")
    .addColumn("package_id", "text", (c) => c.primaryKey().references("packages.id"))
    .addColumn("public_key", "text", (c) => c.notNull())
    .addColumn("threshold", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("tender_key_shares")
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("enc", "text", (c) => c.notNull())
    .addColumn("ct", "text", (c) => c.notNull())
    .addColumn("share_hash", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("tender_key_shares_pk", ["package_id", "user_id"])
    .execute();

  await db.schema
    .createTable("bids")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size", "bigint", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // active | replaced | withdrawn
    .addColumn("submitted_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("log_index", "integer", (c) => c.notNull())
    .addColumn("ended_at", "text")
    .execute();
  await db.schema.createIndex("bids_package_vendor").on("bids").columns(["package_id", "vendor_id", "status"]).execute();

  // A resumable upload in progress: its bytes grow in the file store's partial area until completed.
  await db.schema
    .createTable("bid_uploads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("size", "bigint", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("opening_shares")
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("share", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("opening_shares_pk", ["package_id", "user_id"])
    .execute();

  await db.schema
    .createTable("tender_openings")
    .addColumn("package_id", "text", (c) => c.primaryKey().references("packages.id"))
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("opened_by", "text", (c) => c.notNull().references("users.id"))
    .execute();

  await db.schema
    .createTable("bid_openings")
    .addColumn("bid_id", "text", (c) => c.primaryKey().references("bids.id"))
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("status", "text", (c) => c.notNull()) // valid | invalid
    .addColumn("price_sen", "bigint")
    .addColumn("document", "text")
    .addColumn("files", "text")
    .addColumn("error", "text")
    .execute();
  await db.schema.createIndex("bid_openings_package").on("bid_openings").column("package_id").execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the sealed bids migration.");
}
