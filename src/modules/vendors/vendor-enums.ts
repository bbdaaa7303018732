/** The vendor data vocabularies, dependency-free so the web app imports the same lists. */

/** The record menus besides identity and licences, in the order SPSE shows them. */
export const RECORD_KIND_NAMES = ["deeds", "owners", "managers", "experts", "equipment", "experience", "tax-reports"] as const;
export type RecordKind = (typeof RECORD_KIND_NAMES)[number];

/** Akta pendirian (founding deed) or akta perubahan (amendment). */
export const DEED_TYPES = ["pendirian", "perubahan"] as const;
export const EQUIPMENT_CONDITIONS = ["baik", "rusak_ringan", "rusak_berat"] as const;
export const EQUIPMENT_OWNERSHIPS = ["milik_sendiri", "sewa"] as const;
/** SPT Tahunan (annual return), SPT Masa PPN and SPT Masa PPh (monthly VAT and income-tax returns). */
export const TAX_REPORT_TYPES = ["spt_tahunan", "spt_masa_ppn", "spt_masa_pph"] as const;

/** What an uploaded vendor document is: the scans the Verifikator checks against the originals. */
export const DOCUMENT_KINDS = ["akta_pendirian", "akta_perubahan", "npwp", "ktp_direktur", "nib", "sbu", "laporan_pajak", "lainnya"] as const;
