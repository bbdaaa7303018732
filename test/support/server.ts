import { type Clock, systemClock } from "../../src/server/clock.js";
import { loadConfig } from "../../src/server/config.js";
import { openRuntime, type RunningServer, startServer } from "../../src/server/start.js";
import { createTestDatabase, type TestDatabase } from "./database.js";

export interface TestServer {
  server: RunningServer;
  url: string;
  testDb: TestDatabase;
  close(): Promise<void>;
}

/** The real server listening on a free loopback port, on a fresh database, with the system clock unless given another. */
export async function startTestServer(env: Record<string, string> = {}, clock: Clock = systemClock): Promise<TestServer> {
  const testDb = await createTestDatabase();
  // The runtime opens its own connection; the test keeps testDb's for direct checks.
  const config = loadConfig({ DATA_DIR: testDb.dataDir, DATABASE_URL: testDb.databaseUrl, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "error", ...env });
  const runtime = await openRuntime(config, clock);
  const server = await startServer(runtime);
  const address = server.app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    testDb,
    close: async () => {
      await server.close();
      await testDb.destroy();
    },
  };
}
