import { receiptText } from "../../../../src/modules/bids/receipt-text.js";
import type { LogKey, Receipt } from "./bidding.api";

/**
 * The receipt checked in the browser, not taken on the server's word: the Ed25519 signature over the
 * signed text with the log's public key, the shown fields against that text, and the hash against the
 * envelope this browser sent (when it has just sent one).
 */
export type ReceiptCheck =
  | { status: "verified"; hashMatched: boolean }
  | { status: "invalid"; reason: "signature" | "fields" | "key" | "hash" }
  /** The browser has no Ed25519 in WebCrypto: the downloaded receipt can be checked elsewhere. */
  | { status: "unsupported" };

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export async function checkReceipt(receipt: Receipt, logKey: LogKey, sentSha256: string | null): Promise<ReceiptCheck> {
  if (receipt.keyId !== logKey.keyId) return { status: "invalid", reason: "key" };
  if (receiptText(receipt) !== receipt.receiptText) return { status: "invalid", reason: "fields" };
  let publicKey: Uint8Array<ArrayBuffer>;
  let signature: Uint8Array<ArrayBuffer>;
  try {
    publicKey = fromBase64(logKey.publicKey);
    signature = fromBase64(receipt.signature);
  } catch {
    return { status: "invalid", reason: "signature" };
  }
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]);
  } catch {
    return { status: "unsupported" };
  }
  const valid = await crypto.subtle.verify({ name: "Ed25519" }, key, signature, new TextEncoder().encode(receipt.receiptText));
  if (!valid) return { status: "invalid", reason: "signature" };
  if (sentSha256 !== null && sentSha256 !== receipt.sha256) return { status: "invalid", reason: "hash" };
  return { status: "verified", hashMatched: sentSha256 !== null };
}

/** The receipt with the key that verifies it, as a JSON file the vendor keeps. */
export function downloadReceipt(receipt: Receipt, logKey: LogKey | undefined): void {
  const content = JSON.stringify({ receipt, logKey: logKey ?? null }, null, 2);
  const url = URL.createObjectURL(new Blob([content], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `tanda-terima-penawaran-${receipt.tenderCode}-${receipt.bidId}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
