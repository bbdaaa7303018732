import { AppError, type Message } from "../../server/errors.js";
import { ZONE_OFFSET_HOURS } from "../settings/calendar.js";
import type { TimeZoneCode } from "../settings/settings.schemas.js";
import { currentStage, type StageKey, type StageWindow } from "./schedule.rules.js";

/** Stage names as SPSE shows them, for messages. */
export const STAGE_NAMES: Record<StageKey, Message> = {
  pengumuman_prakualifikasi: { id: "Pengumuman Prakualifikasi", en: "Prequalification announcement" },
  download_dokumen_kualifikasi: { id: "Download Dokumen Kualifikasi", en: "Qualification documents download" },
  penjelasan_kualifikasi: { id: "Penjelasan Dokumen Prakualifikasi", en: "Prequalification clarification" },
  upload_dokumen_kualifikasi: { id: "Kirim Persyaratan Kualifikasi", en: "Qualification submission" },
  evaluasi_kualifikasi: { id: "Evaluasi Dokumen Kualifikasi", en: "Qualification evaluation" },
  penetapan_hasil_kualifikasi: { id: "Penetapan Hasil Kualifikasi", en: "Qualification result decision" },
  pengumuman_hasil_kualifikasi: { id: "Pengumuman Hasil Prakualifikasi", en: "Prequalification result announcement" },
  sanggah_kualifikasi: { id: "Masa Sanggah Prakualifikasi", en: "Prequalification objection period" },
  pembukaan_file_1: { id: "Pembukaan dan Evaluasi Penawaran File I: Administrasi dan Teknis", en: "Opening and evaluation of File I (administrative and technical)" },
  pengumuman_file_1: { id: "Pengumuman Hasil Evaluasi Administrasi dan Teknis", en: "File I evaluation result announcement" },
  pembukaan_file_2: { id: "Pembukaan dan Evaluasi Penawaran File II: Harga", en: "Opening and evaluation of File II (price)" },
  pengumuman: { id: "Pengumuman", en: "Announcement" },
  download_dokumen: { id: "Download Dokumen Pemilihan", en: "Tender documents download" },
  penjelasan: { id: "Pemberian Penjelasan", en: "Clarification (aanwijzing)" },
  upload_penawaran: { id: "Upload Dokumen Penawaran", en: "Bid submission" },
  pembukaan: { id: "Pembukaan Dokumen Penawaran", en: "Bid opening" },
  evaluasi: { id: "Evaluasi Penawaran", en: "Evaluation" },
  pembuktian: { id: "Pembuktian Kualifikasi", en: "Qualification proof" },
  penetapan_pemenang: { id: "Penetapan Pemenang", en: "Winner determination" },
  pengumuman_pemenang: { id: "Pengumuman Pemenang", en: "Winner announcement" },
  sanggah: { id: "Masa Sanggah", en: "Objection period" },
  sppbj: { id: "Surat Penunjukan Penyedia (SPPBJ)", en: "Award letter (SPPBJ)" },
  kontrak: { id: "Penandatanganan Kontrak", en: "Contract signing" },
};

/** 8 Des 2026 09.00 WIB — the LPSE's zone, fixed offset (no daylight saving in Indonesia). */
export function formatLocal(instant: Date, zone: TimeZoneCode, language: "id" | "en"): string {
  const wall = new Date(instant.getTime() + ZONE_OFFSET_HOURS[zone] * 3_600_000);
  const text = new Intl.DateTimeFormat(language === "id" ? "id-ID" : "en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", hour12: false }).format(wall);
  return `${text} ${zone}`;
}

function describeWindow(w: StageWindow, zone: TimeZoneCode, language: "id" | "en"): string {
  return `${STAGE_NAMES[w.stage][language]} (${formatLocal(w.startsAt, zone, language)} – ${formatLocal(w.endsAt, zone, language)})`;
}

/**
 * Refuse an action outside the stages it belongs to, naming the allowed stage with its dates and the
 * stage the tender is in now.
 */
export function assertInStage(windows: readonly StageWindow[], allowed: readonly StageKey[], now: Date, zone: TimeZoneCode, action: Message): void {
  const open = windows.filter((w) => allowed.includes(w.stage));
  if (open.some((w) => w.startsAt <= now && now < w.endsAt)) return;
  const phase = currentStage(windows, now);
  const current = phase.stage;
  const currentName = (language: "id" | "en") => {
    if (current === "belum_dimulai") return language === "id" ? "belum dimulai" : "not started";
    if (current === "selesai") return language === "id" ? "selesai" : "finished";
    if (phase.open || !phase.opensAt) return STAGE_NAMES[current][language];
    const opens = formatLocal(phase.opensAt, zone, language);
    return language === "id" ? `menunggu ${STAGE_NAMES[current].id}, dibuka ${opens}` : `waiting for ${STAGE_NAMES[current].en}, opening ${opens}`;
  };
  const when = (language: "id" | "en") => open.map((w) => describeWindow(w, zone, language)).join(language === "id" ? " atau " : " or ");
  throw new AppError("OUT_OF_STAGE", {
    id: `${action.id} hanya pada tahap ${when("id")}. Tahap sekarang: ${currentName("id")}.`,
    en: `${action.en} is only possible during ${when("en")}. Current stage: ${currentName("en")}.`,
  });
}
