/**
 * Indonesian business identifiers. NPWP (tax number): 15 digits, written 99.999.999.9-999.999, or
 * since 2024 16 digits (the NIK of a person, or the new 16-digit format for companies). NIB (business
 * identity number from OSS): 13 digits.
 */

const NPWP_15 = /^\d{15}$/;
const NPWP_16 = /^\d{16}$/;
/** The punctuation people type into NPWP and NIB numbers; anything else makes the number invalid. */
const SEPARATORS = /[\s.-]/g;

/** Digits only, or null when the input holds anything but digits and the usual separators. */
export function normalizeNpwp(input: string): string | null {
  const digits = input.replace(SEPARATORS, "");
  return NPWP_15.test(digits) || NPWP_16.test(digits) ? digits : null;
}

/** 01.234.567.8-901.000 for the 15-digit form; the 16-digit form is shown as it is. */
export function formatNpwp(digits: string): string {
  if (digits.length !== 15) return digits;
  return `${digits.slice(0, 2)}.${digits.slice(2, 5)}.${digits.slice(5, 8)}.${digits.slice(8, 9)}-${digits.slice(9, 12)}.${digits.slice(12, 15)}`;
}

export function normalizeNib(input: string): string | null {
  const digits = input.replace(SEPARATORS, "");
  return /^\d{13}$/.test(digits) ? digits : null;
}

/** KBLI (Klasifikasi Baku Lapangan Usaha Indonesia) codes are five digits. */
export function isKbliCode(code: string): boolean {
  return /^\d{5}$/.test(code);
}
