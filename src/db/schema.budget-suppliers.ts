/**
 * Tables of the service budget (LPSE standard 13) and the supporting services register (standard 14). Part of
 * the `DB` type in schema.ts. Money is integer sen and SLA values integer thousandths, in bigint columns: read
 * them through BigInt() or Number() (PostgreSQL returns them as text).
 */

/** A fiscal year; once closed its lines and realisations no longer change. */
export interface BudgetYearsTable {
  year: number;
  closed_at: string | null;
  closed_by: string | null;
  created_at: string;
}

/** One planned line of a year's budget, by cost component, optionally for one asset of the asset register. */
export interface BudgetLinesTable {
  id: string;
  year: number;
  component: string;
  description: string;
  planned_sen: number | string;
  asset_id: string | null;
  created_by: string;
  created_at: string;
}

/** Money spent against a line (e.g. an SP2D), never more than the line's remaining plan. */
export interface BudgetRealisationsTable {
  id: string;
  line_id: string;
  realised_on: string;
  amount_sen: number | string;
  description: string;
  reference: string;
  created_by: string;
  created_at: string;
}

/** A supplier of a supporting service with its contract; `asset_ids` is a JSON array of register asset ids. */
export interface SuppliersTable {
  id: string;
  name: string;
  service: string;
  contract_number: string;
  contract_starts_on: string;
  contract_ends_on: string;
  contact: string;
  asset_ids: string;
  created_by: string;
  created_at: string;
}

/** One SLA target of a supplier: met when the measured value is at least (or at most) the target. */
export interface SupplierSlaTargetsTable {
  id: string;
  supplier_id: string;
  metric: string;
  target_milli: number | string;
  unit: string;
  direction: "at_least" | "at_most";
}

export interface SupplierReviewsTable {
  id: string;
  supplier_id: string;
  period_from: string;
  period_to: string;
  rating: number;
  notes: string;
  reviewer_id: string;
  created_at: string;
}

/** The value measured for one target in one review; `met` (0/1) is computed when the review is recorded. */
export interface SupplierReviewMeasurementsTable {
  review_id: string;
  target_id: string;
  measured_milli: number | string;
  met: number;
}
