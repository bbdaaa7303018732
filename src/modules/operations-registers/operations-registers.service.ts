import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import type { AppDeps } from "../../server/app.js";
import { AppError, fieldError, notFound } from "../../server/errors.js";
import { localDate } from "../settings/calendar.js";
import { getSettings } from "../settings/settings.service.js";
import * as repo from "./operations-registers.repository.js";
import type { AccessGrantInput, AccessReviewInput, FindingStatusInput, PatchInput, RevokeInput, ScanInput } from "./operations-registers.schemas.js";

type Deps = Pick<AppDeps, "database" | "clock">;

const GRANT_NOT_FOUND = { id: "Hak akses tidak ditemukan", en: "Access grant not found" };
const SCAN_NOT_FOUND = { id: "Pemindaian kerentanan tidak ditemukan", en: "Vulnerability scan not found" };

/** Today's date in the LPSE's zone, and the review period. */
export async function today(db: Queryable, now: Date): Promise<{ today: string; reviewDays: number }> {
  const settings = await getSettings(db);
  return { today: localDate(now, settings.timeZone), reviewDays: settings.operations!.accessReviewDays };
}

function notInFuture(field: string, date: string, todayDate: string): void {
  if (date > todayDate) throw fieldError(field, { id: "tidak boleh setelah hari ini", en: "must not be after today" });
}

// ---- server access grants (standard 10)

export async function recordGrant(deps: Deps, actor: Actor, input: AccessGrantInput): Promise<string> {
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    await repo.insertGrant(trx, {
      id, person: input.person, system: input.system, level: input.level, reason: input.reason, granted_by: input.grantedBy,
      starts_on: input.startsOn, expires_on: input.expiresOn, revoked_on: null, revoked_reason: null, last_reviewed_on: null,
      created_by: actor.id, created_at: now.toISOString(),
    });
    await appendEvent(trx, { actorId: actor.id, type: "operations.access_granted", subject: { type: "access_grant", id }, payload: input }, now);
  });
  return id;
}

async function lockActiveGrant(trx: Kysely<DB>, deps: Deps, id: string, field: string) {
  const grant = await repo.lockGrant(trx, id, deps.database.dialect);
  if (!grant) throw field === "params.grantId" ? notFound(GRANT_NOT_FOUND) : fieldError(field, { id: "hak akses tidak ada", en: "no such grant" });
  if (grant.revoked_on !== null) {
    throw new AppError("CONFLICT", { id: "Hak akses ini sudah dicabut", en: "This grant is already revoked" }, [{ field, message: { id: "sudah dicabut", en: "already revoked" } }]);
  }
  return grant;
}

/** End a grant: it stays in the register, revoked on the given date with the reason. */
export async function revokeGrant(deps: Deps, actor: Actor, id: string, input: RevokeInput): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const grant = await lockActiveGrant(trx, deps, id, "params.grantId");
    notInFuture("body.revokedOn", input.revokedOn, (await today(trx, now)).today);
    if (input.revokedOn < grant.starts_on) throw fieldError("body.revokedOn", { id: "tidak boleh sebelum hak akses mulai", en: "must not be before the grant starts" });
    await repo.updateGrant(trx, id, { revoked_on: input.revokedOn, revoked_reason: input.reason });
    await appendEvent(trx, { actorId: actor.id, type: "operations.access_revoked", subject: { type: "access_grant", id }, payload: input }, now);
  });
}

/**
 * Record a periodic access review: every grant reviewed gets keep or revoke. Keeping sets its last review date;
 * revoking ends the grant on the review date.
 */
export async function recordReview(deps: Deps, actor: Actor, input: AccessReviewInput): Promise<string> {
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    notInFuture("body.reviewedOn", input.reviewedOn, (await today(trx, now)).today);
    for (const [i, d] of input.decisions.entries()) {
      await lockActiveGrant(trx, deps, d.grantId, `body.decisions.${i}.grantId`);
      if (d.decision === "revoke") {
        await repo.updateGrant(trx, d.grantId, { revoked_on: input.reviewedOn, revoked_reason: d.note || "Dicabut pada kaji ulang akses / Revoked at an access review", last_reviewed_on: input.reviewedOn });
      } else {
        await repo.updateGrant(trx, d.grantId, { last_reviewed_on: input.reviewedOn });
      }
    }
    await repo.insertReview(
      trx,
      { id, reviewed_on: input.reviewedOn, reviewer_id: actor.id, notes: input.notes, created_at: now.toISOString() },
      input.decisions.map((d) => ({ review_id: id, grant_id: d.grantId, decision: d.decision, note: d.note })),
    );
    await appendEvent(trx, { actorId: actor.id, type: "operations.access_reviewed", subject: { type: "access_review", id }, payload: input }, now);
  });
  return id;
}

export async function listReviews(db: Queryable) {
  const [reviews, items] = await Promise.all([repo.listReviews(db), repo.listReviewItems(db)]);
  return reviews.map((r) => ({
    id: r.id,
    reviewedOn: r.reviewed_on,
    reviewer: { id: r.reviewer_id, name: r.reviewer_name },
    notes: r.notes,
    decisions: items.filter((i) => i.review_id === r.id).map((i) => ({ grantId: i.grant_id, person: i.person, system: i.system, decision: i.decision, note: i.note })),
  }));
}

// ---- patches and vulnerability scans (standard 11)

export async function recordPatch(deps: Deps, actor: Actor, input: PatchInput): Promise<repo.PatchRow> {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    notInFuture("body.appliedOn", input.appliedOn, (await today(trx, now)).today);
    const row: repo.PatchRow = {
      id: randomUUID(), system: input.system, patch_id: input.patchId, applied_on: input.appliedOn, applied_by: input.appliedBy,
      related_change: input.relatedChange, notes: input.notes, created_by: actor.id, created_at: now.toISOString(),
    };
    await repo.insertPatch(trx, row);
    await appendEvent(trx, { actorId: actor.id, type: "operations.patch_recorded", subject: { type: "patch_record", id: row.id }, payload: input }, now);
    return row;
  });
}

export async function recordScan(deps: Deps, actor: Actor, input: ScanInput): Promise<string> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    notInFuture("body.scannedOn", input.scannedOn, (await today(trx, now)).today);
    input.findings.forEach((f, i) => {
      if (f.dueOn < input.scannedOn) throw fieldError(`body.findings.${i}.dueOn`, { id: "tidak boleh sebelum tanggal pemindaian", en: "must not be before the scan date" });
    });
    const findings: repo.FindingRow[] = input.findings.map((f) => ({
      id: randomUUID(), scan_id: id, title: f.title, severity: f.severity, due_on: f.dueOn, status: "open", resolution_note: null, resolved_on: null, updated_at: at,
    }));
    await repo.insertScan(trx, { id, scanned_on: input.scannedOn, tool: input.tool, scope: input.scope, created_by: actor.id, created_at: at }, findings);
    await appendEvent(trx, { actorId: actor.id, type: "operations.scan_recorded", subject: { type: "vulnerability_scan", id }, payload: { ...input, findingIds: findings.map((f) => f.id) } }, now);
  });
  return id;
}

export async function loadScan(db: Queryable, id: string): Promise<repo.ScanRow> {
  const scan = await repo.findScan(db, id);
  if (!scan) throw notFound(SCAN_NOT_FOUND);
  return scan;
}

/** Move a finding's remediation on; remediated or accepted sets the resolution date (today), reopening clears it. */
export async function updateFindingStatus(deps: Deps, actor: Actor, scanId: string, findingId: string, input: FindingStatusInput): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    await loadScan(trx, scanId);
    const finding = await repo.lockFinding(trx, scanId, findingId, deps.database.dialect);
    if (!finding) throw notFound({ id: "Temuan tidak ditemukan", en: "Finding not found" });
    if (input.status === "accepted" && input.note.length < 5) throw fieldError("body.note", { id: "alasan menerima risiko wajib diisi", en: "give the reason for accepting the risk" });
    const resolved = input.status === "remediated" || input.status === "accepted";
    await repo.updateFinding(trx, findingId, {
      status: input.status,
      resolution_note: input.note || null,
      resolved_on: resolved ? (await today(trx, now)).today : null,
      updated_at: now.toISOString(),
    });
    await appendEvent(trx, { actorId: actor.id, type: "operations.finding_updated", subject: { type: "vulnerability_finding", id: findingId }, payload: { scanId, before: finding.status, ...input } }, now);
  });
}
