import { createHash } from "node:crypto";

// The encoding itself is dependency-free (browsers check receipts with it); this file adds Node's hash.
export { canonicalJson } from "./canonical-json.js";

/** Lowercase hex SHA-256 of a string (as UTF-8) or of raw bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
