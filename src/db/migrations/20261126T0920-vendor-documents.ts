import type { Kysely } from "kysely";

/** Documents a vendor uploads (deed, NPWP, KTP, licences): the file is in the content-addressed store. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("vendor_documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("vendor_documents_vendor").on("vendor_documents").columns(["vendor_id", "uploaded_at"]).execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the vendor documents migration.");
}
