import type { Kysely } from "kysely";

/**
 * People and premises registers: LPSE staff with their competence matrix, certificates, trainings and
 * attendance (LPSE standard 8), and server-room permits, visits and devices carried in or out (standard 9).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("staff_members")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("nip", "text")
    .addColumn("position", "text", (c) => c.notNull())
    .addColumn("service_role", "text", (c) => c.notNull())
    .addColumn("nda_signed_on", "text")
    .addColumn("contract_ends_on", "text")
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("staff_competences")
    .addColumn("staff_id", "text", (c) => c.notNull().references("staff_members.id"))
    .addColumn("competence", "text", (c) => c.notNull())
    .addColumn("required_level", "integer", (c) => c.notNull())
    .addColumn("current_level", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("staff_competences_pk", ["staff_id", "competence"])
    .execute();

  await db.schema
    .createTable("staff_certificates")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("staff_id", "text", (c) => c.notNull().references("staff_members.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("valid_until", "text")
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("trainings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("competence", "text", (c) => c.notNull())
    .addColumn("level_awarded", "integer", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("hours", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("training_attendance")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("training_id", "text", (c) => c.notNull().references("trainings.id"))
    .addColumn("staff_id", "text", (c) => c.notNull().references("staff_members.id"))
    .addColumn("passed", "integer", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("level_before", "integer")
    .addColumn("level_after", "integer")
    .addColumn("recorded_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addUniqueConstraint("training_attendance_once", ["training_id", "staff_id"])
    .execute();

  await db.schema
    .createTable("server_room_permits")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person", "text", (c) => c.notNull())
    .addColumn("organisation", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("valid_from", "text", (c) => c.notNull())
    .addColumn("valid_until", "text", (c) => c.notNull())
    .addColumn("requested_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("approved_by", "text", (c) => c.references("users.id"))
    .addColumn("approved_at", "text")
    .addColumn("approval_note", "text")
    .addColumn("revoked_by", "text", (c) => c.references("users.id"))
    .addColumn("revoked_at", "text")
    .addColumn("revoked_reason", "text")
    .execute();

  await db.schema
    .createTable("server_room_visits")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("permit_id", "text", (c) => c.notNull().references("server_room_permits.id"))
    .addColumn("escort", "text", (c) => c.notNull())
    .addColumn("badge_number", "text", (c) => c.notNull())
    .addColumn("entered_at", "text", (c) => c.notNull())
    .addColumn("exited_at", "text")
    .addColumn("recorded_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("server_room_visits_entered_at").on("server_room_visits").column("entered_at").execute();

  await db.schema
    .createTable("server_room_devices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("visit_id", "text", (c) => c.notNull().references("server_room_visits.id"))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("serial_number", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["server_room_devices", "server_room_visits", "server_room_permits", "training_attendance", "trainings", "staff_certificates", "staff_competences", "staff_members"]) {
    await db.schema.dropTable(table).execute();
  }
}
