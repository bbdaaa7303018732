import { spawn } from "node:child_process";
import SQLite from "better-sqlite3";
import pg from "pg";
import { fromHex, MerkleAccumulator, toHex } from "../../log/merkle.js";
import { BackupError } from "./backup.manifest.js";

/**
 * Consistent copies of the database while the service runs, and their restore. SQLite: the online backup
 * API, all pages in one step (one read transaction, so writers never force a restart). PostgreSQL:
 * pg_dump inside an exported snapshot, so the log head we record is read from exactly what is dumped.
 */

export interface DatabaseCopy {
  logHead: { size: number; rootHash: string };
  migrations: string[];
}

/** Rows of leaf hashes read per query while computing the root. */
const LEAF_PAGE = 10_000;
/** Pages per backup step: everything at once. */
const ALL_PAGES = 0x7fffffff;

/** The log head over stored leaf hashes, read page by page through `page(after, limit)`. */
async function logHeadOf(size: number, page: (after: number, limit: number) => Promise<{ idx: number; leaf_hash: string }[]>): Promise<{ size: number; rootHash: string }> {
  const tree = new MerkleAccumulator();
  let after = -1;
  while (tree.size < size) {
    const rows = await page(after, Math.min(LEAF_PAGE, size - tree.size));
    if (rows.length === 0) throw new BackupError(`the event log says ${size} events but only ${tree.size} are stored`);
    for (const r of rows) tree.append(fromHex(r.leaf_hash));
    after = rows.at(-1)!.idx;
  }
  return { size, rootHash: toHex(tree.root()) };
}

/** Copy the live SQLite database to `target` (a new file) and read the copy's log head and migrations. */
export async function copySqlite(source: string, target: string): Promise<DatabaseCopy> {
  const live = new SQLite(source, { fileMustExist: true });
  try {
    live.pragma("busy_timeout = 5000");
    await live.backup(target, { progress: () => ALL_PAGES });
  } finally {
    live.close();
  }
  const copy = new SQLite(target);
  try {
    // A single self-contained file: the restore turns WAL back on when it opens the database.
    copy.pragma("journal_mode = DELETE");
    const size = (copy.prepare("select size from log_state where id = 1").get() as { size: number } | undefined)?.size ?? 0;
    const leaves = copy.prepare("select idx, leaf_hash from events where idx > ? order by idx limit ?");
    const logHead = await logHeadOf(size, async (after, limit) => leaves.all(after, limit) as { idx: number; leaf_hash: string }[]);
    const migrations = (copy.prepare("select name from kysely_migration order by name").all() as { name: string }[]).map((r) => r.name);
    return { logHead, migrations };
  } finally {
    copy.close();
  }
}

/** The URL without its password, and the password for the client tools' environment (not their argv, seen in ps). */
function clientToolArgs(url: string): { url: string; env: Record<string, string> } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { url: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Run a PostgreSQL client tool; a missing tool is named with how to install it. */
function runTool(tool: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "ENOENT"
          ? new BackupError(`${tool} was not found: install the PostgreSQL client tools of the server's major version (Debian/Ubuntu: apt install postgresql-client)`)
          : error,
      );
    });
    child.on("close", (code) => (code === 0 ? resolve() : reject(new BackupError(`${tool} failed (exit ${code}): ${stderr.trim().slice(0, 2000)}`))));
  });
}

/** Dump the PostgreSQL database to `target` (custom format) inside one snapshot, with that snapshot's log head. */
export async function dumpPostgres(url: string, target: string): Promise<DatabaseCopy> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin isolation level repeatable read read only");
    const snapshot = (await client.query<{ id: string }>("select pg_export_snapshot() as id")).rows[0]?.id ?? "";
    const size = Number((await client.query<{ size: string }>("select size from log_state where id = 1")).rows[0]?.size ?? 0);
    const logHead = await logHeadOf(size, async (after, limit) =>
      (await client.query<{ idx: string; leaf_hash: string }>("select idx, leaf_hash from events where idx > $1 order by idx limit $2", [after, limit])).rows.map((r) => ({ idx: Number(r.idx), leaf_hash: r.leaf_hash })),
    );
    const migrations = (await client.query<{ name: string }>("select name from kysely_migration order by name")).rows.map((r) => r.name);
    const tool = clientToolArgs(url);
    await runTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, `--file=${target}`, `--dbname=${tool.url}`], tool.env);
    await client.query("commit");
    return { logHead, migrations };
  } finally {
    await client.end();
  }
}

/** True if the PostgreSQL database has no tables of its own (a restore target must be empty). */
export async function postgresIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("select count(*) as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')");
    return Number(rows[0]?.n ?? 0) === 0;
  } finally {
    await client.end();
  }
}

/** Load a dump made by dumpPostgres into an empty database, in one transaction. */
export async function restorePostgres(url: string, dump: string): Promise<void> {
  const tool = clientToolArgs(url);
  await runTool("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${tool.url}`, dump], tool.env);
}
