import { lineTotal, parseRupiah } from "../packages/money.js";
import type { EVALUATION_METHODS } from "../packages/package-enums.js";

type EvaluationMethod = (typeof EVALUATION_METHODS)[number];

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

/**
 * The price verdict: a corrected price above the ceiling fails. The ceiling is the HPS, except under
 * pagu anggaran, where the consultancy bid must stay within the budget ceiling (pagu) instead.
 */
export function judgePrice(correction: PriceCorrection, hpsSen: bigint, floorPercent = 80n, ceilingSen = hpsSen): PriceVerdict {
  if (correction.correctedSen === null) return { pass: false, aboveHps: false, needsClarification: false };
  const aboveHps = correction.correctedSen > hpsSen;
  // corrected < floor% × HPS, compared in integers: corrected × 100 < HPS × floor.
  const needsClarification = !aboveHps && correction.correctedSen * 100n < hpsSen * floorPercent;
  return { pass: correction.correctedSen <= ceilingSen, aboveHps, needsClarification };
}

/** The price ceiling per evaluation method: the pagu for pagu anggaran, the HPS otherwise. */
export function priceCeilingSen(method: string, hpsSen: bigint, paguSen: bigint): bigint {
  return method === "pagu_anggaran" ? paguSen : hpsSen;
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

/** A technical score runs from 0 to 100 points, with at most two decimals: kept as integer hundredths. */
export const MAX_SCORE_HUNDREDTHS = 10_000;
const SCORE_PATTERN = /^(\d{1,3})(?:[.,](\d{1,2}))?$/;

/** "87.5" → 8750 hundredths; null when not a score from 0 to 100 with at most two decimals. */
export function parseScore(text: string): number | null {
  const match = SCORE_PATTERN.exec(text.trim());
  if (!match) return null;
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return hundredths <= MAX_SCORE_HUNDREDTHS ? hundredths : null;
}

/** 8750 hundredths → "87.50"; whole points without decimals ("80"). */
export function scoreString(hundredths: bigint | number): string {
  const h = BigInt(hundredths);
  return h % 100n === 0n ? (h / 100n).toString() : `${h / 100n}.${(h % 100n).toString().padStart(2, "0")}`;
}

export interface ScoredCandidate extends Candidate {
  /** The teknis finding's score in hundredths of a point; null when none was recorded. */
  technicalHundredths: number | null;
}

export interface Standing {
  rank: number;
  /** 100 × lowest corrected price ÷ this corrected price, in hundredths, rounded half up (weighted methods). */
  priceHundredths: bigint | null;
  /** The weighted total on a 0-100 scale, in hundredths, rounded half up (weighted methods). */
  combinedHundredths: bigint | null;
}

/** An exact non-negative fraction, so ranking never rounds. */
interface Fraction {
  num: bigint;
  den: bigint;
}

const roundHalfUp = (f: Fraction): bigint => (2n * f.num + f.den) / (2n * f.den);
/** Positive when a > b. */
const compareFractions = (a: Fraction, b: Fraction): number => {
  const d = a.num * b.den - b.num * a.den;
  return d === 0n ? 0 : d > 0n ? 1 : -1;
};
const earlierFirst = (x: Candidate, y: Candidate) => x.submittedAt.localeCompare(y.submittedAt);

function ranked(list: readonly ScoredCandidate[], extra?: Map<string, Omit<Standing, "rank">>): Map<string, Standing> {
  return new Map(list.map((c, i) => [c.vendorId, { rank: i + 1, priceHundredths: null, combinedHundredths: null, ...extra?.get(c.vendorId) }]));
}

/** Kualitas and pagu anggaran: the highest technical score first; an equal score goes to the earlier bid. */
export function rankByTechnicalScore(candidates: readonly ScoredCandidate[]): Map<string, Standing> {
  const eligible = candidates.filter((c) => c.passed && c.correctedSen !== null && c.technicalHundredths !== null);
  return ranked(eligible.sort((x, y) => (y.technicalHundredths as number) - (x.technicalHundredths as number) || earlierFirst(x, y)));
}

/**
 * Sistem nilai and kualitas dan biaya: combined = w × technical + (100 − w) × price score, where the price
 * score is 100 × the lowest corrected price ÷ this corrected price, among the bids passing every stage.
 * Compared as exact fractions of integers: the highest combined first, an equal one to the earlier bid.
 */
export function rankWeighted(candidates: readonly ScoredCandidate[], technicalWeight: number): Map<string, Standing> {
  const eligible = candidates.filter((c) => c.passed && c.correctedSen !== null && c.technicalHundredths !== null);
  if (eligible.length === 0) return new Map();
  const lowest = eligible.reduce((min, c) => ((c.correctedSen as bigint) < min ? (c.correctedSen as bigint) : min), eligible[0]?.correctedSen as bigint);
  const w = BigInt(technicalWeight);
  const scored = eligible.map((c) => {
    const corrected = c.correctedSen as bigint;
    // Price score in hundredths: 10000 × lowest ÷ corrected (a free bid is the lowest: full marks).
    const price: Fraction = corrected === 0n ? { num: 10_000n, den: 1n } : { num: 10_000n * lowest, den: corrected };
    // Combined in hundredths of a point: (w × technical + (100 − w) × price) ÷ 100.
    const combined: Fraction = { num: w * BigInt(c.technicalHundredths as number) * price.den + (100n - w) * price.num, den: 100n * price.den };
    return { c, price, combined };
  });
  scored.sort((x, y) => compareFractions(y.combined, x.combined) || earlierFirst(x.c, y.c));
  const extra = new Map(scored.map((s) => [s.c.vendorId, { priceHundredths: roundHalfUp(s.price), combinedHundredths: roundHalfUp(s.combined) }]));
  return ranked(scored.map((s) => s.c), extra);
}

/**
 * The ranking for the package's evaluation method. Umur ekonomis (life-cycle cost) is ranked as sistem
 * gugur, harga terendah for now: the bid form does not yet carry operating and maintenance costs.
 * Biaya terendah takes the lowest corrected price among the bids passing the technical stage (its score is
 * recorded, the passing grade is the committee's finding). A weighted method without its weight ranks nobody.
 */
export function rankBids(method: EvaluationMethod, candidates: readonly ScoredCandidate[], technicalWeight: number | null): Map<string, Standing> {
  switch (method) {
    case "nilai":
    case "kualitas_biaya":
      return technicalWeight === null ? new Map() : rankWeighted(candidates, technicalWeight);
    case "kualitas":
    case "pagu_anggaran":
      return rankByTechnicalScore(candidates);
    case "gugur_harga_terendah":
    case "umur_ekonomis":
    case "biaya_terendah": {
      const ranks = rankLowestPrice(candidates);
      return new Map([...ranks].map(([vendorId, rank]) => [vendorId, { rank, priceHundredths: null, combinedHundredths: null }]));
    }
  }
}
