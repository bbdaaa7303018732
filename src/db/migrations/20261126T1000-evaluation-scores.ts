import type { Kysely } from "kysely";

/**
 * The scored evaluation methods: the package's technical weight (sistem nilai, kualitas dan biaya) and the
 * committee's technical score, in hundredths of a point, recorded with the teknis finding.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("packages").addColumn("technical_weight", "integer").execute();
  await db.schema.alterTable("bid_findings").addColumn("score_hundredths", "integer").execute();
}

export async function down(): Promise<void> {
  throw new Error("Restore a backup to go back before the evaluation scores migration.");
}
