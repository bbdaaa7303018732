import type { Category, EvaluationMethod, Method } from "../packages/packages.schemas.js";
import type { StageKey } from "../tenders/schedule.rules.js";

/**
 * How our procurement vocabulary maps onto OCDS 1.1 codelists. Closed codelists (method,
 * procurementCategory) must map exactly; open ones (awardCriteria, milestoneType) use standard codes.
 */

/** Perpres 16/2018 methods → OCDS `method`, with the Indonesian name kept in `procurementMethodDetails`. */
export const PROCUREMENT_METHODS: Record<Method, { code: "open" | "direct"; details: string }> = {
  tender: { code: "open", details: "Tender" },
  tender_cepat: { code: "open", details: "Tender Cepat" },
  seleksi: { code: "open", details: "Seleksi" },
  pengadaan_langsung: { code: "direct", details: "Pengadaan Langsung" },
  penunjukan_langsung: { code: "direct", details: "Penunjukan Langsung" },
};

export const PROCUREMENT_CATEGORIES: Record<Category, "goods" | "works" | "services"> = {
  barang: "goods",
  pekerjaan_konstruksi: "works",
  jasa_konsultansi: "services",
  jasa_lainnya: "services",
};

/**
 * Evaluation methods → OCDS `awardCriteria`, the Indonesian name in `awardCriteriaDetails`.
 * Pagu Anggaran fixes the price at the budget and ranks on quality, hence qualityOnly; Biaya Terendah
 * (consultancy) passes a technical threshold and then takes the lowest price, hence priceOnly; Umur
 * Ekonomis counts the running costs over the economic life, hence costOnly.
 */
export const AWARD_CRITERIA: Record<EvaluationMethod, { code: "priceOnly" | "costOnly" | "qualityOnly" | "ratedCriteria"; details: string }> = {
  gugur_harga_terendah: { code: "priceOnly", details: "Sistem gugur dengan harga terendah" },
  nilai: { code: "ratedCriteria", details: "Sistem nilai" },
  umur_ekonomis: { code: "costOnly", details: "Sistem penilaian biaya selama umur ekonomis" },
  kualitas_biaya: { code: "ratedCriteria", details: "Seleksi berdasarkan kualitas dan biaya" },
  kualitas: { code: "qualityOnly", details: "Seleksi berdasarkan kualitas" },
  pagu_anggaran: { code: "qualityOnly", details: "Seleksi berdasarkan pagu anggaran" },
  biaya_terendah: { code: "priceOnly", details: "Seleksi berdasarkan biaya terendah" },
};

/**
 * Stages: Upload Penawaran is `tender.tenderPeriod`, Pemberian Penjelasan is `tender.enquiryPeriod`,
 * and from Pembukaan to SPPBJ is `tender.awardPeriod` (opening, evaluation, proof, decision, objection
 * and the award letter). Every stage, those included, is also a milestone (id and code = the stage
 * key, dueDate = its end, its start in the description), so the whole schedule is in one list.
 */
export const TENDER_PERIOD_STAGE: StageKey = "upload_penawaran";
export const ENQUIRY_PERIOD_STAGE: StageKey = "penjelasan";
/** The award period runs from the first bid opening (File I in the two-file flow) to SPPBJ. */
export const AWARD_PERIOD_STAGES: { first: readonly StageKey[]; last: StageKey } = { first: ["pembukaan", "pembukaan_file_1"], last: "sppbj" };

/** OCDS milestoneType of each stage. */
export const STAGE_MILESTONE_TYPES: Record<StageKey, "engagement" | "assessment" | "approval" | "reporting"> = {
  pengumuman_prakualifikasi: "engagement",
  download_dokumen_kualifikasi: "engagement",
  penjelasan_kualifikasi: "engagement",
  upload_dokumen_kualifikasi: "engagement",
  evaluasi_kualifikasi: "assessment",
  penetapan_hasil_kualifikasi: "assessment",
  pengumuman_hasil_kualifikasi: "reporting",
  sanggah_kualifikasi: "engagement",
  pembukaan_file_1: "assessment",
  pengumuman_file_1: "reporting",
  pembukaan_file_2: "assessment",
  pengumuman: "engagement",
  download_dokumen: "engagement",
  penjelasan: "engagement",
  upload_penawaran: "engagement",
  pembukaan: "assessment",
  evaluasi: "assessment",
  pembuktian: "assessment",
  penetapan_pemenang: "assessment",
  pengumuman_pemenang: "reporting",
  sanggah: "engagement",
  sppbj: "approval",
  kontrak: "approval",
};

/**
 * An amount in integer sen as an OCDS amount: a JSON number in Rupiah, `Number(sen) / 100`.
 *
 * Why this is exact: below 2^53 the sen count converts to a double exactly, and the division is
 * correctly rounded, so the result is the double nearest to the true decimal amount. JSON writes the
 * shortest decimal that reads back as that double; it is the amount itself whenever doubles there are
 * closer together than a sen, i.e. below 2^46 Rupiah (≈ Rp70 trillion), so every amount up to that,
 * sen included, appears in the JSON exactly as "1250.5". Whole-Rupiah amounts are exact up to the
 * MAX_SEN ceiling (≈ Rp90 trillion); only an amount between Rp70 and Rp90 trillion with sen could
 * show off by a sen. The HPS and pagu of a single package are orders of magnitude below that.
 */
export function rupiahAmount(sen: bigint): number {
  return Number(sen) / 100;
}

/** Quantities are integer thousandths below 10^15, where doubles are finer than 0.001: always exact. */
export function quantityNumber(milli: bigint): number {
  return Number(milli) / 1000;
}
