/** The text a bid receipt signs, dependency-free so the vendor's browser rebuilds it to check the receipt. */

export interface ReceiptFields {
  bidId: string;
  tenderCode: string;
  vendorId: string;
  sha256: string;
  size: number;
  receivedAt: string;
  logIndex: number;
}

/** Every field, one per line, so a vendor can check the signature with any Ed25519 tool. */
export function receiptText(r: ReceiptFields): string {
  return ["openlpse-bid-receipt-v1", r.tenderCode, r.vendorId, r.bidId, r.sha256, String(r.size), r.receivedAt, String(r.logIndex)].join("\n");
}
