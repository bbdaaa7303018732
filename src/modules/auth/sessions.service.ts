import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { listActiveSessions, revokeUserSessions, type SessionRow, updateSession } from "./sessions.repository.js";

/**
 * The public name of a session: a hash of the stored id (itself the token's hash), so the stored lookup
 * key never leaves the server either.
 */
export function sessionRefOf(sessionId: string): string {
  return createHash("sha256").update(`session-ref:${sessionId}`).digest("hex").slice(0, 32);
}

export function presentSession(row: SessionRow, currentId: string) {
  return {
    ref: sessionRefOf(row.id),
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    ip: row.ip,
    userAgent: row.user_agent,
    current: row.id === currentId,
  };
}

/** The caller's sessions that still work (not revoked, not expired), newest first. */
export async function listOwnSessions(db: Kysely<DB>, actor: Actor, now: Date) {
  const rows = await listActiveSessions(db, actor.id, now.toISOString());
  return rows.map((row) => presentSession(row, actor.sessionId));
}

/** End one of the caller's own sessions (a lost phone, a shared computer). */
export async function revokeOwnSession(db: Kysely<DB>, actor: Actor, ref: string, now: Date): Promise<void> {
  const rows = await listActiveSessions(db, actor.id, now.toISOString());
  const target = rows.find((row) => sessionRefOf(row.id) === ref);
  // Someone else's session, or one already ended, is "not found" alike.
  if (!target) throw new AppError("NOT_FOUND", { id: "Sesi tidak ditemukan atau sudah berakhir", en: "Session not found or already ended" });
  await db.transaction().execute(async (trx) => {
    await updateSession(trx, target.id, { revoked_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "auth.session_revoked", subject: { type: "user", id: actor.id }, payload: { sessionRef: ref, current: target.id === actor.sessionId } }, now);
  });
}

/** End every session of the caller except the one making this request. */
export async function revokeOtherSessions(db: Kysely<DB>, actor: Actor, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const revoked = await revokeUserSessions(trx, actor.id, now.toISOString(), actor.sessionId);
    await appendEvent(trx, { actorId: actor.id, type: "auth.other_sessions_revoked", subject: { type: "user", id: actor.id }, payload: { revokedSessions: revoked } }, now);
    return revoked;
  });
}
