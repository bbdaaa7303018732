/**
 * Stages of e-Tender (SPSE naming). Minimum durations are settings: Perpres 16/2018 art. 45 fixes none.
 * Dependency-free so the web app imports the same lists.
 */

/** e-Tender, postqualification, one file: SPSE's default flow, in tender order. */
export const PASCA_ONE_FILE: readonly StageKey[] = [
  "pengumuman",
  "download_dokumen",
  "penjelasan",
  "upload_penawaran",
  "pembukaan",
  "evaluasi",
  "pembuktian",
  "penetapan_pemenang",
  "pengumuman_pemenang",
  "sanggah",
  "sppbj",
  "kontrak",
];

/**
 * e-Tender, prequalification, two files (SPSE 4.5): a qualification round with its own objection period,
 * then the invited vendors bid in two files, File I (administrative and technical) opened and evaluated
 * before File II (price).
 */
export const PRA_TWO_FILE: readonly StageKey[] = [
  "pengumuman_prakualifikasi",
  "download_dokumen_kualifikasi",
  "penjelasan_kualifikasi",
  "upload_dokumen_kualifikasi",
  "evaluasi_kualifikasi",
  "pembuktian",
  "penetapan_hasil_kualifikasi",
  "pengumuman_hasil_kualifikasi",
  "sanggah_kualifikasi",
  "download_dokumen",
  "penjelasan",
  "upload_penawaran",
  "pembukaan_file_1",
  "pengumuman_file_1",
  "pembukaan_file_2",
  "penetapan_pemenang",
  "pengumuman_pemenang",
  "sanggah",
  "sppbj",
  "kontrak",
];

/** Every stage key of every flow, each once (a test keeps it equal to the flows' union). */
export const STAGE_KEYS = [
  "pengumuman_prakualifikasi",
  "download_dokumen_kualifikasi",
  "penjelasan_kualifikasi",
  "upload_dokumen_kualifikasi",
  "evaluasi_kualifikasi",
  "penetapan_hasil_kualifikasi",
  "pengumuman_hasil_kualifikasi",
  "sanggah_kualifikasi",
  "pengumuman",
  "download_dokumen",
  "penjelasan",
  "upload_penawaran",
  "pembukaan",
  "pembukaan_file_1",
  "pengumuman_file_1",
  "pembukaan_file_2",
  "evaluasi",
  "pembuktian",
  "penetapan_pemenang",
  "pengumuman_pemenang",
  "sanggah",
  "sppbj",
  "kontrak",
] as const;

export type StageKey = (typeof STAGE_KEYS)[number];

/** The flow of a package, from its qualification (prequalification means the two-file flow). */
export function flowOf(qualification: string): readonly StageKey[] {
  return qualification === "pra" ? PRA_TWO_FILE : PASCA_ONE_FILE;
}

/** Objection periods: each must end on a working day within working hours. */
export const OBJECTION_STAGES: readonly StageKey[] = ["sanggah_kualifikasi", "sanggah"];
