import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/database.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import type { AppDeps } from "../../server/app.js";
import { AppError, fieldError, notFound } from "../../server/errors.js";
import { localDate } from "../settings/calendar.js";
import { getSettings } from "../settings/settings.service.js";
import type { RegisterSettings } from "../settings/settings.schemas.js";
import * as repo from "./staff.repository.js";
import { levelAfterAttendance } from "./staff.rules.js";
import type { AttendanceInput, CertificateInput, CompetenceInput, StaffInput, TrainingInput } from "./staff.schemas.js";

type Deps = Pick<AppDeps, "database" | "clock">;

const STAFF_NOT_FOUND = { id: "Pegawai tidak ditemukan", en: "Staff member not found" };
const TRAINING_NOT_FOUND = { id: "Pelatihan tidak ditemukan", en: "Training not found" };
const UNKNOWN_STAFF = { id: "pegawai tidak terdaftar", en: "no such staff member" };

/** Today's date in the LPSE's zone and the expiry alert window shared with the asset register. */
export async function staffContext(db: Queryable, now: Date): Promise<{ today: string; alertDays: number }> {
  const s = await getSettings(db);
  return { today: localDate(now, s.timeZone), alertDays: (s.registers as RegisterSettings).assetExpiryAlertDays };
}

export async function recordStaff(deps: Deps, actor: Actor, input: StaffInput): Promise<string> {
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    await repo.insertStaff(trx, {
      id, name: input.name, nip: input.nip, position: input.position, service_role: input.serviceRole,
      nda_signed_on: input.ndaSignedOn, contract_ends_on: input.contractEndsOn, created_by: actor.id, created_at: now.toISOString(),
    });
    await appendEvent(trx, { actorId: actor.id, type: "staff.member_recorded", subject: { type: "staff_member", id }, payload: input }, now);
  });
  return id;
}

/** Set one cell of the competence matrix (required and current level), replacing what was there. */
export async function setCompetence(deps: Deps, actor: Actor, staffId: string, input: CompetenceInput): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await repo.lockStaff(trx, staffId, deps.database.dialect))) throw notFound(STAFF_NOT_FOUND);
    const before = await repo.findCompetence(trx, staffId, input.competence);
    await repo.saveCompetence(trx, { staff_id: staffId, competence: input.competence, required_level: input.requiredLevel, current_level: input.currentLevel, updated_at: now.toISOString() });
    const payload = { ...input, before: before ? { requiredLevel: before.required_level, currentLevel: before.current_level } : null };
    await appendEvent(trx, { actorId: actor.id, type: "staff.competence_set", subject: { type: "staff_member", id: staffId }, payload }, now);
  });
}

export async function recordCertificate(deps: Deps, actor: Actor, input: CertificateInput): Promise<string> {
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await repo.findStaff(trx, input.staffId))) throw fieldError("body.staffId", UNKNOWN_STAFF);
    await repo.insertCertificate(trx, {
      id, staff_id: input.staffId, name: input.name, issuer: input.issuer, number: input.number, valid_until: input.validUntil, created_by: actor.id, created_at: now.toISOString(),
    });
    await appendEvent(trx, { actorId: actor.id, type: "staff.certificate_recorded", subject: { type: "staff_certificate", id }, payload: input }, now);
  });
  return id;
}

export async function recordTraining(deps: Deps, actor: Actor, input: TrainingInput): Promise<string> {
  if (input.endsOn < input.startsOn) throw fieldError("body.endsOn", { id: "tidak boleh sebelum tanggal mulai", en: "must not be before the start date" });
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    await repo.insertTraining(trx, {
      id, title: input.title, provider: input.provider, competence: input.competence, level_awarded: input.levelAwarded,
      starts_on: input.startsOn, ends_on: input.endsOn, hours: input.hours, created_by: actor.id, created_at: now.toISOString(),
    });
    await appendEvent(trx, { actorId: actor.id, type: "staff.training_recorded", subject: { type: "training", id }, payload: input }, now);
  });
  return id;
}

/**
 * Record that a staff member attended a training. A pass raises their current level in the training's
 * competence to the level it awards (never lowers it); a person not yet assessed in that competence gets a
 * matrix row with that level as both required and current. Once per person and training; only once the
 * training has started.
 */
export async function recordAttendance(deps: Deps, actor: Actor, trainingId: string, input: AttendanceInput): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const training = await repo.findTraining(trx, trainingId);
    if (!training) throw notFound(TRAINING_NOT_FOUND);
    if (!(await repo.lockStaff(trx, input.staffId, deps.database.dialect))) throw fieldError("body.staffId", UNKNOWN_STAFF);
    if (training.starts_on > (await staffContext(trx, now)).today) {
      throw new AppError("OUT_OF_STAGE", { id: "Pelatihan belum dimulai; kehadiran dicatat setelah pelatihan dimulai", en: "The training has not started; attendance is recorded once it has" });
    }
    if (await repo.findAttendance(trx, trainingId, input.staffId)) {
      throw new AppError("CONFLICT", { id: "Kehadiran pegawai ini pada pelatihan ini sudah dicatat", en: "This staff member's attendance at this training is already recorded" }, [
        { field: "body.staffId", message: { id: "sudah dicatat", en: "already recorded" } },
      ]);
    }
    const cell = await repo.findCompetence(trx, input.staffId, training.competence);
    const before = cell?.current_level ?? null;
    const after = input.passed ? levelAfterAttendance(before ?? 0, training.level_awarded, true) : before;
    if (input.passed && after !== before) {
      await repo.saveCompetence(trx, {
        staff_id: input.staffId, competence: training.competence, required_level: cell?.required_level ?? training.level_awarded, current_level: after as number, updated_at: now.toISOString(),
      });
    }
    await repo.insertAttendance(trx, {
      id: randomUUID(), training_id: trainingId, staff_id: input.staffId, passed: input.passed ? 1 : 0, result: input.result,
      level_before: before, level_after: after, recorded_by: actor.id, recorded_at: now.toISOString(),
    });
    await appendEvent(trx, { actorId: actor.id, type: "staff.training_attended", subject: { type: "training", id: trainingId }, payload: { ...input, levelBefore: before, levelAfter: after } }, now);
  });
}
