import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Read a secret file, creating it with fresh random bytes (mode 0600) on first use. Written to a
 * temporary file, fsynced and renamed, so a crash never leaves a half-written secret.
 */
export function loadOrCreateSecret(file: string, bytes = 32): string {
  if (fs.existsSync(file)) {
    const value = fs.readFileSync(file, "utf8").trim();
    if (value.length < 32) throw new Error(`${file} is too short to be a secret; delete it to generate a new one`);
    return value;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const value = randomBytes(bytes).toString("hex");
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, "w", 0o600);
  try {
    fs.writeSync(fd, value + "\n");
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  return value;
}
