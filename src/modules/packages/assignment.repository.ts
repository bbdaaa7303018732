import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type AssignmentRow = DB["package_assignments"];

export async function findAssignment(db: Queryable, packageId: string) {
  const row = await db.selectFrom("package_assignments").selectAll().where("package_id", "=", packageId).executeTakeFirst();
  if (!row) return undefined;
  const members = await db
    .selectFrom("package_committee_members")
    .innerJoin("users", "users.id", "package_committee_members.user_id")
    .select(["users.id", "users.name", "users.role"])
    .where("package_committee_members.package_id", "=", packageId)
    .orderBy("users.name")
    .execute();
  return { ...row, members };
}

/** Whether the user sits on the package's Pokja or is its Pejabat Pengadaan. */
export async function isCommitteeMember(db: Queryable, packageId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom("package_committee_members").select("user_id").where("package_id", "=", packageId).where("user_id", "=", userId).executeTakeFirst();
  return row !== undefined;
}

export async function replaceAssignment(db: Queryable, row: AssignmentRow, memberIds: string[]): Promise<void> {
  await db.deleteFrom("package_committee_members").where("package_id", "=", row.package_id).execute();
  await db.deleteFrom("package_assignments").where("package_id", "=", row.package_id).execute();
  await db.insertInto("package_assignments").values(row).execute();
  await db.insertInto("package_committee_members").values(memberIds.map((user_id) => ({ package_id: row.package_id, user_id }))).execute();
}

/** Active accounts among the ids, with their roles, to check a proposed committee. */
export function findActiveUsers(db: Queryable, ids: string[]) {
  return db.selectFrom("users").select(["id", "name", "role", "status"]).where("id", "in", ids).execute();
}
