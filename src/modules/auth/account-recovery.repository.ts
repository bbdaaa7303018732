import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type PasswordResetRow = DB["password_resets"];
export type RecoveryCodeRow = DB["recovery_codes"];

export async function insertPasswordReset(db: Queryable, row: PasswordResetRow): Promise<void> {
  await db.insertInto("password_resets").values(row).execute();
}

/** Links issued to a user since `since`, used or not (the per-account mail brake). */
export async function countRecentPasswordResets(db: Queryable, userId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom("password_resets")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("user_id", "=", userId)
    .where("created_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Only the newest link works: mark every earlier unused one superseded. */
export async function supersedePasswordResets(db: Queryable, userId: string, at: string): Promise<void> {
  await db.updateTable("password_resets").set({ superseded_at: at }).where("user_id", "=", userId).where("used_at", "is", null).where("superseded_at", "is", null).execute();
}

export function findPasswordResetByTokenHash(db: Queryable, tokenHash: string): Promise<PasswordResetRow | undefined> {
  return db.selectFrom("password_resets").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

/** Use a link once: 1 when this call used it, 0 when it was used or superseded meanwhile. */
export async function usePasswordReset(db: Queryable, id: string, at: string): Promise<number> {
  const result = await db
    .updateTable("password_resets")
    .set({ used_at: at })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("superseded_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function replaceRecoveryCodes(db: Queryable, userId: string, rows: RecoveryCodeRow[]): Promise<void> {
  await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  if (rows.length > 0) await db.insertInto("recovery_codes").values(rows).execute();
}

export async function countUnusedRecoveryCodes(db: Queryable, userId: string): Promise<number> {
  const row = await db
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Use one of the user's codes once: 1 when this call used it, 0 when unknown, foreign or already used. */
export async function useRecoveryCode(db: Queryable, userId: string, codeHash: string, at: string): Promise<number> {
  const result = await db
    .updateTable("recovery_codes")
    .set({ used_at: at })
    .where("user_id", "=", userId)
    .where("code_hash", "=", codeHash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
