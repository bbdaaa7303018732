import { fromBase64, fromHex, toHex } from "../crypto/bytes.js";
import { type ReceiptFields, receiptText } from "../modules/bids/receipt-text.js";
import { canonicalJson } from "./canonical-json.js";
import { eventBytes, type LogEventHeader } from "./event-encoding.js";
import { type SignedTreeHead, treeHeadSigningInput } from "./tree-head-format.js";
import { equalBytes, leafHashAsync, verifyInclusionAsync } from "./verify-inclusion.js";

/*
 * A bid receipt checked against the public log, with nothing but WebCrypto: in the vendor's browser,
 * or in Node by anyone holding the receipt. The receipt's signature says the server acknowledged the
 * bid; this says the acknowledgement is in the log as published: the vendor's own bid.submitted event
 * hashes to a leaf, and the audit path leads from that leaf to a tree head signed with the log's key.
 * Once that head has been seen by others, the server can no longer drop or rewrite the bid unnoticed.
 */

/** The event type a receipt's log index points at. */
const BID_SUBMITTED = "bid.submitted";
const ED25519_PUBLIC_KEY_BYTES = 32;

/** A WebCrypto key (named by inference: the server's type set has no DOM `CryptoKey`). */
type VerifyKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** A receipt as the API returns it and the vendor downloads it. */
export interface BidReceipt extends ReceiptFields {
  keyId: string;
  /** Base64 Ed25519 over receiptText. */
  signature: string;
  receiptText: string;
}

/** GET /api/v1/log/key. */
export interface PublishedLogKey {
  keyId: string;
  algorithm: string;
  /** Base64 raw 32-byte Ed25519 public key. */
  publicKey: string;
}

/** GET /api/v1/log/proofs/inclusion. */
export interface InclusionEvidence {
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  auditPath: string[];
  treeHead: SignedTreeHead;
}

/** One of the vendor's own events: the header a leaf commits to and the payload its hash commits to. */
export interface OwnEvent {
  header: LogEventHeader;
  payload: unknown;
}

/** Where the evidence comes from: the LPSE's API, seen through whichever HTTP client the caller has. */
export interface ReceiptLogSource {
  logKey(): Promise<PublishedLogKey>;
  inclusionProof(index: number): Promise<InclusionEvidence>;
  /** The vendor's own events of the receipt's bid (GET /api/v1/tenders/:code/bids/:bidId/events). */
  bidEvents(tenderCode: string, bidId: string): Promise<OwnEvent[]>;
}

/** The checks in the order they run; a failure names the first that did not hold. */
export const RECEIPT_LOG_STEPS = ["key", "receipt", "headSignature", "event", "payload", "leaf", "path"] as const;
export type ReceiptLogStep = (typeof RECEIPT_LOG_STEPS)[number];

export type ReceiptLogCheck =
  | { status: "verified"; logIndex: number; treeSize: number; rootHash: string; headTime: string }
  | { status: "failed"; step: ReceiptLogStep }
  /** No Ed25519 in this platform's WebCrypto. */
  | { status: "unsupported" };

/** Fetches the log key, the inclusion proof for the receipt's index and the vendor's event, then checks them. */
export async function checkReceiptInLog(receipt: BidReceipt, source: ReceiptLogSource): Promise<ReceiptLogCheck> {
  const [logKey, proof, events] = await Promise.all([source.logKey(), source.inclusionProof(receipt.logIndex), source.bidEvents(receipt.tenderCode, receipt.bidId)]);
  return verifyReceiptInLog(receipt, { logKey, proof, events });
}

/** The checks themselves, on evidence already fetched (or kept from earlier). */
export async function verifyReceiptInLog(receipt: BidReceipt, evidence: { logKey: PublishedLogKey; proof: InclusionEvidence; events: readonly OwnEvent[] }): Promise<ReceiptLogCheck> {
  const { logKey, proof } = evidence;
  const fail = (step: ReceiptLogStep): ReceiptLogCheck => ({ status: "failed", step });

  // 1. The published key is an Ed25519 key whose id is its hash, and the receipt names it.
  const key = await importLogKey(logKey);
  if (key === "unsupported") return { status: "unsupported" };
  if (key === null || receipt.keyId !== logKey.keyId) return fail("key");

  // 2. The receipt's fields are the text the log's key signed.
  if (receiptText(receipt) !== receipt.receiptText || !(await verifySignature(key, receipt.signature, new TextEncoder().encode(receipt.receiptText)))) return fail("receipt");

  // 3. The tree head was signed by the same key, and the proof is for that head.
  const head = proof.treeHead;
  if (head.keyId !== logKey.keyId || proof.treeSize !== head.treeSize || !(await verifySignature(key, head.signature, treeHeadSigningInput(head)))) return fail("headSignature");

  // 4. The vendor's event at the receipt's index.
  const event = evidence.events.find((e) => e.header.index === receipt.logIndex);
  if (!event) return fail("event");

  // 5. The payload hashes to the header's payloadHash and names this tender, vendor, bid and envelope.
  if (!(await payloadMatches(event, receipt))) return fail("payload");

  // 6. The header is this bid's submission, and its leaf is the one the proof starts from.
  const h = event.header;
  if (h.type !== BID_SUBMITTED || h.time !== receipt.receivedAt || proof.leafIndex !== receipt.logIndex) return fail("leaf");
  const leaf = await leafHashAsync(eventBytes(h));
  const proofLeaf = hexOrNull(proof.leafHash);
  if (!proofLeaf || !equalBytes(leaf, proofLeaf)) return fail("leaf");

  // 7. The audit path leads from that leaf to the signed root.
  const path = proof.auditPath.map(hexOrNull);
  const root = hexOrNull(head.rootHash);
  if (!root || path.some((p) => p === null)) return fail("path");
  if (!(await verifyInclusionAsync(leaf, receipt.logIndex, head.treeSize, path as Uint8Array[], root))) return fail("path");

  return { status: "verified", logIndex: receipt.logIndex, treeSize: head.treeSize, rootHash: head.rootHash, headTime: head.timestamp };
}

async function payloadMatches(event: OwnEvent, receipt: BidReceipt): Promise<boolean> {
  let text: string;
  try {
    text = canonicalJson(event.payload);
  } catch {
    return false;
  }
  const hash = toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))));
  if (hash !== event.header.payloadHash) return false;
  const p = event.payload as Record<string, unknown> | null;
  return (
    typeof p === "object" &&
    p !== null &&
    p.tenderCode === receipt.tenderCode &&
    p.vendorId === receipt.vendorId &&
    p.bidId === receipt.bidId &&
    p.sha256 === receipt.sha256 &&
    p.size === receipt.size
  );
}

/** The key, null if it is not what it claims to be, or "unsupported" without Ed25519 in WebCrypto. */
async function importLogKey(logKey: PublishedLogKey): Promise<VerifyKey | null | "unsupported"> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = fromBase64(logKey.publicKey);
  } catch {
    return null;
  }
  if (logKey.algorithm !== "Ed25519" || raw.length !== ED25519_PUBLIC_KEY_BYTES) return null;
  const id = toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", raw)));
  if (id !== logKey.keyId) return null;
  try {
    return await crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
  } catch (error) {
    return error instanceof Error && error.name === "NotSupportedError" ? "unsupported" : null;
  }
}

async function verifySignature(key: VerifyKey, signatureBase64: string, message: Uint8Array<ArrayBuffer>): Promise<boolean> {
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = fromBase64(signatureBase64);
  } catch {
    return false;
  }
  return crypto.subtle.verify({ name: "Ed25519" }, key, signature, message);
}

function hexOrNull(hex: string): Uint8Array<ArrayBuffer> | null {
  try {
    return fromHex(hex);
  } catch {
    return null;
  }
}
