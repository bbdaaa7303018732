import { createHash, createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import { type SignedTreeHead, type TreeHead, treeHeadSigningInput } from "./tree-head-format.js";

export { type SignedTreeHead, type TreeHead, treeHeadSigningInput } from "./tree-head-format.js";

const ED25519_PUBLIC_KEY_BYTES = 32;
const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** Sign a tree head with the log's Ed25519 private key. */
export function signTreeHead(h: TreeHead, privateKey: KeyObject): SignedTreeHead {
  // Refuse to sign malformed heads: a signature vouches for them forever.
  if (!Number.isSafeInteger(h.treeSize) || h.treeSize < 0) throw new RangeError(`cannot sign a tree head of size ${h.treeSize}`);
  if (!HEX_SHA256.test(h.rootHash)) throw new TypeError(`cannot sign a tree head whose root is not lowercase hex SHA-256: ${h.rootHash}`);
  requireEd25519(privateKey, "private");
  const signature = sign(null, treeHeadSigningInput(h), privateKey).toString("base64");
  return { treeSize: h.treeSize, rootHash: h.rootHash, timestamp: h.timestamp, keyId: keyIdOf(privateKey), signature };
}

/** True iff the head names this key and its signature verifies; false (never a throw) for malformed input. */
export function verifyTreeHead(sth: SignedTreeHead, publicKey: KeyObject): boolean {
  try {
    if (sth.keyId !== keyIdOf(publicKey)) return false;
    const signature = Buffer.from(sth.signature, "base64");
    // Buffer.from ignores junk in base64; insisting on a round trip rejects altered encodings too.
    if (signature.toString("base64") !== sth.signature) return false;
    return verify(null, treeHeadSigningInput(sth), publicKey, signature);
  } catch {
    return false;
  }
}

/** Hex SHA-256 of the raw 32-byte Ed25519 public key (a private key is reduced to its public half). */
export function keyIdOf(key: KeyObject): string {
  return createHash("sha256").update(rawPublicKey(key)).digest("hex");
}

/** The raw 32-byte Ed25519 public key, base64, as published for verifiers. */
export function rawPublicKeyBase64(key: KeyObject): string {
  return Buffer.from(rawPublicKey(key)).toString("base64");
}

function rawPublicKey(key: KeyObject): Uint8Array {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  requireEd25519(publicKey, "public");
  const { x } = publicKey.export({ format: "jwk" });
  const raw = Buffer.from(x ?? "", "base64url");
  if (raw.length !== ED25519_PUBLIC_KEY_BYTES) throw new TypeError(`Ed25519 public key has ${raw.length} bytes, expected 32`);
  return raw;
}

function requireEd25519(key: KeyObject, type: "private" | "public"): void {
  if (key.type !== type || key.asymmetricKeyType !== "ed25519") {
    throw new TypeError(`expected an Ed25519 ${type} key, got a ${key.asymmetricKeyType ?? "symmetric"} ${key.type} key`);
  }
}
