import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openPostgres, openSqlite } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";

/**
 * Which database the suite runs on: SQLite by default; PostgreSQL when OPENLPSE_TEST_DATABASE=postgres
 * (CI runs the suite once each way). Every test file gets its own fresh, migrated database.
 */
export const TEST_DIALECT = process.env.OPENLPSE_TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
const ADMIN_URL = process.env.OPENLPSE_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  database: Database;
  dataDir: string;
  /** postgres:// URL of the fresh database, or undefined on SQLite. */
  databaseUrl: string | undefined;
  destroy(): Promise<void>;
}

export function tempDir(prefix = "openlpse-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh, empty database (not migrated) for tests of what happens at start: its URL, data directory and clean-up. */
export async function createEmptyTestDatabase(): Promise<{ dataDir: string; databaseUrl: string | undefined; destroy(): Promise<void> }> {
  const dataDir = tempDir();
  if (TEST_DIALECT === "sqlite") return { dataDir, databaseUrl: undefined, destroy: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  const name = `openlpse_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    destroy: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = tempDir();
  if (TEST_DIALECT === "sqlite") {
    const database = openSqlite(path.join(dataDir, "openlpse.sqlite"));
    await migrateToLatest(database.db);
    return {
      database,
      dataDir,
      databaseUrl: undefined,
      destroy: async () => {
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `openlpse_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString());
  await migrateToLatest(database.db);
  return {
    database,
    dataDir,
    databaseUrl: url.toString(),
    destroy: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
