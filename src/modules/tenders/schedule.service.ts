import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Tx } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError, type FieldError } from "../../server/errors.js";
import { DEFAULT_PROCUREMENT_RULES } from "../settings/settings.schemas.js";
import { getSettings } from "../settings/settings.service.js";
import * as packages from "../packages/packages.repository.js";
import { recordRelease } from "../ocds/ocds.service.js";
import { flowOf, scheduleProblems, type StageWindow } from "./schedule.rules.js";
import { notifyParticipants } from "./participation.service.js";
import type { PublicationContext } from "./publication-context.js";
import * as repo from "./tenders.repository.js";
import type { ScheduleInput } from "./tenders.schemas.js";

function rejectProblems(problems: FieldError[]): void {
  const first = problems[0];
  if (!first) return;
  throw new AppError("VALIDATION_FAILED", { id: `${first.field}: ${first.message.id}`, en: `${first.field}: ${first.message.en}` }, problems);
}

/** Check a schedule against the LPSE's calendar, stage minimums and the HPS rule. */
export async function checkSchedule(trx: Tx, pkg: { hps_set_at: string; qualification: string }, windows: StageWindow[], now: Date): Promise<void> {
  const settings = await getSettings(trx);
  const holidays = new Set((await repo.holidayDates(trx)).map((h) => h.date));
  const rules = settings.procurementRules ?? DEFAULT_PROCUREMENT_RULES;
  rejectProblems(scheduleProblems(windows, { settings, holidays, hpsSetAt: new Date(pkg.hps_set_at), hpsMaxWorkingDays: rules.hpsMaxWorkingDaysBeforeDeadline, now, flow: flowOf(pkg.qualification) }));
}

/**
 * Set the stages of a tender. Before publication the committee plans freely; after it, a change needs a
 * reason the regulation accepts, and every version is kept and shown publicly with its reason.
 */
export async function setSchedule(db: Kysely<DB>, actor: Actor, packageId: string, input: ScheduleInput, now: Date, context: PublicationContext) {
  return db.transaction().execute(async (trx) => {
    const pkg = await packages.findPackage(trx, packageId);
    if (!pkg) throw new AppError("NOT_FOUND", { id: "Paket tidak ditemukan", en: "Package not found" });
    const published = pkg.status === "published";
    if (published && !input.reason) {
      rejectProblems([{ field: "body.reason", message: { id: "perubahan jadwal setelah pengumuman wajib beralasan (keadaan kahar, gangguan teknis, atau perubahan dokumen)", en: "a schedule change after publication needs a reason (force majeure, technical failure, or a document change)" } }]);
    }
    const windows: StageWindow[] = input.stages.map((s) => ({ stage: s.stage, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }));
    await checkScheduleAfterPublication(trx, pkg, windows, now, published);
    await repo.replaceSchedule(trx, packageId, windows);
    const stages = windows.map((w) => ({ stage: w.stage, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() }));
    const reason = input.reason ?? { kind: "initial" as const, text: "Jadwal awal / initial schedule" };
    await repo.insertScheduleChange(trx, { id: randomUUID(), package_id: packageId, changed_at: now.toISOString(), changed_by: actor.id, reason_kind: reason.kind, reason_text: reason.text, stages: JSON.stringify(stages) });
    await appendEvent(trx, { actorId: actor.id, type: published ? "tender.schedule_changed" : "package.schedule_set", subject: { type: "package", id: packageId }, payload: { stages, reason }, visibility: published ? "public" : "internal" }, now);
    if (published) {
      await recordRelease(trx, { packageId, tag: ["tenderUpdate"] }, now, context);
      await notifyParticipants(
        trx,
        packageId,
        {
          kind: "tender.schedule_changed",
          title: { id: `Jadwal tender diubah — ${pkg.name}`, en: `Tender schedule changed — ${pkg.name}` },
          body: { id: `Alasan: ${reason.text}`, en: `Reason: ${reason.text}` },
          link: `/tender/${pkg.tender_code}`,
        },
        now,
        context.publicUrl,
      );
    }
    return windows;
  });
}

/**
 * After publication the past is fixed and the present cannot be rewritten: a stage that is over keeps its
 * times, a stage under way keeps its start and must end in the future, and a stage still to come starts no
 * earlier than now.
 */
async function checkScheduleAfterPublication(trx: Tx, pkg: { hps_set_at: string; qualification: string; id: string }, windows: StageWindow[], now: Date, published: boolean): Promise<void> {
  if (!published) return checkSchedule(trx, pkg, windows, now);
  const before = await repo.readSchedule(trx, pkg.id);
  const problems: FieldError[] = [];
  windows.forEach((w, i) => {
    const old = before[i];
    if (!old) return;
    const moved = old.startsAt.getTime() !== w.startsAt.getTime() || old.endsAt.getTime() !== w.endsAt.getTime();
    if (old.endsAt <= now) {
      if (moved) problems.push({ field: `body.stages.${i}`, message: { id: `tahap ${w.stage} sudah selesai dan tidak dapat diubah`, en: `the ${w.stage} stage is over and cannot change` } });
    } else if (old.startsAt <= now) {
      if (old.startsAt.getTime() !== w.startsAt.getTime()) {
        problems.push({ field: `body.stages.${i}.startsAt`, message: { id: `tahap ${w.stage} sedang berlangsung: waktu mulainya tetap`, en: `the ${w.stage} stage is under way: its start cannot change` } });
      }
      if (w.endsAt <= now) problems.push({ field: `body.stages.${i}.endsAt`, message: { id: "tidak boleh berakhir di masa lalu", en: "must not end in the past" } });
    } else if (w.startsAt < now) {
      problems.push({ field: `body.stages.${i}.startsAt`, message: { id: "tahap yang belum dimulai tidak boleh dimulai di masa lalu", en: "a stage still to come must not start in the past" } });
    }
  });
  rejectProblems(problems);
  // The checks above guard the past and the present; the general rules then run from the first stage's start.
  const settings = await getSettings(trx);
  const holidays = new Set((await repo.holidayDates(trx)).map((h) => h.date));
  const rules = settings.procurementRules ?? DEFAULT_PROCUREMENT_RULES;
  const firstStart = windows[0]?.startsAt ?? now;
  rejectProblems(scheduleProblems(windows, { settings, holidays, hpsSetAt: new Date(pkg.hps_set_at), hpsMaxWorkingDays: rules.hpsMaxWorkingDaysBeforeDeadline, now: firstStart < now ? firstStart : now, flow: flowOf(pkg.qualification) }));
}
