import path from "node:path";
import { type AppDeps, buildApp, type OpenLpseApp } from "../../src/server/app.js";
import { ManualClock } from "../../src/server/clock.js";
import { loadConfig } from "../../src/server/config.js";
import { EventLog } from "../../src/log/event-log.js";
import { LocalFileStore } from "../../src/storage/file-store.js";
import { loadOrCreateSigningKey } from "../../src/log/signing-key.js";
import { createTestDatabase, type TestDatabase } from "./database.js";
import { Client } from "./client.js";

export interface TestApp {
  app: OpenLpseApp;
  deps: AppDeps;
  clock: ManualClock;
  testDb: TestDatabase;
  /** A new browser-like client with its own cookie jar. */
  client(): Client;
  close(): Promise<void>;
}

/** What the factories need: the services' dependencies and the clock, of a TestApp or of a running test server. */
export type TestContext = Pick<TestApp, "deps" | "clock">;

/** The real application on a real, fresh database, driven in-process through Fastify's inject. */
export async function createTestApp(options: { now?: Date; logLines?: string[] } = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  // With logLines, the service log (info and up) is collected there instead of being silent.
  const config = loadConfig({ DATA_DIR: testDb.dataDir, LOG_LEVEL: options.logLines ? "info" : "silent", DATABASE_URL: testDb.databaseUrl });
  const clock = new ManualClock(options.now ?? new Date("2026-11-26T03:00:00.000Z"));
  const key = loadOrCreateSigningKey(path.join(testDb.dataDir, "keys", "log-signing-key.pem"));
  const deps: AppDeps = {
    config,
    database: testDb.database,
    eventLog: new EventLog(testDb.database, key),
    clock,
    cookieSecret: "test-cookie-secret-0123456789abcdef0123456789abcdef",
    fileStore: new LocalFileStore(path.join(testDb.dataDir, "files")),
    ...(options.logLines ? { logDestination: { write: (line: string) => void options.logLines?.push(line) } } : {}),
  };
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    clock,
    testDb,
    client: () => new Client(app, () => clock.now()),
    close: async () => {
      await app.close();
      await testDb.destroy();
    },
  };
}
