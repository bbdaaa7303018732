/**
 * Stages of e-Tender (SPSE naming), in tender order. Minimum durations are settings: Perpres 16/2018
 * art. 45 fixes none. Dependency-free so the web app imports the same list.
 */
export const STAGE_KEYS = [
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
] as const;
