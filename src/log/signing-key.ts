import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { keyIdOf } from "./tree-head.js";

const KEY_FILE_MODE = 0o600;
const KEY_DIR_MODE = 0o700;
/** Errors from link(2) on file systems without hard links, where we fall back to rename. */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"]);

export interface LoadedSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Hex SHA-256 of the raw public key. */
  keyId: string;
  /** True if this call generated the key. */
  created: boolean;
}

/** Load the log's Ed25519 signing key from a PKCS#8 PEM file, generating it (mode 0600) on first use. */
export function loadOrCreateSigningKey(file: string): LoadedSigningKey {
  // A new key goes to a temporary file, is fsynced, then moved into place: a crash never leaves half a key.
  if (fs.existsSync(file)) return { ...readKey(file), created: false };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: KEY_DIR_MODE });
  const { privateKey } = generateKeyPairSync("ed25519");
  const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  writeDurably(temp, privateKey.export({ format: "pem", type: "pkcs8" }).toString());
  try {
    if (!publishWithoutClobbering(temp, file)) {
      // Another process created the key between our check and now: every process must sign with
      // the same key, or heads signed by the loser would never verify again. Use theirs.
      return { ...readKey(file), created: false };
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
  syncDirectory(path.dirname(file));
  return { ...keyParts(privateKey), created: true };
}

function readKey(file: string): Omit<LoadedSigningKey, "created"> {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(fs.readFileSync(file));
  } catch (error) {
    throw new Error(`${file} is not a readable PEM private key (${(error as Error).message}); restore it from backup`, { cause: error });
  }
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new Error(`${file} holds a ${privateKey.asymmetricKeyType ?? "unknown"} key, but the event log needs an Ed25519 private key`);
  }
  return keyParts(privateKey);
}

function keyParts(privateKey: KeyObject): Omit<LoadedSigningKey, "created"> {
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

function writeDurably(file: string, contents: string): void {
  // "wx": never follow or reuse something already at the temporary name.
  const fd = fs.openSync(file, "wx", KEY_FILE_MODE);
  try {
    fs.writeSync(fd, contents);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Atomically give `temp` the name `file` unless `file` exists; false if it does. */
function publishWithoutClobbering(temp: string, file: string): boolean {
  try {
    // Unlike rename, link fails if the target exists, so a concurrent creator cannot be overwritten.
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (code === "EEXIST") return false;
    if (!NO_HARD_LINKS.has(code)) throw error;
    fs.renameSync(temp, file);
    return true;
  }
}

/** Make the new directory entry itself durable; not possible everywhere (e.g. Windows), so best effort. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // The key file's contents are already on disk; only the rename could be lost on power failure.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
