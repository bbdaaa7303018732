import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { tempDir, TEST_DIALECT } from "./database.js";

const ADMIN_URL = process.env.OPENLPSE_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface RestoreTarget {
  /** The environment of an installation on an empty data directory (and an empty PostgreSQL database). */
  env: Record<string, string>;
  dataDir: string;
  destroy(): Promise<void>;
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** An empty place to restore into, on the dialect the suite runs on. */
export async function emptyRestoreTarget(): Promise<RestoreTarget> {
  const root = tempDir("openlpse-restore-");
  const dataDir = path.join(root, "data");
  const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  let name: string | null = null;
  if (TEST_DIALECT === "postgres") {
    name = `openlpse_restore_${randomBytes(6).toString("hex")}`;
    await admin(`create database ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
  }
  return {
    env,
    dataDir,
    destroy: async () => {
      if (name) await admin(`drop database if exists ${name} with (force)`);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
