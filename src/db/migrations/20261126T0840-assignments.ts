import type { Kysely } from "kysely";

/** Who runs the selection of a package: a Pokja Pemilihan (odd number, at least 3) or a Pejabat Pengadaan. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("package_assignments")
    .addColumn("package_id", "text", (c) => c.primaryKey().references("packages.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("decree_number", "text", (c) => c.notNull())
    .addColumn("assigned_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("assigned_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("package_committee_members")
    .addColumn("package_id", "text", (c) => c.notNull().references("packages.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addPrimaryKeyConstraint("package_committee_members_pk", ["package_id", "user_id"])
    .execute();
  await db.schema.createIndex("package_committee_members_user").on("package_committee_members").column("user_id").execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the assignments migration.");
}
