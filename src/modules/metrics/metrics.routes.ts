import { timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FastifyRequest } from "fastify";
import { sql } from "kysely";
import { z } from "zod";
import { SQLITE_FILE } from "../../db/database.js";
import type { AppDeps } from "../../server/app.js";
import { AppError } from "../../server/errors.js";
import type { Api } from "../../server/http.js";
import { listBackups } from "../backups/backup.manifest.js";
import { listDrills } from "../backups/backups.repository.js";
import type { Gauge, Metrics } from "./metrics.registry.js";

const LiveSchema = z.object({ status: z.literal("ok") });
const ReadySchema = z.object({ status: z.enum(["ok", "unavailable"]), database: z.boolean() });

function isLoopback(address: string | undefined): boolean {
  return address === "::1" || address?.startsWith("127.") === true || address?.startsWith("::ffff:127.") === true;
}

/**
 * Who may scrape /metrics. With METRICS_TOKEN: whoever sends it as a bearer token. Without: only a direct
 * connection from this machine. A request relayed by a reverse proxy on the same machine also comes from
 * loopback, so a request carrying a forwarding header is refused: a proxy would otherwise publish it.
 */
export function mayScrape(request: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(request.headers.authorization ?? "");
    const expected = Buffer.from(`Bearer ${token}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  const forwarded = request.headers["x-forwarded-for"] !== undefined || request.headers.forwarded !== undefined || request.headers["x-real-ip"] !== undefined;
  return !forwarded && isLoopback(request.raw.socket.remoteAddress);
}

/** Bytes the database takes: the SQLite file and its WAL, or pg_database_size. */
export async function databaseBytes(deps: Pick<AppDeps, "database" | "config">): Promise<number> {
  if (deps.database.dialect === "postgres") {
    const row = await sql<{ size: number }>`select pg_database_size(current_database()) as size`.execute(deps.database.db);
    return Number(row.rows[0]?.size ?? 0);
  }
  let total = 0;
  for (const suffix of ["", "-wal"]) {
    try {
      total += (await fs.promises.stat(path.join(deps.config.dataDir, SQLITE_FILE + suffix))).size;
    } catch {
      // No WAL file between checkpoints.
    }
  }
  return total;
}

async function scrapeGauges(deps: AppDeps): Promise<Gauge[]> {
  const disk = await fs.promises.statfs(deps.config.dataDir);
  const memory = process.memoryUsage();
  const [latestDrill] = await listDrills(deps.database.db, 1);
  const latestBackup = listBackups(deps.config.backupDir)[0];
  const gauges: Gauge[] = [
    { name: "openlpse_database_size_bytes", help: "Size of the database (SQLite file and WAL, or the PostgreSQL database).", value: await databaseBytes(deps) },
    { name: "openlpse_data_dir_free_bytes", help: "Free space for an unprivileged user on the file system of DATA_DIR.", value: disk.bavail * disk.bsize },
    { name: "openlpse_event_log_size", help: "Events in the tamper-evident log.", value: await deps.eventLog.size() },
    { name: "process_resident_memory_bytes", help: "Resident memory of the server process.", value: memory.rss },
    { name: "nodejs_heap_used_bytes", help: "V8 heap in use.", value: memory.heapUsed },
    { name: "nodejs_heap_total_bytes", help: "V8 heap reserved.", value: memory.heapTotal },
    { name: "process_start_time_seconds", help: "When the server process started (Unix time).", value: Math.round(Date.now() / 1000 - process.uptime()) },
  ];
  if (latestBackup) gauges.push({ name: "openlpse_backup_last_created_seconds", help: "Creation time (Unix) of the newest complete backup in BACKUP_DIR.", value: Date.parse(latestBackup.manifest.createdAt) / 1000 });
  if (latestDrill) {
    gauges.push({ name: "openlpse_restore_drill_last_seconds", help: "Start time (Unix) of the latest restore drill.", value: Date.parse(latestDrill.started_at) / 1000 });
    gauges.push({ name: "openlpse_restore_drill_last_ok", help: "1 if the latest restore drill passed, 0 if it failed.", value: latestDrill.ok });
  }
  return gauges;
}

/** /metrics (Prometheus), /health/live (the process answers) and /health/ready (the database answers too). */
export function metricsRoutes(app: Api, deps: AppDeps, metrics: Metrics): void {
  app.addHook("onResponse", async (request, reply) => {
    metrics.recordRequest(request.method, request.routeOptions.url ?? "unmatched", reply.statusCode, reply.elapsedTime / 1000);
  });

  app.get("/health/live", { schema: { tags: ["system"], summary: "Liveness: the process answers", response: { 200: LiveSchema } } }, async () => ({ status: "ok" as const }));

  app.get(
    "/health/ready",
    { schema: { tags: ["system"], summary: "Readiness: the database answers", response: { 200: ReadySchema, 503: ReadySchema } } },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(deps.database.db);
        return { status: "ok" as const, database: true };
      } catch (error) {
        request.log.error({ err: error }, "readiness check: the database does not answer");
        return reply.status(503).send({ status: "unavailable" as const, database: false });
      }
    },
  );

  app.get("/metrics", { schema: { tags: ["system"], summary: "Prometheus metrics (METRICS_TOKEN bearer, or direct loopback only)", hide: false } }, async (request, reply) => {
    if (!mayScrape(request, deps.config.metricsToken)) {
      throw new AppError("FORBIDDEN", {
        id: "Metrik hanya untuk pemantauan: gunakan token METRICS_TOKEN atau akses langsung dari server ini",
        en: "Metrics are for monitoring only: send the METRICS_TOKEN bearer token or connect directly from this machine",
      });
    }
    return reply.type("text/plain; version=0.0.4; charset=utf-8").send(metrics.render(await scrapeGauges(deps)));
  });
}
