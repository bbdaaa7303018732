import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Tx } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { findUserById } from "../users/users.repository.js";
import * as repo from "./account-recovery.repository.js";

/** Ten codes, as most services give: enough for years of lost phones, few enough to print. */
export const RECOVERY_CODE_COUNT = 10;
/** 16 characters of a 32-letter alphabet = 80 bits, so a plain SHA-256 is safe to store (no guessing offline). */
const CODE_LENGTH = 16;
/** 32 symbols: lower-case letters without the look-alikes i, l, o, and the digits but 1. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz023456789";

function newCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  const chars = Array.from(bytes, (b) => ALPHABET[b % 32]).join("");
  return chars.match(/.{4}/g)?.join("-") ?? chars;
}

/** What the user types, however spaced or cased, to what was hashed. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function hashCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}

/**
 * Make a fresh set of codes for a user, replacing any earlier set, inside the caller's transaction.
 * The plain codes are returned once, to be shown once; only their hashes are kept.
 */
export async function issueRecoveryCodes(trx: Tx, userId: string, actorId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await repo.replaceRecoveryCodes(
    trx,
    userId,
    codes.map((code) => ({ id: randomUUID(), user_id: userId, code_hash: hashCode(code), created_at: now.toISOString(), used_at: null })),
  );
  await appendEvent(trx, { actorId, type: "user.recovery_codes_issued", subject: { type: "user", id: userId }, payload: { count: codes.length } }, now);
  return codes;
}

/** Regenerate from the account page: only for a user with an authenticator (the codes stand in for it). */
export async function regenerateRecoveryCodes(db: Kysely<DB>, actor: Actor, now: Date): Promise<string[]> {
  const user = await findUserById(db, actor.id);
  if (!user?.totp_enrolled_at) {
    throw new AppError("CONFLICT", { id: "Kode pemulihan hanya untuk akun dengan autentikator", en: "Recovery codes are only for accounts with an authenticator" });
  }
  return db.transaction().execute((trx) => issueRecoveryCodes(trx, actor.id, actor.id, now));
}

export async function recoveryCodeStatus(db: Kysely<DB>, actor: Actor) {
  const user = await findUserById(db, actor.id);
  return { enrolled: Boolean(user?.totp_enrolled_at), remaining: await repo.countUnusedRecoveryCodes(db, actor.id) };
}

/** Use a code once, in the caller's transaction: true when it was one of the user's unused codes. */
export async function consumeRecoveryCode(trx: Tx, userId: string, code: string, now: Date): Promise<boolean> {
  return (await repo.useRecoveryCode(trx, userId, hashCode(code), now.toISOString())) === 1;
}

export function remainingRecoveryCodes(db: Kysely<DB> | Tx, userId: string): Promise<number> {
  return repo.countUnusedRecoveryCodes(db, userId);
}
