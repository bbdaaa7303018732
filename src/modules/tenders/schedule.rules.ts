import type { FieldError } from "../../server/errors.js";
import { isWithinWorkingHours, isWorkingDay, localDate, workingDaysBetween } from "../settings/calendar.js";
import type { LpseSettings } from "../settings/settings.schemas.js";
import { OBJECTION_STAGES, PASCA_ONE_FILE, type StageKey } from "../settings/stage-keys.js";

export { flowOf, PASCA_ONE_FILE, PRA_TWO_FILE, type StageKey } from "../settings/stage-keys.js";

export interface StageWindow {
  stage: StageKey;
  startsAt: Date;
  endsAt: Date;
}

const HOUR_MS = 3_600_000;

type CalendarSettings = Pick<LpseSettings, "timeZone" | "workingDays" | "workingHours" | "stageMinimums">;

function fieldOf(index: number, part: "startsAt" | "endsAt" | "stage" = "endsAt"): string {
  return `body.stages.${index}.${part}`;
}

/** How long a window lasts in the unit of its minimum. Working days count the local dates it touches. */
function lengthIn(unit: "hours" | "working_days" | "calendar_days", w: StageWindow, settings: CalendarSettings, holidays: ReadonlySet<string>): number {
  const ms = w.endsAt.getTime() - w.startsAt.getTime();
  if (unit === "hours") return ms / HOUR_MS;
  if (unit === "calendar_days") return ms / (24 * HOUR_MS);
  const first = localDate(w.startsAt, settings.timeZone);
  const last = localDate(w.endsAt, settings.timeZone);
  return workingDaysBetween(first, last, settings, holidays) + (isWorkingDay(first, settings, holidays) ? 1 : 0);
}

const UNIT_NAMES = { hours: ["jam", "hours"], working_days: ["hari kerja", "working days"], calendar_days: ["hari kalender", "calendar days"] } as const;

/**
 * Every problem with a proposed schedule: stages complete and in order, no overlap, minimum durations
 * from the settings, the sanggah period ending on a working day within working hours, and the HPS set no
 * earlier than the allowed number of working days before the bid deadline.
 */
export function scheduleProblems(
  windows: readonly StageWindow[],
  context: { settings: CalendarSettings; holidays: ReadonlySet<string>; hpsSetAt: Date; hpsMaxWorkingDays: number; now: Date; flow?: readonly StageKey[] },
): FieldError[] {
  const { settings, holidays } = context;
  const flow = context.flow ?? PASCA_ONE_FILE;
  const problems: FieldError[] = [];
  if (windows.length !== flow.length || windows.some((w, i) => w.stage !== flow[i])) {
    return [{ field: "body.stages", message: { id: `tahapan harus lengkap dan berurutan: ${flow.join(", ")}`, en: `stages must be complete and in order: ${flow.join(", ")}` } }];
  }
  windows.forEach((w, i) => {
    if (w.endsAt <= w.startsAt) {
      problems.push({ field: fieldOf(i), message: { id: "selesai harus setelah mulai", en: "must end after it starts" } });
      return;
    }
    const previous = windows[i - 1];
    if (previous && w.startsAt < previous.endsAt) {
      problems.push({ field: fieldOf(i, "startsAt"), message: { id: `bertumpang tindih dengan tahap ${previous.stage}`, en: `overlaps the ${previous.stage} stage` } });
    }
    const minimum = settings.stageMinimums[w.stage];
    if (minimum && minimum.amount > 0 && lengthIn(minimum.unit, w, settings, holidays) < minimum.amount) {
      const [id, en] = UNIT_NAMES[minimum.unit];
      problems.push({ field: fieldOf(i), message: { id: `tahap ${w.stage} minimal ${minimum.amount} ${id}`, en: `the ${w.stage} stage takes at least ${minimum.amount} ${en}` } });
    }
  });
  const first = windows[0];
  if (first && first.startsAt < context.now) {
    problems.push({ field: fieldOf(0, "startsAt"), message: { id: "jadwal tidak boleh dimulai di masa lalu", en: "the schedule must not start in the past" } });
  }
  flow.forEach((stage, index) => {
    const objection = windows[index];
    if (OBJECTION_STAGES.includes(stage) && objection && !isWithinWorkingHours(objection.endsAt, settings, holidays)) {
      problems.push({
        field: fieldOf(index),
        message: { id: "masa sanggah harus berakhir pada hari kerja dalam jam kerja", en: "the objection period must end on a working day within working hours" },
      });
    }
  });
  const bidIndex = flow.indexOf("upload_penawaran");
  const bids = windows[bidIndex];
  if (bids) {
    const daysBefore = workingDaysBetween(localDate(context.hpsSetAt, settings.timeZone), localDate(bids.endsAt, settings.timeZone), settings, holidays);
    if (daysBefore > context.hpsMaxWorkingDays) {
      problems.push({
        field: fieldOf(bidIndex),
        message: {
          id: `HPS ditetapkan ${daysBefore} hari kerja sebelum batas penawaran; paling lama ${context.hpsMaxWorkingDays} hari kerja (perbarui HPS atau majukan jadwal)`,
          en: `the HPS was set ${daysBefore} working days before the bid deadline; at most ${context.hpsMaxWorkingDays} are allowed (renew the HPS or bring the schedule forward)`,
        },
      });
    }
  }
  return problems;
}

export type StagePhase = StageKey | "belum_dimulai" | "selesai";

/**
 * The stage a tender is in at `now`, derived from its schedule (never stored). Between two windows
 * (overnight, say) the tender is in the stage that comes next, not yet `open`; before the first window it
 * has not started, after the last it is finished. `next` is the stage after `stage`.
 */
export function currentStage(windows: readonly StageWindow[], now: Date): { stage: StagePhase; open: boolean; next: StageKey | null; opensAt: Date | null } {
  const first = windows[0];
  if (!first || now < first.startsAt) return { stage: "belum_dimulai", open: false, next: first?.stage ?? null, opensAt: first?.startsAt ?? null };
  const index = windows.findIndex((w) => now < w.endsAt);
  const w = windows[index];
  if (!w) return { stage: "selesai", open: false, next: null, opensAt: null };
  const open = w.startsAt <= now;
  return { stage: w.stage, open, next: windows[index + 1]?.stage ?? null, opensAt: open ? null : w.startsAt };
}

export function presentStage(phase: ReturnType<typeof currentStage>) {
  return { ...phase, opensAt: phase.opensAt?.toISOString() ?? null };
}
