import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Encryption of backups under a passphrase: scrypt derives one key per backup (random salt), each file is
 * AES-256-GCM with its own random IV and its path in the backup as additional data, so files cannot be
 * swapped. Files are streamed, never held in memory. File layout: MAGIC | IV | ciphertext | tag.
 */

const MAGIC = Buffer.from("OLPSEBK1");
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** scrypt cost: N = 2^15, r = 8 (32 MiB, about 0.1 s): hard to guess offline, cheap once per backup. */
const SCRYPT = { N: 32768, r: 8, p: 1 } as const;
const SCRYPT_MAXMEM = 64 * 1024 * 1024;
const CHECK_TEXT = Buffer.from("openlpse-backup-passphrase-check");

export interface EncryptionInfo {
  cipher: "aes-256-gcm";
  kdf: "scrypt";
  N: number;
  r: number;
  p: number;
  salt: string;
  /** The check text encrypted under the key: a wrong passphrase fails here, before any file is read. */
  check: string;
}

export class WrongPassphraseError extends Error {
  constructor() {
    super("Wrong passphrase: this backup was encrypted with a different passphrase / kata sandi cadangan salah");
  }
}

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize("NFC"), salt, KEY_BYTES, { ...params, maxmem: SCRYPT_MAXMEM }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** A fresh key for a new backup, and what the manifest records about it (never the key). */
export async function newBackupKey(passphrase: string): Promise<{ key: Buffer; info: EncryptionInfo }> {
  const salt = randomBytes(16);
  const key = await deriveKey(passphrase, salt, SCRYPT);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const check = Buffer.concat([iv, cipher.update(CHECK_TEXT), cipher.final(), cipher.getAuthTag()]);
  return { key, info: { cipher: "aes-256-gcm", kdf: "scrypt", ...SCRYPT, salt: salt.toString("base64"), check: check.toString("base64") } };
}

/** The key of an existing backup; throws WrongPassphraseError if the passphrase is not the one it was made with. */
export async function unlockBackupKey(passphrase: string, info: EncryptionInfo): Promise<Buffer> {
  const key = await deriveKey(passphrase, Buffer.from(info.salt, "base64"), info);
  const check = Buffer.from(info.check, "base64");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, check.subarray(0, IV_BYTES));
    decipher.setAuthTag(check.subarray(check.length - TAG_BYTES));
    const text = Buffer.concat([decipher.update(check.subarray(IV_BYTES, check.length - TAG_BYTES)), decipher.final()]);
    if (text.length !== CHECK_TEXT.length || !timingSafeEqual(text, CHECK_TEXT)) throw new WrongPassphraseError();
  } catch {
    throw new WrongPassphraseError();
  }
  return key;
}

/** Pass chunks through, showing each to `see` (hashing, counting) on the way. */
export function tap(see: (chunk: Buffer) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      see(chunk);
      done(null, chunk);
    },
  });
}

/** Encrypt `source` into `target` (streamed); `see` is shown the plaintext, `seeStored` the bytes written. */
export async function encryptFile(key: Buffer, aad: string, source: string, target: string, see: (c: Buffer) => void, seeStored: (c: Buffer) => void): Promise<void> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad));
  const out = fs.createWriteStream(target, { flags: "wx", mode: 0o600 });
  const head = Buffer.concat([MAGIC, iv]);
  seeStored(head);
  out.write(head);
  const trailer = new Transform({
    transform(chunk: Buffer, _e, done) {
      seeStored(chunk);
      done(null, chunk);
    },
    flush(done) {
      const tag = cipher.getAuthTag();
      seeStored(tag);
      done(null, tag);
    },
  });
  await pipeline(fs.createReadStream(source), tap(see), cipher, trailer, out);
}

/**
 * Decrypt `source` into `target` (streamed). The tag is read first from the end of the file, so a changed
 * byte anywhere makes the final step throw: the caller deletes the target then.
 */
export async function decryptFile(key: Buffer, aad: string, source: string, target: string, see: (c: Buffer) => void): Promise<void> {
  const size = (await fs.promises.stat(source)).size;
  const headBytes = MAGIC.length + IV_BYTES;
  if (size < headBytes + TAG_BYTES) throw new Error(`${aad}: too short to be an encrypted backup file`);
  const handle = await fs.promises.open(source, "r");
  const head = Buffer.alloc(headBytes);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    await handle.read(head, 0, headBytes, 0);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await handle.close();
  }
  if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`${aad}: not an encrypted backup file`);
  const decipher = createDecipheriv("aes-256-gcm", key, head.subarray(MAGIC.length));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  const body = size - headBytes - TAG_BYTES;
  const input = body > 0 ? fs.createReadStream(source, { start: headBytes, end: headBytes + body - 1 }) : Readable.from([]);
  try {
    await pipeline(input, decipher, tap(see), fs.createWriteStream(target, { flags: "wx", mode: 0o600 }));
  } catch (error) {
    await fs.promises.rm(target, { force: true });
    throw new Error(`${aad}: decryption failed, the file was altered or damaged (${(error as Error).message})`, { cause: error });
  }
}
