import { lineTotal, parseRupiah } from "../packages/money.js";

/** The stages a bid passes, in order; price is computed, the others are the committee's findings. */
export const EVALUATION_STAGES = ["administrasi", "teknis", "kualifikasi", "harga"] as const;
export type EvaluationStage = (typeof EVALUATION_STAGES)[number];
export const FINDING_STAGES = ["administrasi", "teknis", "kualifikasi"] as const;
export type FindingStage = (typeof FINDING_STAGES)[number];

export interface BillLine {
  id: string;
  quantityMilli: bigint;
}

export interface BidLine {
  hpsItemId: string;
  unitPrice: string;
}

export interface PriceCorrection {
  offeredSen: bigint;
  /** Unit prices as offered × the document's quantities, each line rounded half up to the sen. */
  correctedSen: bigint | null;
  /** Why the bid cannot be corrected (a line missing or unpriced); the price stage then fails. */
  problem: string | null;
}

/**
 * Arithmetic correction (koreksi aritmatik): the offered unit prices stand, the quantities are those of the
 * tender document, whatever the bid wrote; the corrected total can change the ranking.
 */
export function correctPrice(bill: readonly BillLine[], offeredPrice: string, lines: readonly BidLine[]): PriceCorrection {
  const offeredSen = parseRupiah(offeredPrice) ?? 0n;
  let correctedSen = 0n;
  for (const item of bill) {
    const line = lines.find((l) => l.hpsItemId === item.id);
    const unitSen = line ? parseRupiah(line.unitPrice) : null;
    if (unitSen === null) return { offeredSen, correctedSen: null, problem: `no unit price for item ${item.id}` };
    correctedSen += lineTotal(item.quantityMilli, unitSen);
  }
  return { offeredSen, correctedSen, problem: null };
}

export interface PriceVerdict {
  pass: boolean;
  /** Above the HPS: fails. */
  aboveHps: boolean;
  /** Under the floor (80 % of the HPS by default): passes, but needs a price-reasonableness clarification. */
  needsClarification: boolean;
}

export function judgePrice(correction: PriceCorrection, hpsSen: bigint, floorPercent = 80n): PriceVerdict {
  if (correction.correctedSen === null) return { pass: false, aboveHps: false, needsClarification: false };
  const aboveHps = correction.correctedSen > hpsSen;
  // corrected < floor% × HPS, compared in integers: corrected × 100 < HPS × floor.
  const needsClarification = !aboveHps && correction.correctedSen * 100n < hpsSen * floorPercent;
  return { pass: !aboveHps, aboveHps, needsClarification };
}

export interface Candidate {
  vendorId: string;
  correctedSen: bigint | null;
  /** Every stage passed (findings and price). */
  passed: boolean;
  submittedAt: string;
}

/**
 * Sistem gugur, harga terendah: bids that pass every stage, by corrected price; an equal price goes to the
 * bid submitted first. Bids that failed a stage get no rank.
 */
export function rankLowestPrice(candidates: readonly Candidate[]): Map<string, number> {
  const ranked = candidates
    .filter((c) => c.passed && c.correctedSen !== null)
    .sort((x, y) => (x.correctedSen === y.correctedSen ? x.submittedAt.localeCompare(y.submittedAt) : (x.correctedSen as bigint) < (y.correctedSen as bigint) ? -1 : 1));
  return new Map(ranked.map((c, i) => [c.vendorId, i + 1]));
}
