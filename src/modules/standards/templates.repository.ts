import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type TemplateRow = DB["standard_templates"];

/** The template library, this LPSE's own first, then by peer, newest first. */
export function listTemplates(db: Queryable) {
  return db
    .selectFrom("standard_templates")
    .leftJoin("lpse_peers", "lpse_peers.id", "standard_templates.peer_id")
    .selectAll("standard_templates")
    .select("lpse_peers.name as peer_name")
    .orderBy("lpse_peers.name")
    .orderBy("standard_templates.criterion_code")
    .orderBy("standard_templates.published_at", "desc")
    .execute();
}

export function findTemplate(db: Queryable, id: string) {
  return db
    .selectFrom("standard_templates")
    .leftJoin("lpse_peers", "lpse_peers.id", "standard_templates.peer_id")
    .selectAll("standard_templates")
    .select("lpse_peers.name as peer_name")
    .where("standard_templates.id", "=", id)
    .executeTakeFirst();
}

export async function insertTemplate(db: Queryable, row: TemplateRow): Promise<void> {
  await db.insertInto("standard_templates").values(row).execute();
}
