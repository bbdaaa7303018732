import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../db/database.js";
import type { EventLog } from "../log/event-log.js";
import { logRoutes } from "../log/log.routes.js";
import { accountRoutes } from "../modules/auth/account.routes.js";
import { authRoutes } from "../modules/auth/auth.routes.js";
import { installSessionHook } from "../modules/auth/session.hook.js";
import { notificationRoutes } from "../modules/notifications/notifications.routes.js";
import { ocdsRoutes } from "../modules/ocds/ocds.routes.js";
import { bidRoutes } from "../modules/bids/bids.routes.js";
import { evaluationRoutes } from "../modules/evaluation/evaluation.routes.js";
import { minutesRoutes } from "../modules/evaluation/minutes.routes.js";
import { winnerRoutes } from "../modules/evaluation/winner.routes.js";
import { awardRoutes } from "../modules/award/award.routes.js";
import { backupRoutes } from "../modules/backups/backups.routes.js";
import { helpdeskRoutes } from "../modules/helpdesk/helpdesk.routes.js";
import { registerRoutes } from "../modules/registers/registers.routes.js";
import { operationsRegistersRoutes } from "../modules/operations-registers/operations-registers.routes.js";
import { serverRoomRoutes } from "../modules/server-room/server-room.routes.js";
import { staffRoutes } from "../modules/staff/staff.routes.js";
import { budgetSuppliersRoutes } from "../modules/budget-suppliers/budget-suppliers.routes.js";
import { surveyRoutes } from "../modules/surveys/surveys.routes.js";
import { complianceRoutes } from "../modules/compliance/compliance.routes.js";
import { Metrics } from "../modules/metrics/metrics.registry.js";
import { metricsRoutes } from "../modules/metrics/metrics.routes.js";
import { closingRoutes } from "../modules/award/closing.routes.js";
import { directRoutes } from "../modules/direct/direct.routes.js";
import { orgRoutes } from "../modules/orgs/orgs.routes.js";
import { packageDocumentRoutes } from "../modules/packages/documents.routes.js";
import { packageRoutes } from "../modules/packages/packages.routes.js";
import { portalRoutes } from "../modules/portal/portal.routes.js";
import { settingsRoutes } from "../modules/settings/settings.routes.js";
import { participationRoutes } from "../modules/tenders/participation.routes.js";
import { tenderRoutes } from "../modules/tenders/tenders.routes.js";
import { setupRoutes } from "../modules/setup/setup.routes.js";
import { liveEvidenceRoutes } from "../modules/standards/live-evidence.routes.js";
import { peerRoutes } from "../modules/standards/peers.routes.js";
import { standardsRoutes } from "../modules/standards/standards.routes.js";
import { systemRoutes } from "../modules/system/system.routes.js";
import { userRoutes } from "../modules/users/users.routes.js";
import { vendorDocumentRoutes } from "../modules/vendors/documents.routes.js";
import { vendorRecordRoutes } from "../modules/vendors/records.routes.js";
import { vendorRoutes } from "../modules/vendors/vendors.routes.js";
import type { FileStore } from "../storage/file-store.js";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import { AppError } from "./errors.js";
import { installAuditLog } from "./audit-log.js";
import { registerOpenApi } from "./openapi.js";
import { installErrorHandler, sendProblem, toAppError } from "./problems.js";
import { webRoot } from "./paths.js";

export interface AppDeps {
  config: Config;
  database: Database;
  eventLog: EventLog;
  clock: Clock;
  /** Documents and (later) sealed bids, content-addressed. */
  fileStore: FileStore;
  /** Secret for signed cookies (the CSRF secret cookie); generated at install under DATA_DIR/keys. */
  cookieSecret: string;
  /** The process's counters for /metrics; made by buildApp when not given. */
  metrics?: Metrics;
  /** Where the service log goes (default stdout); tests read the lines. */
  logDestination?: { write(line: string): void };
}

export interface RegisteredRoute {
  method: string | string[];
  url: string;
}

declare module "fastify" {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Content-Security-Policy: scripts only from our origin; Mantine needs inline style attributes. */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", "data:"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/** A URL for the service log with the values of secret query parameters replaced. */
export function withoutSecrets(url: string): string {
  return url.replace(/([?&](?:token|kode)=)[^&#]*/gi, "$1[disembunyikan]");
}

/** Assemble the Fastify application: plugins, hooks, routes. Does not listen. */
export async function buildApp(deps: AppDeps) {
  const { config } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ["req.headers.cookie", "req.headers.authorization", "req.headers[\"x-csrf-token\"]"],
      // Personal links carry their secret in the query (a survey's answer link): the log keeps the path only.
      serializers: { req: (request: { method: string; url: string; hostname?: string; ip?: string }) => ({ method: request.method, url: withoutSecrets(request.url), hostname: request.hostname, remoteAddress: request.ip }) },
      ...(deps.logDestination ? { stream: deps.logDestination } : {}),
    },
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    // Without this the router answers an over-long or badly encoded path parameter in its own JSON, not problem+json.
    frameworkErrors: (error, request, reply) => sendProblem(request, reply, toAppError(error)),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(helmet, {
    // upgrade-insecure-requests would break a plain-HTTP install (the demo on localhost); HSTS covers https.
    contentSecurityPolicy: { directives: { ...CSP_DIRECTIVES, upgradeInsecureRequests: config.secureCookies ? [] : null } },
    strictTransportSecurity: config.secureCookies,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie, { secret: deps.cookieSecret });
  await app.register(csrf, {
    sessionPlugin: "@fastify/cookie",
    cookieOpts: { signed: true, httpOnly: true, sameSite: "strict", path: "/", secure: config.secureCookies },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => {
      const seconds = Math.ceil(context.ttl / 1000);
      return new AppError(
        "RATE_LIMITED",
        { id: `Terlalu banyak percobaan. Coba lagi dalam ${seconds} detik.`, en: `Too many attempts. Try again in ${seconds} seconds.` },
        [],
        { "retry-after": String(seconds) },
      );
    },
  });
  await registerOpenApi(app);

  // Every state-changing API call must carry the CSRF token, logged in or not (this also stops login CSRF).
  app.addHook("onRequest", (request, reply, done) => {
    if (UNSAFE_METHODS.has(request.method) && request.url.startsWith("/api/")) {
      app.csrfProtection(request, reply, done);
    } else {
      done();
    }
  });
  installSessionHook(app, deps);
  installAuditLog(app);
  const metrics = deps.metrics ?? new Metrics();
  deps.fileStore.observe(metrics);

  // The route table, for the OpenAPI completeness test and the authorization matrix.
  const registeredRoutes: RegisteredRoute[] = [];
  app.decorate("registeredRoutes", registeredRoutes);
  app.addHook("onRoute", (route) => {
    registeredRoutes.push({ method: route.method, url: route.url });
  });

  metricsRoutes(app, deps, metrics);
  await app.register(async (api) => {
    systemRoutes(api, deps);
    logRoutes(api, deps);
    setupRoutes(api, deps);
    authRoutes(api, deps);
    accountRoutes(api, deps);
    orgRoutes(api, deps);
    userRoutes(api, deps);
    settingsRoutes(api, deps);
    notificationRoutes(api, deps);
    vendorRoutes(api, deps);
    vendorDocumentRoutes(api, deps);
    vendorRecordRoutes(api, deps);
    packageRoutes(api, deps);
    packageDocumentRoutes(api, deps);
    tenderRoutes(api, deps);
    portalRoutes(api, deps);
    participationRoutes(api, deps);
    ocdsRoutes(api, deps);
    bidRoutes(api, deps);
    evaluationRoutes(api, deps);
    winnerRoutes(api, deps);
    minutesRoutes(api, deps);
    awardRoutes(api, deps);
    closingRoutes(api, deps);
    directRoutes(api, deps);
    backupRoutes(api, deps);
    standardsRoutes(api, deps);
    liveEvidenceRoutes(api, deps);
    peerRoutes(api, deps);
    helpdeskRoutes(api, deps);
    registerRoutes(api, deps);
    operationsRegistersRoutes(api, deps);
    staffRoutes(api, deps);
    serverRoomRoutes(api, deps);
    budgetSuppliersRoutes(api, deps);
    surveyRoutes(api, deps);
    complianceRoutes(api, deps);
  });

  await serveWebApp(app);
  return app;
}

export type OpenLpseApp = Awaited<ReturnType<typeof buildApp>>;

/** Serve the built React app with a fallback to index.html for client-side routes; /api stays JSON. */
async function serveWebApp(app: FastifyInstance): Promise<void> {
  const root = webRoot();
  const hasWeb = fs.existsSync(path.join(root, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, { root, prefix: "/", wildcard: false, index: ["index.html"] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === "GET" && !request.url.startsWith("/api/") && request.url !== "/api";
    if (hasWeb && isPage) return reply.type("text/html; charset=utf-8").sendFile("index.html");
    return sendProblem(
      request,
      reply,
      new AppError("NOT_FOUND", { id: `Alamat ${request.method} ${request.url.split("?")[0]} tidak ada`, en: `There is no ${request.method} ${request.url.split("?")[0]}` }),
    );
  });
}
