import type { Kysely } from "kysely";

/** Vendors joining tenders, clarification questions and answers, and addenda (new document versions). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("tender_participants")
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("joined_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("joined_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("tender_participants_pk", ["package_id", "vendor_id"])
    .execute();

  await db.schema
    .createTable("tender_questions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("asked_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("asked_at", "text", (c) => c.notNull())
    .addColumn("answer", "text")
    .addColumn("answered_by", "text", (c) => c.references("users.id"))
    .addColumn("answered_at", "text")
    .execute();
  await db.schema.createIndex("tender_questions_package").on("tender_questions").columns(["package_id", "asked_at"]).execute();

  await db.schema
    .createTable("tender_documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("published_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("published_at", "text", (c) => c.notNull())
    .addUniqueConstraint("tender_documents_version", ["package_id", "version"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the participation migration.");
}
