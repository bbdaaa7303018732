import type * as repo from "./operations-registers.repository.js";
import type { AccessGrant } from "./operations-registers.schemas.js";

/** `date` plus `days` calendar days, YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A grant with its state on `today` (LPSE zone): scheduled, active, expired (its expiry date has passed) or
 * revoked; an active grant is "review overdue" when its last review, or its start if never reviewed, is more
 * than `reviewDays` days ago.
 */
export function presentGrant(g: repo.GrantRow, today: string, reviewDays: number): AccessGrant {
  const status = g.revoked_on !== null ? "revoked" : g.expires_on !== null && g.expires_on < today ? "expired" : g.starts_on > today ? "scheduled" : "active";
  const reviewDueOn = status === "active" ? addDays(g.last_reviewed_on ?? g.starts_on, reviewDays) : null;
  return {
    id: g.id,
    person: g.person,
    system: g.system,
    level: g.level,
    reason: g.reason,
    grantedBy: g.granted_by,
    startsOn: g.starts_on,
    expiresOn: g.expires_on,
    revokedOn: g.revoked_on,
    revokedReason: g.revoked_reason,
    lastReviewedOn: g.last_reviewed_on,
    status,
    reviewDueOn,
    reviewOverdue: reviewDueOn !== null && reviewDueOn < today,
  };
}

export function presentPatch(p: repo.PatchRow) {
  return { id: p.id, system: p.system, patchId: p.patch_id, appliedOn: p.applied_on, appliedBy: p.applied_by, relatedChange: p.related_change, notes: p.notes };
}

const UNRESOLVED = new Set(["open", "in_progress"]);

/** A finding is overdue when it is still open or in progress after its due date. */
export function presentFinding(f: repo.FindingRow, today: string) {
  return {
    id: f.id,
    title: f.title,
    severity: f.severity,
    dueOn: f.due_on,
    status: f.status,
    resolutionNote: f.resolution_note,
    resolvedOn: f.resolved_on,
    overdue: UNRESOLVED.has(f.status) && f.due_on < today,
  };
}

export function presentScanSummary(s: repo.ScanRow, findings: repo.FindingRow[], today: string) {
  const shown = findings.map((f) => presentFinding(f, today));
  const count = (severity: string) => shown.filter((f) => f.severity === severity).length;
  return {
    id: s.id,
    scannedOn: s.scanned_on,
    tool: s.tool,
    scope: s.scope,
    findingsBySeverity: { critical: count("critical"), high: count("high"), medium: count("medium"), low: count("low") },
    openFindings: shown.filter((f) => UNRESOLVED.has(f.status)).length,
    overdueFindings: shown.filter((f) => f.overdue).length,
  };
}

export function presentScan(s: repo.ScanRow, findings: repo.FindingRow[], today: string) {
  return { ...presentScanSummary(s, findings, today), findings: findings.map((f) => presentFinding(f, today)) };
}
