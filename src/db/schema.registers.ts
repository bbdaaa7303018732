/** Tables of the asset (standard 3), risk (standard 4) and change (standard 6) registers. Part of the `DB` type in schema.ts. */

export type AssetType = "hardware" | "software" | "data" | "service" | "people" | "facility";
export type TaskStatus = "open" | "in_progress" | "done";
export type ChangeStatus = "proposed" | "approved" | "rejected" | "implemented" | "reviewed";

/** One asset with its confidentiality, integrity and availability ratings (1–3 each). */
export interface RegisterAssetsTable {
  id: string;
  code: string;
  name: string;
  type: AssetType;
  owner: string;
  location: string;
  confidentiality: number;
  integrity: number;
  availability: number;
  /** YYYY-MM-DD or null. */
  acquired_on: string | null;
  /** End of support, warranty or licence: YYYY-MM-DD or null. */
  expires_on: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One risk on an asset; the score is impact × threat × vulnerability × exposure (1–4 each). */
export interface RegisterRisksTable {
  id: string;
  asset_id: string;
  title: string;
  description: string;
  impact: number;
  threat: number;
  vulnerability: number;
  exposure: number;
  score: number;
  treatment: "mitigate" | "accept" | "transfer" | "avoid";
  owner: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A mitigation task of a risk. */
export interface RegisterRiskTasksTable {
  id: string;
  risk_id: string;
  action: string;
  owner: string;
  due_date: string;
  status: TaskStatus;
  created_at: string;
  updated_at: string;
}

/** A change request, or a change the platform recorded itself (origin "automatic": upgrades and migrations). */
export interface RegisterChangesTable {
  id: string;
  origin: "manual" | "automatic";
  title: string;
  description: string;
  reason: string;
  status: ChangeStatus;
  requested_by: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  implemented_by: string | null;
  implemented_at: string | null;
  implementation_note: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  /** Automatic changes: the application version and the migrations the run applied (JSON array). */
  app_version: string | null;
  migrations: string | null;
  /** Automatic changes: one per version and migration set, so restarts record nothing new. */
  automatic_key: string | null;
  created_at: string;
  updated_at: string;
}
