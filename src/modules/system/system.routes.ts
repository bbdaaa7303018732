import { sql } from "kysely";
import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import type { Api } from "../../server/http.js";
import { PublicLpseSchema, TIME_ZONES } from "../settings/settings.schemas.js";
import { getSettings } from "../settings/settings.service.js";
import { setupNeeded } from "../setup/setup.service.js";

const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({ dialect: z.enum(["sqlite", "postgres"]), reachable: z.boolean() }),
  log: z.object({ size: z.number().int(), latestHead: z.object({ treeSize: z.number().int(), rootHash: z.string(), timestamp: z.string() }).nullable() }),
  serverTime: z.string(),
});

export function systemRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  app.get(
    "/api/health",
    { schema: { tags: ["system"], summary: "Health: database reachable and the event-log head", response: { 200: HealthSchema, 503: HealthSchema } } },
    async (_request, reply) => {
      const serverTime = deps.clock.now().toISOString();
      try {
        await sql`select 1`.execute(db);
        const size = await deps.eventLog.size();
        const head = await deps.eventLog.latestHead();
        return {
          status: "ok" as const,
          database: { dialect: deps.database.dialect, reachable: true },
          log: { size, latestHead: head ? { treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp } : null },
          serverTime,
        };
      } catch (error) {
        reply.log.error({ err: error }, "health check failed");
        return reply.status(503).send({
          status: "degraded" as const,
          database: { dialect: deps.database.dialect, reachable: false },
          log: { size: 0, latestHead: null },
          serverTime,
        });
      }
    },
  );

  app.get("/api/openapi.json", { schema: { tags: ["system"], summary: "This OpenAPI 3.1 document", response: { 200: z.looseObject({}) } } }, async () => app.swagger() as unknown as Record<string, unknown>);

  app.get(
    "/api/v1/public/lpse",
    { schema: { tags: ["public"], summary: "The LPSE's name, zone and server time (public)", response: { 200: PublicLpseSchema } } },
    async () => {
      const settings = await getSettings(db);
      return {
        name: settings.name,
        region: settings.region,
        timeZone: settings.timeZone,
        ianaZone: TIME_ZONES[settings.timeZone],
        serverTime: deps.clock.now().toISOString(),
        setupNeeded: await setupNeeded(db),
      };
    },
  );
}
