import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import { AppError } from "../../server/errors.js";
import { settingsRateLimit } from "../../server/rate-limits.js";
import type { Api } from "../../server/http.js";
import { presentMe } from "./auth.presenter.js";
import { AuthOkSchema, CsrfResponseSchema, EnrollmentDoneSchema, LoginBodySchema, LoginResponseSchema, MeSchema, TotpBodySchema } from "./auth.schemas.js";
import { type ClientInfo, completeEnrollment, completeWithTotp, login, logout } from "./auth.service.js";
import { findUserById } from "../users/users.repository.js";
import { actorOf, clearSessionCookie, requireActor, setSessionCookie } from "./session.hook.js";

/** Brute-force brake per client address for first-run setup (before any settings exist); logins use the setting. */
export const LOGIN_RATE_LIMIT = { max: 10, timeWindow: "1 minute" } as const;

export function clientOf(request: FastifyRequest): ClientInfo {
  return { ip: request.ip ?? null, userAgent: request.headers["user-agent"]?.slice(0, 300) ?? null };
}

export function pendingSession(request: FastifyRequest) {
  if (!request.sessionContext) throw new AppError("UNAUTHENTICATED", { id: "Masuk dengan email dan kata sandi terlebih dahulu", en: "Log in with email and password first" });
  return request.sessionContext;
}

export function authRoutes(app: Api, deps: AppDeps): void {
  const loginLimit = settingsRateLimit(deps, "login");
  app.get(
    "/api/v1/auth/csrf",
    { schema: { tags: ["auth"], summary: "Get a CSRF token for the x-csrf-token header", response: { 200: CsrfResponseSchema } } },
    async (_request, reply) => ({ token: reply.generateCsrf() }),
  );

  app.post(
    "/api/v1/auth/login",
    {
      config: { rateLimit: loginLimit },
      schema: { tags: ["auth"], summary: "Log in with email and password", body: LoginBodySchema, response: { 200: LoginResponseSchema } },
    },
    async (request, reply) => {
      const result = await login(deps, request.body.email, request.body.password, clientOf(request));
      setSessionCookie(reply, deps, result.token, result.expires);
      if (result.response.status !== "ok") return result.response;
      const me = await meOf(deps, result.userId);
      request.log.info({ event: "auth.login", userId: result.userId, role: me.role, ip: request.ip }, "login succeeded");
      return { status: "ok" as const, user: me };
    },
  );

  app.post(
    "/api/v1/auth/totp",
    {
      config: { rateLimit: loginLimit },
      schema: { tags: ["auth"], summary: "Complete login with an authenticator code", body: TotpBodySchema, response: { 200: AuthOkSchema } },
    },
    async (request) => {
      const context = pendingSession(request);
      const actor = await completeWithTotp(deps, context, request.body.code, clientOf(request));
      request.log.info({ event: "auth.login", userId: actor.id, role: actor.role, ip: request.ip, secondFactor: true }, "login succeeded");
      return { status: "ok" as const, user: presentMe(actor, context.user.agency_name) };
    },
  );

  app.post(
    "/api/v1/auth/totp/enroll",
    {
      config: { rateLimit: loginLimit },
      schema: {
        tags: ["auth"],
        summary: "Confirm a new authenticator at first login; answers with recovery codes, shown once",
        body: TotpBodySchema,
        response: { 200: EnrollmentDoneSchema },
      },
    },
    async (request) => {
      const context = pendingSession(request);
      const { actor, recoveryCodes } = await completeEnrollment(deps, context, request.body.code, clientOf(request));
      request.log.info({ event: "auth.login", userId: actor.id, role: actor.role, ip: request.ip, secondFactor: true, enrolled: true }, "login succeeded");
      return { status: "ok" as const, user: presentMe(actor, context.user.agency_name), recoveryCodes };
    },
  );

  app.post(
    "/api/v1/auth/logout",
    { schema: { tags: ["auth"], summary: "Log out and revoke the session", response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.sessionContext) await logout(deps, request.sessionContext);
      clearSessionCookie(reply, deps);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/auth/me",
    { schema: { tags: ["auth"], summary: "The logged-in user and what they may do", response: { 200: MeSchema } } },
    async (request) => {
      const actor = requireActor(request);
      return presentMe(actor, request.sessionContext?.user.agency_name ?? null);
    },
  );
}

async function meOf(deps: AppDeps, userId: string) {
  const user = await findUserById(deps.database.db, userId);
  if (!user) throw new AppError("INTERNAL");
  return presentMe(actorOf(user, ""), user.agency_name);
}
