import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

/** The committee's proposals of the winner for a package, oldest first, with the vendor's name. */
export function listProposals(db: Queryable, packageId: string) {
  return db
    .selectFrom("winner_proposals")
    .innerJoin("vendors", "vendors.id", "winner_proposals.vendor_id")
    .selectAll("winner_proposals")
    .select("vendors.name as vendor_name")
    .where("winner_proposals.package_id", "=", packageId)
    .orderBy("winner_proposals.proposed_at")
    .execute();
}

/** The proposal still waiting for the PA/KPA, if any. */
export function pendingProposal(db: Queryable, packageId: string) {
  return db.selectFrom("winner_proposals").selectAll().where("package_id", "=", packageId).where("decision", "is", null).executeTakeFirst();
}

export async function insertProposal(db: Queryable, row: DB["winner_proposals"]): Promise<void> {
  await db.insertInto("winner_proposals").values(row).execute();
}

/** Records the PA/KPA's decision, only on a proposal still pending; false when someone decided first. */
export async function decideProposal(db: Queryable, id: string, decision: { decision: "named" | "returned"; reason: string; by: string; at: string }): Promise<boolean> {
  const result = await db
    .updateTable("winner_proposals")
    .set({ decision: decision.decision, decision_reason: decision.reason, decided_by: decision.by, decided_at: decision.at })
    .where("id", "=", id)
    .where("decision", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Active accounts of the agency's PA/KPA, to tell them a proposal waits. */
export function agencyBudgetHolders(db: Queryable, agencyId: string) {
  return db.selectFrom("users").select(["id"]).where("role", "=", "pa_kpa").where("agency_id", "=", agencyId).where("status", "=", "active").execute();
}

/** The committee's members, to tell them the PA/KPA's decision. */
export function committeeMemberIds(db: Queryable, packageId: string) {
  return db.selectFrom("package_committee_members").select("user_id").where("package_id", "=", packageId).execute();
}
