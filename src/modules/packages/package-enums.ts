/** The package vocabularies, dependency-free so the web app imports the same lists. */

/** Procurement categories (Perpres 16/2018): goods, construction works, consultancy, other services. */
export const CATEGORIES = ["barang", "pekerjaan_konstruksi", "jasa_konsultansi", "jasa_lainnya"] as const;
export const METHODS = ["tender", "tender_cepat", "seleksi", "pengadaan_langsung", "penunjukan_langsung"] as const;
export const EVALUATION_METHODS = [
  "gugur_harga_terendah",
  "nilai",
  "umur_ekonomis",
  "kualitas_biaya",
  "kualitas",
  "pagu_anggaran",
  "biaya_terendah",
] as const;
/** The methods weighing a technical score against a price score; the package sets the technical weight. */
export const WEIGHTED_EVALUATION_METHODS = ["nilai", "kualitas_biaya"] as const;
/** The methods whose teknis finding carries a score (0-100): the weighted ones and the consultancy methods. */
export const SCORED_EVALUATION_METHODS = ["nilai", "kualitas_biaya", "kualitas", "pagu_anggaran", "biaya_terendah"] as const;
export const QUALIFICATIONS = ["pasca", "pra"] as const;
export const CONTRACT_TYPES = ["lumsum", "harga_satuan", "gabungan", "terima_jadi", "kontrak_payung", "waktu_penugasan"] as const;
export const FUNDING_SOURCES = ["APBD", "APBN", "APBD_Perubahan", "BLUD", "DAK", "Hibah", "Lainnya"] as const;
/** The PPK's documents of a package (Perpres 16/2018: specification or KAK, and the draft contract). */
export const PACKAGE_DOCUMENT_KINDS = ["kak", "spesifikasi", "rancangan_kontrak", "gambar", "lainnya"] as const;
