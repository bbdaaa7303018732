import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { SQLITE_FILE } from "../../db/database.js";
import { knownMigrations } from "../../db/migrate.js";
import type { Config } from "../../server/config.js";
import { openRuntime } from "../../server/start.js";
import { decryptFile, unlockBackupKey } from "./backup.crypto.js";
import { BackupError, type FileEntry, type Manifest, readManifest } from "./backup.manifest.js";
import { BACKUP_PATHS } from "./backup.service.js";
import { postgresIsEmpty, restorePostgres } from "./database-copy.js";
import { checkInstallation, type InstallationCheck } from "./installation-check.js";

export interface RestoreReport {
  manifest: Manifest;
  /** Checking the backup's hashes and writing everything into place. */
  restoreMs: number;
  /** The log head comparison and the same checks as `openlpse verify`. */
  verifyMs: number;
  logHead: { size: number; rootHash: string };
  check: InstallationCheck;
  ok: boolean;
}

async function sha256Of(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const c of fs.createReadStream(file)) {
    hash.update(c as Buffer);
    size += (c as Buffer).length;
  }
  return { sha256: hash.digest("hex"), size };
}

/** Every file the manifest lists, as stored: present, of its size and SHA-256. Returns one line per bad file. */
export async function checkBackupFiles(dir: string, manifest: Manifest): Promise<string[]> {
  const problems: string[] = [];
  for (const entry of manifest.files) {
    const file = path.join(dir, ...entry.path.split("/"));
    if (!fs.existsSync(file)) {
      problems.push(`${entry.path}: missing from the backup`);
      continue;
    }
    const actual = await sha256Of(file);
    if (actual.size !== entry.storedSize || actual.sha256 !== entry.storedSha256) {
      problems.push(`${entry.path}: corrupted (SHA-256 ${actual.sha256.slice(0, 16)}…, ${actual.size} bytes; the manifest says ${entry.storedSha256.slice(0, 16)}…, ${entry.storedSize} bytes)`);
    }
  }
  return problems;
}

function targetOf(entry: FileEntry, config: Config, scratch: string): string {
  if (entry.path === BACKUP_PATHS.sqlite) return path.join(config.dataDir, SQLITE_FILE);
  if (entry.path === BACKUP_PATHS.postgres) return path.join(scratch, "openlpse.pgdump");
  if (entry.path === BACKUP_PATHS.signingKey) return config.signingKeyPath;
  const [top, ...rest] = entry.path.split("/");
  if (top === "files" || top === "keys") return path.join(config.dataDir, top, ...rest);
  throw new BackupError(`${entry.path}: not a path a backup holds`);
}

function dirIsEmpty(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** Refuse anything but an empty target of the backup's kind, with a message saying what to do. */
async function checkTarget(manifest: Manifest, config: Config): Promise<void> {
  const dialect = config.databaseUrl ? "postgres" : "sqlite";
  if (manifest.dialect !== dialect) {
    throw new BackupError(
      manifest.dialect === "postgres"
        ? "This backup is of a PostgreSQL installation: set DATABASE_URL to an empty PostgreSQL database to restore it"
        : "This backup is of an SQLite installation: unset DATABASE_URL to restore it into DATA_DIR",
    );
  }
  if (!dirIsEmpty(config.dataDir)) {
    throw new BackupError(`DATA_DIR ${config.dataDir} is not empty: a restore only writes into an empty data directory (move the current one aside first) / DATA_DIR tidak kosong`);
  }
  if (fs.existsSync(config.signingKeyPath)) throw new BackupError(`${config.signingKeyPath} exists already: a restore does not overwrite a signing key`);
  if (config.databaseUrl && !(await postgresIsEmpty(config.databaseUrl))) {
    throw new BackupError("The PostgreSQL database in DATABASE_URL is not empty: a restore only loads into an empty database (create a new one) / basis data tidak kosong");
  }
}

/** Copy or decrypt one file into place, through a temporary name, checking the original's SHA-256. */
async function writeEntry(from: string, entry: FileEntry, target: string, key: Buffer | null): Promise<void> {
  await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = `${target}.restoring`;
  const source = path.join(from, ...entry.path.split("/"));
  if (key) {
    const hash = createHash("sha256");
    await decryptFile(key, entry.path, source, temp, (c) => hash.update(c));
    if (hash.digest("hex") !== entry.sha256) throw new BackupError(`${entry.path}: the decrypted file does not match its SHA-256`);
  } else {
    await fs.promises.copyFile(source, temp, fs.constants.COPYFILE_EXCL);
    if ((await sha256Of(temp)).sha256 !== entry.sha256) throw new BackupError(`${entry.path}: the copy does not match its SHA-256`);
  }
  await fs.promises.chmod(temp, 0o600);
  await fs.promises.rename(temp, target);
}

/**
 * Restore a backup into an empty data directory (and an empty PostgreSQL database), after checking every
 * file's hash; then open it, compare its log head with the manifest's, and run the checks of `openlpse verify`.
 */
export async function restoreBackup(from: string, config: Config, options: { passphrase?: string | undefined } = {}): Promise<RestoreReport> {
  const started = performance.now();
  const manifest = readManifest(from);
  let key: Buffer | null = null;
  if (manifest.encryption) {
    if (options.passphrase === undefined) throw new BackupError("This backup is encrypted: give its passphrase with --passphrase-stdin");
    key = await unlockBackupKey(options.passphrase, manifest.encryption);
  }
  const unknown = manifest.migrations.filter((m) => !knownMigrations().includes(m));
  if (unknown.length > 0) {
    throw new BackupError(`This backup was made by a newer OpenLPSE (${manifest.appVersion}; migrations this version does not know: ${unknown.join(", ")}): restore it with that version or newer`);
  }
  await checkTarget(manifest, config);
  const problems = await checkBackupFiles(from, manifest);
  if (problems.length > 0) throw new BackupError(`The backup is damaged; nothing was restored:\n  ${problems.join("\n  ")}`);

  const scratch = path.join(config.dataDir, `.restore-${process.pid}`);
  await fs.promises.mkdir(scratch, { recursive: true, mode: 0o700 });
  try {
    for (const entry of manifest.files) await writeEntry(from, entry, targetOf(entry, config, scratch), key);
    if (manifest.dialect === "postgres" && config.databaseUrl) await restorePostgres(config.databaseUrl, path.join(scratch, "openlpse.pgdump"));
  } finally {
    await fs.promises.rm(scratch, { recursive: true, force: true });
  }
  const restored = performance.now();

  const runtime = await openRuntime(config);
  try {
    const size = await runtime.deps.eventLog.size();
    const logHead = { size, rootHash: await runtime.deps.eventLog.rootAt(size) };
    const check = await checkInstallation(runtime.deps);
    if (logHead.size !== manifest.logHead.size || logHead.rootHash !== manifest.logHead.rootHash) {
      check.ok = false;
      check.problems.unshift(`The restored event log (size ${logHead.size}, root ${logHead.rootHash}) differs from the manifest's (size ${manifest.logHead.size}, root ${manifest.logHead.rootHash})`);
    }
    return { manifest, restoreMs: restored - started, verifyMs: performance.now() - restored, logHead, check, ok: check.ok };
  } finally {
    await runtime.close();
  }
}
