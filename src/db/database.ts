import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from "kysely";
import pg from "pg";
import type { DB } from "./schema.js";

export type Dialect = "sqlite" | "postgres";

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Human-readable location without credentials, for logs and /api/health. */
  location: string;
  close(): Promise<void>;
}

export type Tx = Transaction<DB>;
export type Queryable = Kysely<DB> | Tx;

/** File name of the embedded database inside DATA_DIR. */
export const SQLITE_FILE = "openlpse.sqlite";

/** Open PostgreSQL when a URL is given, otherwise the embedded SQLite database under dataDir. */
export function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Database {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  return openSqlite(path.join(options.dataDir, SQLITE_FILE));
}

/** SQLite in WAL mode with synchronous=FULL: a commit that acknowledges a bid is on disk. */
export function openSqlite(file: string): Database {
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  // A second process (the CLI while the server runs) waits for the write lock instead of failing.
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: "sqlite", location: file, close: () => db.destroy() };
}

// PostgreSQL returns int8 (counts, sums) as strings by default; our integer columns stay within 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (restart, failover, an administrator) emits an error on the
  // pool; unhandled, that would crash the process. The pool replaces the connection on the next query.
  pool.on("error", (error) => {
    process.stderr.write(`PostgreSQL connection lost while idle (the pool will reconnect): ${error.message}\n`);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const u = new URL(url);
  return { db, dialect: "postgres", location: `postgres://${u.host}${u.pathname}`, close: () => db.destroy() };
}
