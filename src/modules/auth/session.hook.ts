import { createHash, randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../server/app.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { findUserById, type UserWithAgency } from "../users/users.repository.js";
import type { Role } from "../users/roles.js";
import { findSession, type SessionRow, updateSession } from "./sessions.repository.js";

export const SESSION_COOKIE = "lpse_session";
/** How stale a session's "last seen" may get: a write per request would be wasteful. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** A logged-in session, possibly still waiting for its second factor. */
export interface SessionContext {
  session: SessionRow;
  user: UserWithAgency;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set once the password and (where required) the second factor are done. */
    actor: Actor | null;
    sessionContext: SessionContext | null;
  }
}

/** Session tokens are 256 random bits; only their SHA-256 is stored, so a database copy cannot log in. */
export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, id: sessionIdOf(token) };
}

export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function setSessionCookie(reply: FastifyReply, deps: AppDeps, token: string, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: deps.config.secureCookies,
    path: "/",
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: AppDeps): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure: deps.config.secureCookies });
}

/** Resolve the session cookie on every request; revoked, expired or disabled means anonymous. */
export function installSessionHook(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionContext", null);
  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith("/api/")) return;
    const session = await findSession(deps.database.db, sessionIdOf(token));
    const now = deps.clock.now().toISOString();
    if (!session || session.revoked_at !== null || session.expires_at <= now) return;
    const user = await findUserById(deps.database.db, session.user_id);
    if (!user || user.status !== "active") return;
    // "Last seen" for the user's list of sessions, written at most once a minute per session.
    if (Date.parse(now) - Date.parse(session.last_seen_at) >= LAST_SEEN_RESOLUTION_MS) await updateSession(deps.database.db, session.id, { last_seen_at: now });
    request.sessionContext = { session, user };
    if (session.second_factor_done === 1) request.actor = actorOf(user, session.id);
  });
}

export function actorOf(user: UserWithAgency, sessionId: string): Actor {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role as Role,
    agencyId: user.agency_id,
    vendorId: user.vendor_id,
    sessionId,
  };
}

/** The caller, or 401. A session still waiting for its second factor gets a distinct code. */
export function requireActor(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  if (request.sessionContext) throw new AppError("SECOND_FACTOR_REQUIRED");
  throw new AppError("UNAUTHENTICATED");
}
