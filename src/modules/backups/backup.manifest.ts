import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/** The name of the manifest in a backup directory; written last, so a backup without it is incomplete. */
export const MANIFEST_FILE = "manifest.json";
/** Backup directories are named with this prefix and the UTC time, so they sort by age. */
export const BACKUP_PREFIX = "openlpse-backup-";

const FileEntrySchema = z.object({
  /** Path inside the backup, with forward slashes: database/…, files/…, keys/…. */
  path: z.string().regex(/^(database|files|keys)\/[A-Za-z0-9._/-]+$/).refine((p) => !p.split("/").includes(".."), "no .."),
  /** Size and SHA-256 of the original file. */
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Size and SHA-256 of the bytes in the backup (the ciphertext when encrypted). */
  storedSize: z.number().int().min(0),
  storedSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileEntry = z.infer<typeof FileEntrySchema>;

export const ManifestSchema = z.object({
  format: z.literal("openlpse-backup"),
  version: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  dialect: z.enum(["sqlite", "postgres"]),
  /** Schema migrations applied in the backed-up database. */
  migrations: z.array(z.string()),
  /** The event log as it is in the backed-up database: size and Merkle root over its stored leaves. */
  logHead: z.object({ size: z.number().int().min(0), rootHash: z.string().regex(/^[0-9a-f]{64}$/) }),
  encryption: z
    .object({ cipher: z.literal("aes-256-gcm"), kdf: z.literal("scrypt"), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string(), check: z.string() })
    .nullable(),
  files: z.array(FileEntrySchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export class BackupError extends Error {}

/** Read and validate a backup's manifest. */
export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new BackupError(`${dir} is not a complete backup: ${MANIFEST_FILE} is missing`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new BackupError(`${file} is not valid JSON (${(error as Error).message})`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) throw new BackupError(`${file} is not an OpenLPSE backup manifest: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

export interface BackupListing {
  dir: string;
  name: string;
  manifest: Manifest;
}

/** Complete backups under `root`, newest first (incomplete ones, without a manifest, are ignored). */
export function listBackups(root: string): BackupListing[] {
  if (!fs.existsSync(root)) return [];
  const found: BackupListing[] = [];
  for (const name of fs.readdirSync(root)) {
    const dir = path.join(root, name);
    if (!name.startsWith(BACKUP_PREFIX) || name.endsWith(".partial") || !fs.existsSync(path.join(dir, MANIFEST_FILE))) continue;
    try {
      found.push({ dir, name, manifest: readManifest(dir) });
    } catch {
      // A damaged manifest is not a backup to count on; restore names the problem if asked for it.
    }
  }
  return found.sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt) || b.name.localeCompare(a.name));
}
