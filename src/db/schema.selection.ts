/**
 * Tables of the selection after publication: sealed bids (opening keys, tender keys and shares, bids and
 * their uploads, the opening), evaluation, sanggah and award, failure, appeals, contracts, and Pengadaan
 * Langsung. Part of the `DB` type in schema.ts.
 */

/** A committee member's opening key: the public key, and the seed sealed under the member's passphrase. */
export interface OpeningKeysTable {
  user_id: string;
  public_key: string;
  wrapped: string; // JSON: kdf, iterations, salt, iv, ciphertext
  created_at: string;
}

export interface TenderKeysTable {
  package_id: string;
  public_key: string;
  threshold: number;
  created_by: string;
  created_at: string;
}

/** A member's share of the tender key, sealed to the member's opening key; its hash checks it at opening. */
export interface TenderKeySharesTable {
  package_id: string;
  user_id: string;
  enc: string;
  ct: string;
  share_hash: string;
}

/** A stored envelope (ciphertext only, in the file store under its SHA-256). */
export interface BidsTable {
  id: string;
  package_id: string;
  vendor_id: string;
  sha256: string;
  size: number;
  status: "active" | "replaced" | "withdrawn";
  submitted_by: string;
  submitted_at: string;
  log_index: number;
  ended_at: string | null;
}

export interface BidUploadsTable {
  id: string;
  package_id: string;
  vendor_id: string;
  size: number;
  created_by: string;
  created_at: string;
}

export interface OpeningSharesTable {
  package_id: string;
  user_id: string;
  share: string;
  submitted_at: string;
}

export interface TenderOpeningsTable {
  package_id: string;
  opened_at: string;
  opened_by: string;
}

export interface BidOpeningsTable {
  bid_id: string;
  package_id: string;
  vendor_id: string;
  status: "valid" | "invalid";
  price_sen: number | null;
  document: string | null;
  files: string | null;
  error: string | null;
}

export interface BidFindingsTable {
  package_id: string;
  vendor_id: string;
  stage: "administrasi" | "teknis" | "kualifikasi";
  passed: number;
  reason: string;
  /** The technical score in hundredths of a point (0-10000), for the scored methods' teknis finding. */
  score_hundredths: number | null;
  evaluated_by: string;
  evaluated_at: string;
}

export interface TenderResultsTable {
  package_id: string;
  winner_vendor_id: string;
  corrected_price_sen: number;
  determined_by: string;
  determined_at: string;
}

/** A sanggah: one per bidder, answered by the committee. */
export interface ObjectionsTable {
  id: string;
  package_id: string;
  vendor_id: string;
  filed_by: string;
  text: string;
  filed_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

/** The SPPBJ (award letter) the PPK issues to the winner. */
export interface AwardsTable {
  package_id: string;
  vendor_id: string;
  letter_number: string;
  value_sen: number;
  issued_by: string;
  issued_at: string;
}

export interface DirectProcurementsTable {
  package_id: string;
  vendor_id: string;
  status: "invited" | "quoted" | "negotiated" | "awarded" | "failed";
  invited_by: string;
  invited_at: string;
  quotation_due: string;
  quotation_sen: number | null;
  quotation_items: string | null;
  quoted_at: string | null;
  negotiated_sen: number | null;
  negotiation_notes: string | null;
  negotiated_at: string | null;
  result_reason: string | null;
  decided_at: string | null;
}

/** A failed tender (tender gagal), declared by the committee with a reason from Perpres 16/2018. */
export interface TenderFailuresTable {
  package_id: string;
  reason: string;
  text: string;
  declared_by: string;
  declared_at: string;
}

/** A sanggah banding (construction only): one per answered sanggah, with its guarantee, answered by the PA/KPA. */
export interface ObjectionAppealsTable {
  id: string;
  package_id: string;
  objection_id: string;
  vendor_id: string;
  filed_by: string;
  text: string;
  guarantee_number: string;
  guarantee_issuer: string;
  guarantee_sen: number;
  filed_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

/** The signed contract the PPK records after the SPPBJ; dates are local calendar dates (YYYY-MM-DD). */
export interface ContractsTable {
  package_id: string;
  vendor_id: string;
  contract_number: string;
  value_sen: number;
  signed_on: string;
  starts_on: string;
  ends_on: string;
  recorded_by: string;
  recorded_at: string;
}

/** Minutes as issued by the committee: the content (the document without its hash footer) and its SHA-256. */
export interface EvaluationMinutesTable {
  package_id: string;
  kind: "evaluasi" | "hasil_pemilihan";
  content: string;
  sha256: string;
  issued_by: string;
  issued_at: string;
}

/** The committee's proposal of the winner, decided by the PA/KPA above the ceilings (Perpres 16/2018 art. 9). */
export interface WinnerProposalsTable {
  id: string;
  package_id: string;
  vendor_id: string;
  corrected_price_sen: number;
  proposed_by: string;
  proposed_at: string;
  decision: "named" | "returned" | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
}
