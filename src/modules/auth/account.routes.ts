import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import type { Api } from "../../server/http.js";
import { settingsRateLimit } from "../../server/rate-limits.js";
import { presentMe } from "./auth.presenter.js";
import { clientOf, pendingSession } from "./auth.routes.js";
import {
  AcceptedSchema,
  PasswordResetCompleteSchema,
  PasswordResetRequestSchema,
  RecoveryCodeBodySchema,
  RecoveryCodeStatusSchema,
  RecoveryCodesSchema,
  RevokedCountSchema,
  SessionListSchema,
  SessionParamsSchema,
} from "./account.schemas.js";
import { AuthOkSchema } from "./auth.schemas.js";
import { completeWithRecoveryCode } from "./auth.service.js";
import { completePasswordReset, requestPasswordReset } from "./password-reset.service.js";
import { recoveryCodeStatus, regenerateRecoveryCodes } from "./recovery-codes.service.js";
import { requireActor } from "./session.hook.js";
import { listOwnSessions, revokeOtherSessions, revokeOwnSession } from "./sessions.service.js";

/** The caller's own account security: password reset, sessions, recovery codes. Every user may use these on itself. */
export function accountRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;
  const loginLimit = settingsRateLimit(deps, "login");

  app.post(
    "/api/v1/auth/password-reset",
    {
      config: { rateLimit: loginLimit },
      schema: { tags: ["auth"], summary: "Ask for a password reset link by email (the same answer for every address)", body: PasswordResetRequestSchema, response: { 202: AcceptedSchema } },
    },
    async (request, reply) => {
      await requestPasswordReset(deps, request.body.email);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    "/api/v1/auth/password-reset/complete",
    {
      config: { rateLimit: loginLimit },
      schema: { tags: ["auth"], summary: "Set a new password from the emailed link; ends every session of the account", body: PasswordResetCompleteSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await completePasswordReset(deps, request.body.token, request.body.password);
      request.log.info({ event: "auth.password_reset", ip: request.ip }, "password reset");
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/auth/totp/recovery",
    {
      config: { rateLimit: loginLimit },
      schema: { tags: ["auth"], summary: "Complete login with a one-time recovery code instead of the authenticator", body: RecoveryCodeBodySchema, response: { 200: AuthOkSchema } },
    },
    async (request) => {
      const context = pendingSession(request);
      const { actor, remaining } = await completeWithRecoveryCode(deps, context, request.body.code, clientOf(request));
      request.log.info({ event: "auth.login", userId: actor.id, role: actor.role, ip: request.ip, secondFactor: true, recoveryCode: true, remaining }, "login succeeded");
      return { status: "ok" as const, user: presentMe(actor, context.user.agency_name) };
    },
  );

  app.get(
    "/api/v1/auth/recovery-codes",
    { schema: { tags: ["auth"], summary: "How many unused recovery codes the caller has", response: { 200: RecoveryCodeStatusSchema } } },
    async (request) => recoveryCodeStatus(db, requireActor(request)),
  );

  app.post(
    "/api/v1/auth/recovery-codes",
    { schema: { tags: ["auth"], summary: "Make ten new recovery codes, shown once; earlier codes stop working", response: { 200: RecoveryCodesSchema } } },
    async (request) => ({ codes: await regenerateRecoveryCodes(db, requireActor(request), deps.clock.now()) }),
  );

  app.get(
    "/api/v1/auth/sessions",
    { schema: { tags: ["auth"], summary: "The caller's active sessions", response: { 200: SessionListSchema } } },
    async (request) => ({ items: await listOwnSessions(db, requireActor(request), deps.clock.now()) }),
  );

  app.post(
    "/api/v1/auth/sessions/revoke-others",
    { schema: { tags: ["auth"], summary: "End every session of the caller but this one", response: { 200: RevokedCountSchema } } },
    async (request) => ({ revoked: await revokeOtherSessions(db, requireActor(request), deps.clock.now()) }),
  );

  app.delete(
    "/api/v1/auth/sessions/:sessionRef",
    { schema: { tags: ["auth"], summary: "End one of the caller's sessions", params: SessionParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeOwnSession(db, requireActor(request), request.params.sessionRef, deps.clock.now());
      return reply.status(204).send(null);
    },
  );
}
