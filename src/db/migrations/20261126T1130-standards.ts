import type { Kysely } from "kysely";

/**
 * The LPSE standards assessment: cycles (with the catalog version they were opened with), the internal
 * assessment team and a coordinator per standard, one assessment per criterion with its evidence, findings
 * with their corrective action, and the LKPP's external verification per standard.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("standard_cycles")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("period", "text", (c) => c.notNull().unique())
    .addColumn("catalog_version", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // open | signed_off
    .addColumn("opened_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("met_count", "integer")
    .addColumn("signed_off_by", "text", (c) => c.references("users.id"))
    .addColumn("signed_off_at", "text")
    .addColumn("sign_off_note", "text")
    .execute();

  await db.schema
    .createTable("standard_team_members")
    .addColumn("cycle_id", "text", (c) => c.notNull().references("standard_cycles.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("appointed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("standard_team_members_pk", ["cycle_id", "user_id"])
    .execute();

  await db.schema
    .createTable("standard_coordinators")
    .addColumn("cycle_id", "text", (c) => c.notNull().references("standard_cycles.id"))
    .addColumn("standard_code", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("appointed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("standard_coordinators_pk", ["cycle_id", "standard_code"])
    .execute();

  await db.schema
    .createTable("criterion_assessments")
    .addColumn("cycle_id", "text", (c) => c.notNull().references("standard_cycles.id"))
    .addColumn("criterion_code", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // met | partially_met | not_met | not_applicable
    .addColumn("reason", "text")
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("assessed_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("assessed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("criterion_assessments_pk", ["cycle_id", "criterion_code"])
    .execute();

  await db.schema
    .createTable("criterion_evidence")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cycle_id", "text", (c) => c.notNull().references("standard_cycles.id"))
    .addColumn("criterion_code", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull()) // file | link
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("content_type", "text")
    .addColumn("size", "integer")
    .addColumn("sha256", "text")
    .addColumn("added_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("added_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("criterion_evidence_cycle").on("criterion_evidence").columns(["cycle_id", "criterion_code", "added_at"]).execute();

  await db.schema
    .createTable("standard_findings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cycle_id", "text", (c) => c.notNull().references("standard_cycles.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("standard_code", "text", (c) => c.notNull())
    .addColumn("criterion_code", "text")
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("priority", "text", (c) => c.notNull()) // high | medium | low
    .addColumn("owner_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // open | done | verified
    .addColumn("raised_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("raised_at", "text", (c) => c.notNull())
    .addColumn("done_note", "text")
    .addColumn("done_at", "text")
    .addColumn("verified_by", "text", (c) => c.references("users.id"))
    .addColumn("verified_at", "text")
    .addColumn("verify_note", "text")
    .addUniqueConstraint("standard_findings_number", ["cycle_id", "number"])
    .execute();

  await db.schema
    .createTable("lkpp_verifications")
    .addColumn("cycle_id", "text", (c) => c.notNull().references("standard_cycles.id"))
    .addColumn("standard_code", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull()) // met | not_met
    .addColumn("letter_number", "text", (c) => c.notNull())
    .addColumn("letter_date", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("lkpp_verifications_pk", ["cycle_id", "standard_code"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the standards migration.");
}
