import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Queryable, Tx } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError, fieldError } from "../../server/errors.js";
import { authorize } from "../../server/http.js";
import { type Catalog, catalogVersion, CURRENT_CATALOG_VERSION, findCriterion, findStandard } from "./catalog/index.js";
import { assertNothingNeedsReview } from "./live-evidence.review.js";
import { metStandards } from "./results.js";
import { canAssess, canManageStandards, canMarkActionDone, canVerifyAction, canViewCycle, type CycleInvolvement } from "./standards.policy.js";
import * as repo from "./standards.repository.js";
import type { AssessCriterionSchema, LkppVerificationSchema, OpenCycleSchema, RaiseFindingSchema } from "./standards.schemas.js";

const cycleNotFound = () => new AppError("NOT_FOUND", { id: "Siklus penilaian tidak ditemukan", en: "Assessment cycle not found" });
const findingNotFound = () => new AppError("NOT_FOUND", { id: "Temuan tidak ditemukan", en: "Finding not found" });
const readOnly = () =>
  new AppError("CONFLICT", { id: "Siklus ini sudah ditandatangani Kepala LPSE dan hanya dapat dibaca", en: "This cycle has been signed off by the head of the LPSE and is read-only" });

/** The catalog a cycle was opened with (its version is kept for good). */
export function catalogOf(cycle: repo.CycleRow): Catalog {
  const catalog = catalogVersion(cycle.catalog_version);
  if (!catalog) throw new Error(`catalog version ${cycle.catalog_version} is missing from the repository`);
  return catalog;
}

/** Whether the caller is on the cycle's team and whether they own one of its corrective actions. */
export async function involvementOf(db: Queryable, cycleId: string, actor: Actor): Promise<CycleInvolvement> {
  return { isMember: await repo.isTeamMember(db, cycleId, actor.id), ownsAction: await repo.ownsActionIn(db, cycleId, actor.id) };
}

/** The cycle if the caller may read it: 404 when it does not exist, 403 when it is not theirs to see. */
export async function loadVisibleCycle(db: Queryable, actor: Actor, cycleId: string) {
  const cycle = await repo.findCycle(db, cycleId);
  if (!cycle) throw cycleNotFound();
  const involvement = await involvementOf(db, cycleId, actor);
  authorize(canViewCycle(actor, involvement));
  return { cycle, involvement };
}

/** Lock the cycle for a change, check it is still open and that the caller passes the policy. */
async function lockOpenCycle(trx: Tx, actor: Actor, cycleId: string, policy: (involvement: CycleInvolvement) => boolean) {
  const cycle = await repo.lockCycle(trx, cycleId);
  if (!cycle) throw cycleNotFound();
  const involvement = await involvementOf(trx, cycleId, actor);
  authorize(policy(involvement));
  if (cycle.status !== "open") throw readOnly();
  return { cycle, involvement, catalog: catalogOf(cycle) };
}

export async function currentMetCount(db: Queryable, cycle: repo.CycleRow): Promise<number> {
  if (cycle.met_count !== null) return cycle.met_count;
  const assessments = await repo.listAssessments(db, cycle.id);
  return metStandards(catalogOf(cycle), new Map(assessments.map((a) => [a.criterion_code, a.status]))).size;
}

export async function openCycle(db: Kysely<DB>, actor: Actor, input: z.infer<typeof OpenCycleSchema>, now: Date): Promise<string> {
  authorize(canManageStandards(actor));
  const version = input.catalogVersion ?? CURRENT_CATALOG_VERSION;
  if (!catalogVersion(version)) throw fieldError("body.catalogVersion", { id: `versi katalog ${version} tidak ada`, en: `catalog version ${version} does not exist` });
  return db.transaction().execute(async (trx) => {
    if (await repo.findCycleByPeriod(trx, input.period)) {
      throw new AppError("CONFLICT", { id: `Siklus periode ${input.period} sudah ada`, en: `A cycle for period ${input.period} already exists` }, [
        { field: "body.period", message: { id: "sudah dipakai", en: "is already used" } },
      ]);
    }
    const id = randomUUID();
    await repo.insertCycle(trx, { id, period: input.period, catalog_version: version, status: "open", opened_by: actor.id, opened_at: now.toISOString(), met_count: null, signed_off_by: null, signed_off_at: null, sign_off_note: null });
    await appendEvent(trx, { actorId: actor.id, type: "standards.cycle_opened", subject: { type: "standard_cycle", id }, payload: { period: input.period, catalogVersion: version } }, now);
    return id;
  });
}

async function checkStaff(db: Queryable, ids: readonly string[], field: string) {
  const found = await repo.findStaff(db, ids);
  const missing = ids.filter((id) => !found.some((u) => u.id === id));
  if (missing.length > 0) {
    throw fieldError(field, { id: "harus pengguna aktif LPSE (bukan penyedia atau pejabat instansi)", en: "must be an active user of the LPSE (not a vendor or an agency official)" });
  }
  return found;
}

/** Appoint the internal assessment team (the whole list); coordinators must stay on it. */
export async function appointTeam(db: Kysely<DB>, actor: Actor, cycleId: string, memberIds: readonly string[], now: Date): Promise<void> {
  const ids = [...new Set(memberIds)];
  await db.transaction().execute(async (trx) => {
    await lockOpenCycle(trx, actor, cycleId, () => canManageStandards(actor));
    await checkStaff(trx, ids, "body.memberIds");
    const coordinators = await repo.listCoordinators(trx, cycleId);
    const dropped = coordinators.filter((c) => !ids.includes(c.user_id));
    if (dropped.length > 0) {
      throw fieldError("body.memberIds", { id: `koordinator ${dropped.map((c) => c.standard_code).join(", ")} harus tetap anggota tim`, en: `the coordinators of ${dropped.map((c) => c.standard_code).join(", ")} must stay on the team` });
    }
    await repo.replaceTeam(trx, cycleId, ids, now.toISOString());
    await appendEvent(trx, { actorId: actor.id, type: "standards.team_appointed", subject: { type: "standard_cycle", id: cycleId }, payload: { memberIds: ids } }, now);
  });
}

export async function appointCoordinator(db: Kysely<DB>, actor: Actor, cycleId: string, standardCode: string, userId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { catalog } = await lockOpenCycle(trx, actor, cycleId, () => canManageStandards(actor));
    if (!findStandard(catalog, standardCode)) throw fieldError("params.standardCode", { id: "tidak ada dalam katalog siklus ini", en: "is not in this cycle's catalog" });
    if (!(await repo.isTeamMember(trx, cycleId, userId))) throw fieldError("body.userId", { id: "harus anggota tim penilai internal", en: "must be a member of the internal assessment team" });
    await repo.setCoordinator(trx, { cycle_id: cycleId, standard_code: standardCode, user_id: userId, appointed_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "standards.coordinator_appointed", subject: { type: "standard_cycle", id: cycleId }, payload: { standardCode, userId } }, now);
  });
}

function criterionIn(catalog: Catalog, code: string, field: string) {
  const found = findCriterion(catalog, code);
  if (!found) throw fieldError(field, { id: "tidak ada dalam katalog siklus ini", en: "is not in this cycle's catalog" });
  return found;
}

export async function assessCriterion(db: Kysely<DB>, actor: Actor, cycleId: string, criterionCode: string, input: z.infer<typeof AssessCriterionSchema>, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { catalog } = await lockOpenCycle(trx, actor, cycleId, (i) => canAssess(actor, i));
    criterionIn(catalog, criterionCode, "params.criterionCode");
    const reason = input.status === "not_applicable" ? (input.reason ?? null) : null;
    await repo.saveAssessment(trx, { cycle_id: cycleId, criterion_code: criterionCode, status: input.status, reason, notes: input.notes, assessed_by: actor.id, assessed_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "standards.criterion_assessed", subject: { type: "standard_cycle", id: cycleId }, payload: { criterionCode, status: input.status, reason, notes: input.notes } }, now);
  });
}

/** Check, before a file is stored, that the caller may add evidence to this criterion now. */
export async function assertMayAddEvidence(db: Queryable, actor: Actor, cycleId: string, criterionCode: string): Promise<void> {
  const cycle = await repo.findCycle(db, cycleId);
  if (!cycle) throw cycleNotFound();
  authorize(canAssess(actor, await involvementOf(db, cycleId, actor)));
  if (cycle.status !== "open") throw readOnly();
  criterionIn(catalogOf(cycle), criterionCode, "params.criterionCode");
}

export interface NewEvidence {
  kind: "file" | "link";
  title: string;
  url: string | null;
  contentType: string | null;
  size: number | null;
  sha256: string | null;
}

export async function addEvidence(db: Kysely<DB>, actor: Actor, cycleId: string, criterionCode: string, evidence: NewEvidence, now: Date): Promise<repo.EvidenceRow> {
  return db.transaction().execute(async (trx) => {
    const { catalog } = await lockOpenCycle(trx, actor, cycleId, (i) => canAssess(actor, i));
    criterionIn(catalog, criterionCode, "params.criterionCode");
    const row: repo.EvidenceRow = { id: randomUUID(), cycle_id: cycleId, criterion_code: criterionCode, kind: evidence.kind, title: evidence.title, url: evidence.url, content_type: evidence.contentType, size: evidence.size, sha256: evidence.sha256, added_by: actor.id, added_at: now.toISOString() };
    await repo.insertEvidence(trx, row);
    await appendEvent(trx, { actorId: actor.id, type: "standards.evidence_added", subject: { type: "standard_cycle", id: cycleId }, payload: { evidenceId: row.id, criterionCode, kind: row.kind, title: row.title, url: row.url, sha256: row.sha256, size: row.size } }, now);
    return row;
  });
}

export async function raiseFinding(db: Kysely<DB>, actor: Actor, cycleId: string, input: z.infer<typeof RaiseFindingSchema>, now: Date): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { catalog } = await lockOpenCycle(trx, actor, cycleId, (i) => canAssess(actor, i));
    if (!findStandard(catalog, input.standardCode)) throw fieldError("body.standardCode", { id: "tidak ada dalam katalog siklus ini", en: "is not in this cycle's catalog" });
    if (input.criterionCode !== undefined && criterionIn(catalog, input.criterionCode, "body.criterionCode").standard.code !== input.standardCode) {
      throw fieldError("body.criterionCode", { id: "bukan kriteria standar yang dipilih", en: "is not a criterion of the chosen standard" });
    }
    await checkStaff(trx, [input.ownerId], "body.ownerId");
    const id = randomUUID();
    const number = await repo.nextFindingNumber(trx, cycleId);
    await repo.insertFinding(trx, {
      id, cycle_id: cycleId, number, standard_code: input.standardCode, criterion_code: input.criterionCode ?? null, description: input.description, action: input.action, priority: input.priority,
      owner_id: input.ownerId, due_date: input.dueDate, status: "open", raised_by: actor.id, raised_at: now.toISOString(), done_note: null, done_at: null, verified_by: null, verified_at: null, verify_note: null,
    });
    await appendEvent(trx, { actorId: actor.id, type: "standards.finding_raised", subject: { type: "standard_cycle", id: cycleId }, payload: { findingId: id, number, ...input } }, now);
    return id;
  });
}

async function lockFinding(trx: Tx, cycleId: string, findingId: string) {
  const finding = await repo.findFinding(trx, cycleId, findingId);
  if (!finding) throw findingNotFound();
  return finding;
}

/** The owner reports the corrective action done; it stays open for the assessors until one verifies it. */
export async function markActionDone(db: Kysely<DB>, actor: Actor, cycleId: string, findingId: string, note: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const cycle = await repo.lockCycle(trx, cycleId);
    if (!cycle) throw cycleNotFound();
    const finding = await lockFinding(trx, cycleId, findingId);
    authorize(canMarkActionDone(actor, { ownerId: finding.owner_id }));
    if (cycle.status !== "open") throw readOnly();
    if (finding.status !== "open") throw new AppError("CONFLICT", { id: "Tindakan korektif ini sudah dilaporkan selesai", en: "This corrective action has already been reported done" });
    await repo.updateFinding(trx, findingId, { status: "done", done_note: note, done_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "standards.action_done", subject: { type: "standard_cycle", id: cycleId }, payload: { findingId, note } }, now);
  });
}

export async function verifyAction(db: Kysely<DB>, actor: Actor, cycleId: string, findingId: string, note: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const cycle = await repo.lockCycle(trx, cycleId);
    if (!cycle) throw cycleNotFound();
    const finding = await lockFinding(trx, cycleId, findingId);
    authorize(canVerifyAction(actor, { ownerId: finding.owner_id }, await involvementOf(trx, cycleId, actor)));
    if (cycle.status !== "open") throw readOnly();
    if (finding.status === "open") {
      throw new AppError("CONFLICT", { id: "Pemilik belum melaporkan tindakan korektif selesai; temuan tidak dapat diverifikasi", en: "The owner has not reported the corrective action done; the finding cannot be verified" });
    }
    if (finding.status === "verified") throw new AppError("CONFLICT", { id: "Tindakan korektif ini sudah diverifikasi", en: "This corrective action is already verified" });
    await repo.updateFinding(trx, findingId, { status: "verified", verified_by: actor.id, verified_at: now.toISOString(), verify_note: note });
    await appendEvent(trx, { actorId: actor.id, type: "standards.action_verified", subject: { type: "standard_cycle", id: cycleId }, payload: { findingId, note } }, now);
  });
}

/** Sign-off: every criterion assessed and every corrective action verified; the result is fixed from then on. */
export async function signOff(db: Kysely<DB>, actor: Actor, cycleId: string, note: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { cycle, catalog } = await lockOpenCycle(trx, actor, cycleId, () => canManageStandards(actor));
    const assessments = await repo.listAssessments(trx, cycleId);
    const assessed = new Set(assessments.map((a) => a.criterion_code));
    const missing = catalog.standards.flatMap((s) => s.criteria.map((k) => k.code)).filter((code) => !assessed.has(code));
    if (missing.length > 0) {
      const list = missing.length > 5 ? `${missing.slice(0, 5).join(", ")} …` : missing.join(", ");
      throw new AppError("CONFLICT", { id: `${missing.length} kriteria belum dinilai: ${list}`, en: `${missing.length} criteria are not assessed yet: ${list}` });
    }
    const unverified = (await repo.listFindings(trx, cycleId)).filter((f) => f.status !== "verified");
    if (unverified.length > 0) {
      const list = unverified.map((f) => `#${f.number}`).join(", ");
      throw new AppError("CONFLICT", { id: `Tindakan korektif belum diverifikasi: temuan ${list}`, en: `Corrective actions not verified yet: findings ${list}` });
    }
    await assertNothingNeedsReview(trx, cycle, catalog, now);
    const metCount = await currentMetCount(trx, cycle);
    await repo.updateCycle(trx, cycleId, { status: "signed_off", met_count: metCount, signed_off_by: actor.id, signed_off_at: now.toISOString(), sign_off_note: note });
    await appendEvent(trx, { actorId: actor.id, type: "standards.cycle_signed_off", subject: { type: "standard_cycle", id: cycleId }, payload: { metCount, standardCount: catalog.standards.length, note } }, now);
  });
}

/** The LKPP's verification letter for one standard, recorded once the cycle is signed off. */
export async function recordLkpp(db: Kysely<DB>, actor: Actor, cycleId: string, standardCode: string, input: z.infer<typeof LkppVerificationSchema>, now: Date): Promise<void> {
  authorize(canManageStandards(actor));
  await db.transaction().execute(async (trx) => {
    const cycle = await repo.lockCycle(trx, cycleId);
    if (!cycle) throw cycleNotFound();
    if (!findStandard(catalogOf(cycle), standardCode)) throw fieldError("params.standardCode", { id: "tidak ada dalam katalog siklus ini", en: "is not in this cycle's catalog" });
    if (cycle.status !== "signed_off") {
      throw new AppError("CONFLICT", { id: "Hasil verifikasi LKPP dicatat setelah Kepala LPSE menandatangani penilaian internal", en: "LKPP's verification is recorded after the head of the LPSE signs off the internal assessment" });
    }
    if (input.letterDate < (cycle.signed_off_at ?? "").slice(0, 10)) {
      throw fieldError("body.letterDate", { id: "tidak boleh sebelum tanggal penandatanganan penilaian internal", en: "cannot be before the internal assessment's sign-off" });
    }
    await repo.saveLkpp(trx, { cycle_id: cycleId, standard_code: standardCode, result: input.result, letter_number: input.letterNumber, letter_date: input.letterDate, recorded_by: actor.id, recorded_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "standards.lkpp_verification_recorded", subject: { type: "standard_cycle", id: cycleId }, payload: { standardCode, ...input } }, now);
  });
}
