import path from "node:path";
import { openDatabase, type Database } from "../db/database.js";
import { knownMigrations, migrateToLatest } from "../db/migrate.js";
import { EventLog } from "../log/event-log.js";
import { LocalFileStore } from "../storage/file-store.js";
import { loadOrCreateSigningKey } from "../log/signing-key.js";
import { sweepAbandonedUploads } from "../modules/bids/bids.service.js";
import { recordPlatformChange } from "../modules/registers/changes.service.js";
import { escalateOverdueTickets } from "../modules/helpdesk/helpdesk.escalation.js";
import { startHelpdeskSmtp } from "../modules/helpdesk/helpdesk.smtp.js";
import { Metrics } from "../modules/metrics/metrics.registry.js";
import { sampleCapacityIfDue } from "../modules/operations-registers/capacity.sampler.js";
import { MailWorker } from "../modules/notifications/mail-worker.js";
import { BackupScheduler } from "../modules/backups/backup.scheduler.js";
import { type AppDeps, buildApp, type OpenLpseApp } from "./app.js";
import { type Clock, systemClock } from "./clock.js";
import type { Config } from "./config.js";
import { loadOrCreateSecret } from "./secrets.js";
import { appVersion } from "./version.js";

export interface Runtime {
  deps: AppDeps;
  /** The migrations this opening applied (empty when the schema was up to date). */
  migrationsApplied: string[];
  /** Stop background work and close the database. */
  close(): Promise<void>;
}

/** Open the database, migrate, load or create keys: everything a command needs before serving. */
export async function openRuntime(config: Config, clock: Clock = systemClock): Promise<Runtime> {
  const database: Database = openDatabase(config);
  try {
    const migrationsApplied = await migrateToLatest(database.db);
    const key = loadOrCreateSigningKey(config.signingKeyPath);
    const cookieSecret = loadOrCreateSecret(path.join(config.dataDir, "keys", "cookie-secret"));
    const eventLog = new EventLog(database, key);
    const fileStore = new LocalFileStore(path.join(config.dataDir, "files"));
    return { deps: { config, database, eventLog, clock, cookieSecret, fileStore }, migrationsApplied, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export interface RunningServer {
  app: OpenLpseApp;
  url: string;
  runtime: Runtime;
  /** The port of the helpdesk SMTP listener, or null when HELPDESK_SMTP_PORT is unset. */
  helpdeskSmtpPort: number | null;
  close(): Promise<void>;
}

/**
 * Record a new version or migration set as a change, build the app, listen, and at start and every interval
 * after publish a signed tree head, drop bid uploads abandoned at their deadline, escalate helpdesk tickets
 * past their resolution due time and take a capacity sample when the configured interval has passed.
 */
export async function startServer(runtime: Runtime): Promise<RunningServer> {
  const { deps } = runtime;
  // A new version or migration set is recorded in the change register (standard 6), once per version and set.
  // Only a serving start records it: a restore or a verify must leave the restored log exactly as it was.
  await recordPlatformChange(deps.database.db, { version: appVersion(), knownMigrations: knownMigrations(), applied: runtime.migrationsApplied }, deps.clock.now());
  // The process's counters, shared with the capacity sampler (bytes uploaded between samples).
  const metrics = deps.metrics ?? new Metrics();
  const app = await buildApp({ ...deps, metrics });
  const address = await app.listen({ port: deps.config.port, host: deps.config.host });
  const publish = async () => {
    try {
      await deps.eventLog.publishHead(deps.clock.now());
    } catch (error) {
      app.log.error({ err: error }, "publishing the signed tree head failed");
    }
    try {
      const dropped = await sweepAbandonedUploads(deps, deps.clock.now());
      if (dropped > 0) app.log.info({ dropped }, "dropped bid uploads left incomplete at their deadline");
    } catch (error) {
      app.log.error({ err: error }, "sweeping abandoned bid uploads failed");
    }
    try {
      const escalated = await escalateOverdueTickets(deps);
      if (escalated > 0) app.log.info({ escalated }, "helpdesk tickets escalated past their resolution due time");
    } catch (error) {
      app.log.error({ err: error }, "escalating overdue helpdesk tickets failed");
    }
    try {
      await sampleCapacityIfDue(deps, metrics.receivedBytes());
    } catch (error) {
      app.log.error({ err: error }, "taking a capacity sample failed");
    }
  };
  await publish();
  const timer = setInterval(() => void publish(), deps.config.treeHeadIntervalSeconds * 1000);
  timer.unref();
  const mailWorker = new MailWorker({
    db: deps.database.db,
    clock: deps.clock,
    smtpUrl: deps.config.smtpUrl,
    mailFrom: deps.config.mailFrom,
    pollIntervalMs: deps.config.mailPollSeconds * 1000,
    log: app.log,
  });
  mailWorker.start();
  const backups = new BackupScheduler(deps, app.log);
  backups.start();
  const { helpdeskMail } = deps.config;
  const mailIntake = helpdeskMail.smtpPort === undefined
    ? null
    : await startHelpdeskSmtp(deps, { host: helpdeskMail.smtpHost, port: helpdeskMail.smtpPort, address: helpdeskMail.address, maxBytes: helpdeskMail.maxBytes }, app.log);
  app.log.info({ address, database: deps.database.location, dialect: deps.database.dialect }, "OpenLPSE is listening");
  let closed = false;
  return {
    app,
    url: address.replace("0.0.0.0", "localhost").replace("127.0.0.1", "localhost"),
    runtime,
    helpdeskSmtpPort: mailIntake?.port ?? null,
    close: async () => {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      backups.stop();
      await mailIntake?.close();
      await mailWorker.stop();
      await app.close();
      await runtime.close();
    },
  };
}
