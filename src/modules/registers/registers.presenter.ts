import type { Actor } from "../../server/actor.js";
import type { RegisterSettings } from "../settings/settings.schemas.js";
import type { AssetWithRisks } from "./assets.repository.js";
import type { ChangeWithNames } from "./changes.repository.js";
import { canDecideChange, canImplementChange, canReviewChange } from "./registers.policy.js";
import { assetClass, assetValue, expiryOf, likelihoodBand, riskLevel, taskOverdue } from "./registers.rules.js";
import type { RiskWithAsset, TaskRow } from "./risks.repository.js";

export function presentAsset(a: AssetWithRisks, today: string, alertDays: number) {
  const value = assetValue(a);
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    type: a.type,
    owner: a.owner,
    location: a.location,
    confidentiality: a.confidentiality,
    integrity: a.integrity,
    availability: a.availability,
    value,
    valueClass: assetClass(value),
    acquiredOn: a.acquired_on,
    expiresOn: a.expires_on,
    expiry: expiryOf(a.expires_on, today, alertDays),
    notes: a.notes,
    riskCount: Number(a.risk_count),
    createdAt: a.created_at,
    updatedAt: a.updated_at,
  };
}

export function presentRiskSummary(r: RiskWithAsset, thresholds: RegisterSettings) {
  return {
    id: r.id,
    asset: { id: r.asset_id, code: r.asset_code, name: r.asset_name },
    title: r.title,
    impact: r.impact,
    threat: r.threat,
    vulnerability: r.vulnerability,
    exposure: r.exposure,
    score: r.score,
    level: riskLevel(r.score, thresholds),
    likelihood: likelihoodBand(r),
    treatment: r.treatment,
    owner: r.owner,
    openTasks: Number(r.open_tasks),
    updatedAt: r.updated_at,
  };
}

export function presentRisk(r: RiskWithAsset, tasks: TaskRow[], thresholds: RegisterSettings, today: string, manage: boolean) {
  return {
    ...presentRiskSummary(r, thresholds),
    description: r.description,
    tasks: tasks.map((t) => ({ id: t.id, action: t.action, owner: t.owner, dueDate: t.due_date, status: t.status, overdue: taskOverdue(t, today) })),
    can: { manage },
  };
}

const LEVEL_RANK = { rendah: 0, sedang: 1, tinggi: 2 } as const;

/** The 4 × 4 heat map: per impact and likelihood band, the risks in the cell and the highest level among them. */
export function heatMap(risks: ReturnType<typeof presentRiskSummary>[]) {
  const cells = [];
  for (let impact = 4; impact >= 1; impact--) {
    for (let likelihood = 1; likelihood <= 4; likelihood++) {
      const inCell = risks.filter((r) => r.impact === impact && r.likelihood === likelihood);
      const highest = inCell.reduce<null | (typeof inCell)[number]["level"]>((h, r) => (h === null || LEVEL_RANK[r.level] > LEVEL_RANK[h] ? r.level : h), null);
      cells.push({ impact, likelihood, count: inCell.length, riskIds: inCell.map((r) => r.id), highest });
    }
  }
  return cells;
}

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? "" } : null);

export function presentChange(c: ChangeWithNames, actor: Actor) {
  return {
    id: c.id,
    origin: c.origin,
    title: c.title,
    description: c.description,
    reason: c.reason,
    status: c.status,
    requestedBy: person(c.requested_by, c.requested_name),
    decidedBy: person(c.decided_by, c.decided_name),
    decidedAt: c.decided_at,
    decisionNote: c.decision_note,
    implementedBy: person(c.implemented_by, c.implemented_name),
    implementedAt: c.implemented_at,
    implementationNote: c.implementation_note,
    reviewedBy: person(c.reviewed_by, c.reviewed_name),
    reviewedAt: c.reviewed_at,
    reviewNote: c.review_note,
    appVersion: c.app_version,
    migrations: c.migrations ? (JSON.parse(c.migrations) as string[]) : [],
    createdAt: c.created_at,
    can: {
      decide: c.status === "proposed" && canDecideChange(actor, c),
      implement: c.status === "approved" && canImplementChange(actor),
      review: c.status === "implemented" && canReviewChange(actor),
    },
  };
}
