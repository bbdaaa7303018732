import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type PeerRow = DB["lpse_peers"];
export type PeerSummaryRow = DB["peer_summaries"];
export type VisitRow = DB["study_visits"];
export type VisitActionRow = DB["study_visit_actions"];

// --- peers ----------------------------------------------------------------
export function listPeers(db: Queryable) {
  return db.selectFrom("lpse_peers").selectAll().orderBy("name").execute();
}

export function findPeer(db: Queryable, id: string) {
  return db.selectFrom("lpse_peers").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findPeerByName(db: Queryable, name: string) {
  return db.selectFrom("lpse_peers").selectAll().where("name", "=", name).executeTakeFirst();
}

export async function insertPeer(db: Queryable, row: PeerRow): Promise<void> {
  await db.insertInto("lpse_peers").values(row).execute();
}

export async function pinPeerKey(db: Queryable, id: string, keyId: string, publicKey: string): Promise<void> {
  await db.updateTable("lpse_peers").set({ key_id: keyId, public_key: publicKey }).where("id", "=", id).execute();
}

// --- summaries ------------------------------------------------------------
/** Every summary, newest period first within a peer. */
export function listSummaries(db: Queryable) {
  return db.selectFrom("peer_summaries").selectAll().orderBy("peer_id").orderBy("period", "desc").execute();
}

export function findSummary(db: Queryable, peerId: string, period: string) {
  return db.selectFrom("peer_summaries").select("id").where("peer_id", "=", peerId).where("period", "=", period).executeTakeFirst();
}

export async function insertSummary(db: Queryable, row: PeerSummaryRow): Promise<void> {
  await db.insertInto("peer_summaries").values(row).execute();
}

// --- study visits ---------------------------------------------------------
export function listVisits(db: Queryable) {
  return db.selectFrom("study_visits").selectAll().orderBy("visited_on", "desc").orderBy("recorded_at", "desc").execute();
}

export function listVisitActions(db: Queryable) {
  return db.selectFrom("study_visit_actions").selectAll().orderBy("visit_id").orderBy("position").execute();
}

export async function insertVisit(db: Queryable, row: VisitRow, actions: readonly VisitActionRow[]): Promise<void> {
  await db.insertInto("study_visits").values(row).execute();
  if (actions.length > 0) await db.insertInto("study_visit_actions").values([...actions]).execute();
}

/** Findings by id, across cycles (a visit's follow-up may point at any cycle's finding). */
export function findingsByIds(db: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("standard_findings").select(["id", "cycle_id", "number", "standard_code", "status"]).where("id", "in", [...ids]).execute();
}

/** The latest signed-off cycle of this installation's own LPSE. */
export function latestSignedOffCycle(db: Queryable) {
  return db.selectFrom("standard_cycles").selectAll().where("status", "=", "signed_off").orderBy("signed_off_at", "desc").limit(1).executeTakeFirst();
}
