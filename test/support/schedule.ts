import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.js";

/** A valid e-Tender schedule in WIB, starting Monday 30 November 2026, for tests and the demo. */
export function pascaSchedule(shiftDays = 0) {
  const at = (date: string, time: string) => new Date(new Date(`${date}T${time}:00+07:00`).getTime() + shiftDays * 86_400_000).toISOString();
  return [
    { stage: "pengumuman", startsAt: at("2026-11-30", "08:00"), endsAt: at("2026-12-02", "16:00") },
    { stage: "download_dokumen", startsAt: at("2026-12-03", "08:00"), endsAt: at("2026-12-07", "16:00") },
    { stage: "penjelasan", startsAt: at("2026-12-08", "09:00"), endsAt: at("2026-12-08", "12:00") },
    { stage: "upload_penawaran", startsAt: at("2026-12-09", "08:00"), endsAt: at("2026-12-11", "14:00") },
    { stage: "pembukaan", startsAt: at("2026-12-11", "14:00"), endsAt: at("2026-12-11", "15:00") },
    { stage: "evaluasi", startsAt: at("2026-12-14", "08:00"), endsAt: at("2026-12-14", "16:00") },
    { stage: "pembuktian", startsAt: at("2026-12-15", "08:00"), endsAt: at("2026-12-15", "16:00") },
    { stage: "penetapan_pemenang", startsAt: at("2026-12-16", "09:00"), endsAt: at("2026-12-16", "10:00") },
    { stage: "pengumuman_pemenang", startsAt: at("2026-12-16", "10:00"), endsAt: at("2026-12-16", "11:00") },
    { stage: "sanggah", startsAt: at("2026-12-16", "11:00"), endsAt: at("2026-12-21", "15:00") },
    { stage: "sppbj", startsAt: at("2026-12-22", "08:00"), endsAt: at("2026-12-22", "16:00") },
    { stage: "kontrak", startsAt: at("2026-12-23", "08:00"), endsAt: at("2026-12-23", "16:00") },
  ];
}

/**
 * For tests that run a server process on the real clock: every stage of the package's schedule becomes three
 * hours long, laid out so that Upload Dokumen Penawaran began an hour before `now`.
 */
export async function openBiddingNow(db: Kysely<DB>, packageId: string, now: Date): Promise<void> {
  const windows = await db.selectFrom("package_schedules").select(["position", "stage"]).where("package_id", "=", packageId).orderBy("position").execute();
  const uploadAt = windows.findIndex((w) => w.stage === "upload_penawaran");
  for (const [i, w] of windows.entries()) {
    const start = now.getTime() + (i - uploadAt) * 3 * 3_600_000 - 3_600_000;
    await db
      .updateTable("package_schedules")
      .set({ starts_at: new Date(start).toISOString(), ends_at: new Date(start + 3 * 3_600_000).toISOString() })
      .where("package_id", "=", packageId)
      .where("position", "=", w.position)
      .execute();
  }
}
