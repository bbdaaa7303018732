import { canonicalJson } from "./canonical-json.js";

/* Dependency-free: what a tree head is and the bytes its signature covers, for Node and browsers alike. */

/** Prefixed to what is signed, so a tree-head signature can never be replayed as any other message. */
const SIGNING_CONTEXT = "OpenLPSE-STH-v1\n";

/** The log's state at one moment: its size and the Merkle root over that many events. */
export interface TreeHead {
  treeSize: number;
  /** Lowercase hex RFC 9162 root hash. */
  rootHash: string;
  /** ISO-8601 UTC. */
  timestamp: string;
}

/** A tree head with the log's Ed25519 signature over treeHeadSigningInput. */
export interface SignedTreeHead extends TreeHead {
  /** Hex SHA-256 of the raw public key; not signed itself, it only says which key to try. */
  keyId: string;
  /** Base64 Ed25519 signature. */
  signature: string;
}

/** The exact bytes that are signed: "OpenLPSE-STH-v1\n" + canonicalJson({rootHash, timestamp, treeSize}). */
export function treeHeadSigningInput(h: TreeHead): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(SIGNING_CONTEXT + canonicalJson({ rootHash: h.rootHash, timestamp: h.timestamp, treeSize: h.treeSize }));
}
