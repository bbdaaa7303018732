import type { Kysely } from "kysely";

/** Files of a package: specification / KAK, draft contract, drawings; in the content-addressed store. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("package_documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("package_documents_package").on("package_documents").columns(["package_id", "uploaded_at"]).execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the package documents migration.");
}
