import type { FastifyInstance } from "fastify";
import type { Role } from "../modules/users/roles.js";

/** Routes whose outcome is a login step. */
const LOGIN_ROUTES = new Set(["/api/v1/auth/login", "/api/v1/auth/totp", "/api/v1/auth/totp/enroll", "/api/v1/auth/totp/recovery"]);
/** Roles whose changes are administration, logged one line each for the operator's log search. */
const ADMIN_ROLES: readonly Role[] = ["admin_ppe", "admin_agency", "kepala_lpse"];
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Structured service-log lines (pino) for logins, failed logins and administrators' changes, with a stable
 * `event` field to search and alert on. The event log records what changed; these lines record attempts,
 * including refused ones, which the event log does not.
 */
export function installAuditLog(app: FastifyInstance): void {
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "";
    const status = reply.statusCode;
    if (LOGIN_ROUTES.has(route)) {
      const email = (request.body as { email?: unknown } | undefined)?.email;
      // Successes are logged by the routes, which know who logged in; refusals (wrong password or code,
      // lockout, rate limit) end here with the address tried.
      if (status >= 400) {
        const userId = request.sessionContext?.user.id;
        request.log.warn({ event: "auth.login_failed", route, status, ip: request.ip, email: typeof email === "string" ? email.toLowerCase() : undefined, userId }, "login failed");
      }
      return;
    }
    const actor = request.actor;
    if (actor && ADMIN_ROLES.includes(actor.role) && UNSAFE_METHODS.has(request.method) && route.startsWith("/api/")) {
      request.log.info({ event: "admin.action", actorId: actor.id, role: actor.role, method: request.method, route, url: request.url, status, ip: request.ip }, "administrator action");
    }
  });
}
