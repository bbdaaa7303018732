import type { BidDocument } from "../../../../src/crypto/envelope.js";
import { MAX_PARTS } from "../../../../src/crypto/envelope.js";
import { type BidFileKind, MAX_BID_VALIDITY_DAYS } from "../../../../src/modules/bids/bid-enums.js";
import { lineTotalSen, MAX_SEN, normalizeRupiah, parseRupiah, rupiahString } from "../../lib/money";
import type { Tender } from "../tenders/tenders.api";

export { MAX_BID_VALIDITY_DAYS };

/** Part 0 of the envelope is the bid document; every other part is one file. */
export const MAX_BID_FILES = MAX_PARTS - 1;

export type BillItem = Tender["items"][number];

export interface DraftFile {
  /** Stable React key while files are added and removed. */
  key: number;
  kind: BidFileKind;
  file: File;
}

/** The form as typed: one unit price per bill-of-quantities line (by its id), the validity, the files. */
export interface BidDraft {
  unitPrices: Record<string, string>;
  validityDays: string;
  files: DraftFile[];
}

export const emptyDraft = (): BidDraft => ({ unitPrices: {}, validityDays: "", files: [] });

/** Each line's amount in sen (quantity × unit price, half up to the sen, as the server computes), null while not a number. */
export function lineTotals(items: readonly BillItem[], draft: BidDraft): (bigint | null)[] {
  return items.map((item) => lineTotalSen(item.quantity, draft.unitPrices[item.id] ?? ""));
}

/** The bid's total price: the sum of its lines; null until every line has a valid unit price. */
export function totalSen(items: readonly BillItem[], draft: BidDraft): bigint | null {
  const totals = lineTotals(items, draft);
  return totals.every((v) => v !== null) ? totals.reduce<bigint>((sum, v) => sum + (v ?? 0n), 0n) : null;
}

export type DraftProblem =
  | { field: "unitPrice"; itemId: string }
  | { field: "total"; reason: "zero" | "tooLarge" }
  | { field: "validityDays" }
  | { field: "files"; reason: "none" | "tooMany" };

/** What stops the draft from being sealed; empty when it is complete. */
export function draftProblems(items: readonly BillItem[], draft: BidDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  for (const item of items) if (parseRupiah(draft.unitPrices[item.id] ?? "") === null) problems.push({ field: "unitPrice", itemId: item.id });
  const total = totalSen(items, draft);
  if (total === 0n) problems.push({ field: "total", reason: "zero" });
  // The opening reads the price back with the same parser, which refuses amounts beyond MAX_SEN.
  if (total !== null && total > MAX_SEN) problems.push({ field: "total", reason: "tooLarge" });
  const days = draft.validityDays.trim();
  if (!/^\d{1,4}$/.test(days) || Number(days) < 1 || Number(days) > MAX_BID_VALIDITY_DAYS) problems.push({ field: "validityDays" });
  if (draft.files.length === 0) problems.push({ field: "files", reason: "none" });
  if (draft.files.length > MAX_BID_FILES) problems.push({ field: "files", reason: "tooMany" });
  return problems;
}

/** The document sealed as part 0: canonical amounts, the announcement's quantities, the files' names and kinds in part order. */
export function bidDocument(items: readonly BillItem[], draft: BidDraft): BidDocument {
  const total = totalSen(items, draft);
  if (total === null) throw new RangeError("the draft has lines without a valid unit price");
  return {
    price: rupiahString(total),
    items: items.map((item) => ({ hpsItemId: item.id, unitPrice: normalizeRupiah(draft.unitPrices[item.id] ?? ""), quantity: item.quantity })),
    validityDays: Number(draft.validityDays.trim()),
    files: draft.files.map((f) => ({ name: f.file.name, kind: f.kind })),
  };
}
