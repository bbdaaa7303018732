/**
 * The register computations, kept pure so tests pin them exactly (docs/ARCHITECTURE.md, "Registers").
 *
 * Asset value = confidentiality + integrity + availability (each 1–3, so 3–9). Classification bands:
 * 3–4 rendah, 5–6 sedang, 7–9 tinggi.
 *
 * Risk score = impact × threat × vulnerability × exposure (each 1–4, so 1–256). Level by the two
 * thresholds of the settings (default 24 and 64): score ≤ low → rendah, ≤ medium → sedang, else tinggi.
 *
 * Heat map: impact (1–4) against likelihood, where likelihood is threat × vulnerability × exposure (1–64)
 * banded to 1–4 by the rounded geometric mean of the three factors, in integers: 1–3 → 1, 4–15 → 2,
 * 16–42 → 3, 43–64 → 4. Three equal factors k fall in band k.
 */

export type Level = "rendah" | "sedang" | "tinggi";

/** Upper bounds of asset value bands rendah and sedang (above: tinggi). */
export const ASSET_VALUE_BANDS = { rendahMax: 4, sedangMax: 6 } as const;
/** Upper bounds of likelihood bands 1, 2 and 3 (above: 4); from 1.5³, 2.5³ and 3.5³ rounded down. */
export const LIKELIHOOD_BANDS = [3, 15, 42] as const;

export function assetValue(r: { confidentiality: number; integrity: number; availability: number }): number {
  return r.confidentiality + r.integrity + r.availability;
}

export function assetClass(value: number): Level {
  if (value <= ASSET_VALUE_BANDS.rendahMax) return "rendah";
  return value <= ASSET_VALUE_BANDS.sedangMax ? "sedang" : "tinggi";
}

export function riskScore(r: { impact: number; threat: number; vulnerability: number; exposure: number }): number {
  return r.impact * r.threat * r.vulnerability * r.exposure;
}

export function riskLevel(score: number, t: { riskLowMax: number; riskMediumMax: number }): Level {
  if (score <= t.riskLowMax) return "rendah";
  return score <= t.riskMediumMax ? "sedang" : "tinggi";
}

/** Likelihood band 1–4 of threat × vulnerability × exposure. */
export function likelihoodBand(r: { threat: number; vulnerability: number; exposure: number }): number {
  const product = r.threat * r.vulnerability * r.exposure;
  const index = LIKELIHOOD_BANDS.findIndex((max) => product <= max);
  return index === -1 ? 4 : index + 1;
}

export type ExpiryState = "none" | "ok" | "expiring" | "expired";

/** Whole days from `today` to `date` (both YYYY-MM-DD). */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Expired before today; expiring within `alertDays` (inclusive); otherwise ok. */
export function expiryOf(expiresOn: string | null, today: string, alertDays: number): { state: ExpiryState; daysLeft: number | null } {
  if (!expiresOn) return { state: "none", daysLeft: null };
  const daysLeft = daysBetween(today, expiresOn);
  return { state: daysLeft < 0 ? "expired" : daysLeft <= alertDays ? "expiring" : "ok", daysLeft };
}

/** A mitigation task is overdue when not done and its due date is before today. */
export function taskOverdue(t: { status: string; due_date: string }, today: string): boolean {
  return t.status !== "done" && t.due_date < today;
}

/** The change workflow: who may follow each status (proposed → approved/rejected → implemented → reviewed). */
export const CHANGE_TRANSITIONS: Record<string, readonly string[]> = {
  proposed: ["approved", "rejected"],
  approved: ["implemented"],
  implemented: ["reviewed"],
  rejected: [],
  reviewed: [],
};
