import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SQLITE_FILE } from "../../db/database.js";
import type { Config } from "../../server/config.js";
import { projectRoot } from "../../server/paths.js";
import { encryptFile, newBackupKey } from "./backup.crypto.js";
import { BACKUP_PREFIX, type FileEntry, type Manifest, MANIFEST_FILE } from "./backup.manifest.js";
import { copySqlite, type DatabaseCopy, dumpPostgres } from "./database-copy.js";

/** Where things go inside a backup. */
export const BACKUP_PATHS = {
  sqlite: `database/${SQLITE_FILE}`,
  postgres: "database/openlpse.pgdump",
  signingKey: "keys/log-signing-key.pem",
} as const;

/** Folders of the file store that hold no committed document: uploads in progress and temporary files. */
const TRANSIENT_FILE_DIRS = new Set(["tmp", "partial"]);

export interface BackupOptions {
  /** The folder the new backup folder is made in. */
  outRoot: string;
  passphrase?: string | undefined;
  now: Date;
}

export interface BackupResult {
  dir: string;
  manifest: Manifest;
}

function appVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(projectRoot(), "package.json"), "utf8")) as { version: string }).version;
}

function backupName(now: Date): string {
  return BACKUP_PREFIX + now.toISOString().replace(/[-:.]/g, "");
}

async function* walk(dir: string, skipTop: Set<string> = new Set()): AsyncGenerator<string> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (skipTop.has(e.name)) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (e.isFile()) yield full;
  }
}

async function fsyncPath(p: string): Promise<void> {
  const handle = await fs.promises.open(p, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Take a consistent backup while the service runs: the database first (one snapshot), then the file store
 * (content-addressed and written before any row refers to a file, so every file the snapshot names exists
 * already), then the keys; a manifest of every file's size and SHA-256, the log head of the snapshot, the
 * version and migrations. Written under `<name>.partial` and renamed when complete.
 */
export async function createBackup(config: Config, options: BackupOptions): Promise<BackupResult> {
  const name = backupName(options.now);
  const finalDir = path.join(options.outRoot, name);
  const work = `${finalDir}.partial`;
  if (fs.existsSync(finalDir) || fs.existsSync(work)) throw new Error(`${finalDir} exists already`);
  await fs.promises.mkdir(work, { recursive: true, mode: 0o700 });
  try {
    const encryption = options.passphrase ? await newBackupKey(options.passphrase) : null;
    const entries: FileEntry[] = [];

    /** Put one file into the backup (encrypted if asked), hashing the original and the stored bytes. */
    const add = async (source: string, rel: string, temporary: boolean): Promise<void> => {
      const target = path.join(work, ...rel.split("/"));
      await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const plain = createHash("sha256");
      const stored = createHash("sha256");
      let size = 0;
      let storedSize = 0;
      if (encryption) {
        await encryptFile(encryption.key, rel, source, target, (c) => {
          plain.update(c);
          size += c.length;
        }, (c) => {
          stored.update(c);
          storedSize += c.length;
        });
        if (temporary) await fs.promises.rm(source, { force: true });
      } else {
        if (temporary) await fs.promises.rename(source, target);
        else await fs.promises.copyFile(source, target, fs.constants.COPYFILE_EXCL);
        for await (const c of fs.createReadStream(target)) {
          plain.update(c as Buffer);
          size += (c as Buffer).length;
        }
      }
      await fsyncPath(target);
      const sha256 = plain.digest("hex");
      entries.push(encryption ? { path: rel, size, sha256, storedSize, storedSha256: stored.digest("hex") } : { path: rel, size, sha256, storedSize: size, storedSha256: sha256 });
    };

    const dialect = config.databaseUrl ? "postgres" : "sqlite";
    const snapshotFile = path.join(work, `.database-${process.pid}.tmp`);
    let copy: DatabaseCopy;
    if (config.databaseUrl) {
      copy = await dumpPostgres(config.databaseUrl, snapshotFile);
      await add(snapshotFile, BACKUP_PATHS.postgres, true);
    } else {
      copy = await copySqlite(path.join(config.dataDir, SQLITE_FILE), snapshotFile);
      await add(snapshotFile, BACKUP_PATHS.sqlite, true);
    }

    const filesRoot = path.join(config.dataDir, "files");
    for await (const file of walk(filesRoot, TRANSIENT_FILE_DIRS)) {
      await add(file, `files/${path.relative(filesRoot, file).split(path.sep).join("/")}`, false);
    }
    if (fs.existsSync(config.signingKeyPath)) await add(config.signingKeyPath, BACKUP_PATHS.signingKey, false);
    const keysRoot = path.join(config.dataDir, "keys");
    for await (const file of walk(keysRoot)) {
      if (path.resolve(file) === config.signingKeyPath || file.endsWith(".tmp")) continue;
      await add(file, `keys/${path.relative(keysRoot, file).split(path.sep).join("/")}`, false);
    }

    const manifest: Manifest = {
      format: "openlpse-backup",
      version: 1,
      createdAt: options.now.toISOString(),
      appVersion: appVersion(),
      dialect,
      migrations: copy.migrations,
      logHead: copy.logHead,
      encryption: encryption?.info ?? null,
      files: entries,
    };
    const manifestFile = path.join(work, MANIFEST_FILE);
    await fs.promises.writeFile(manifestFile, JSON.stringify(manifest, null, 2) + "\n", { mode: 0o600, flag: "wx" });
    await fsyncPath(manifestFile);
    await fs.promises.rename(work, finalDir);
    await fsyncPath(options.outRoot);
    return { dir: finalDir, manifest };
  } catch (error) {
    await fs.promises.rm(work, { recursive: true, force: true });
    throw error;
  }
}
