import type { Kysely } from "kysely";

/**
 * The helpdesk register (LPSE standard 5): tickets with their classification, SLA due times and
 * escalation, their comments (public replies and internal notes), and the public knowledge base.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("helpdesk_tickets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("submitter_name", "text", (c) => c.notNull())
    .addColumn("submitter_email", "text")
    .addColumn("submitter_phone", "text")
    .addColumn("submitter_user_id", "text", (c) => c.references("users.id"))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("technical", "integer", (c) => c.notNull())
    .addColumn("user_group", "text", (c) => c.notNull())
    .addColumn("urgency", "text", (c) => c.notNull())
    .addColumn("impact", "text", (c) => c.notNull())
    .addColumn("priority", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("assignee_id", "text", (c) => c.references("users.id"))
    .addColumn("escalated_to_id", "text", (c) => c.references("users.id"))
    .addColumn("escalation_reason", "text")
    .addColumn("escalated_at", "text")
    .addColumn("outcome", "text")
    .addColumn("created_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("response_due_at", "text", (c) => c.notNull())
    .addColumn("resolution_due_at", "text", (c) => c.notNull())
    .addColumn("first_response_at", "text")
    .addColumn("resolved_at", "text")
    .addColumn("closed_at", "text")
    .execute();
  await db.schema.createIndex("helpdesk_tickets_created_at").on("helpdesk_tickets").column("created_at").execute();
  await db.schema.createIndex("helpdesk_tickets_status").on("helpdesk_tickets").columns(["status", "created_at"]).execute();
  await db.schema.createIndex("helpdesk_tickets_submitter").on("helpdesk_tickets").column("submitter_user_id").execute();

  await db.schema
    .createTable("helpdesk_comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("ticket_id", "text", (c) => c.notNull().references("helpdesk_tickets.id"))
    .addColumn("author_id", "text", (c) => c.references("users.id"))
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("from_staff", "integer", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("helpdesk_comments_ticket").on("helpdesk_comments").columns(["ticket_id", "created_at"]).execute();

  await db.schema
    .createTable("helpdesk_articles")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("helpdesk_comments").execute();
  await db.schema.dropTable("helpdesk_tickets").execute();
  await db.schema.dropTable("helpdesk_articles").execute();
}
