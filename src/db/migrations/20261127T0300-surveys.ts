import type { Kysely } from "kysely";

/**
 * Satisfaction surveys and improvement requests (LPSE standard 15). Answers carry no link to the invitation
 * that allowed them, so who answered what cannot be read back from the data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("surveys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("period_from", "text", (c) => c.notNull())
    .addColumn("period_to", "text", (c) => c.notNull())
    .addColumn("questions", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("recipients", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("closed_at", "text")
    .execute();

  await db.schema
    .createTable("survey_invitations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("survey_id", "text", (c) => c.notNull().references("surveys.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("answered", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("survey_invitations_survey").on("survey_invitations").column("survey_id").execute();

  await db.schema
    .createTable("survey_responses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("survey_id", "text", (c) => c.notNull().references("surveys.id"))
    .addColumn("scores", "text", (c) => c.notNull())
    .addColumn("comment", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("survey_responses_survey").on("survey_responses").column("survey_id").execute();

  await db.schema
    .createTable("improvement_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("requester_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("response", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("improvement_requests_requester").on("improvement_requests").column("requester_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["improvement_requests", "survey_responses", "survey_invitations", "surveys"]) {
    await db.schema.dropTable(table).execute();
  }
}
