/**
 * Exact money. Amounts are integer sen (1 Rupiah = 100 sen) held as bigint in code; the API carries
 * them as decimal strings ("150000000" or "1250.50"); the database as integers, which stay exact up to
 * MAX_SEN. Quantities are decimal strings with up to three decimals, held as integer thousandths.
 */

/** 2^53 - 1 sen: the largest amount both databases and JSON numbers hold exactly (≈ Rp90 trillion). */
export const MAX_SEN = BigInt(Number.MAX_SAFE_INTEGER);
const MONEY_PATTERN = /^(\d{1,16})(?:[.,](\d{1,2}))?$/;
const QUANTITY_PATTERN = /^(\d{1,12})(?:[.,](\d{1,3}))?$/;

/** "1250.5" → 125050n sen; null when the text is not a non-negative amount with at most two decimals. */
export function parseRupiah(text: string): bigint | null {
  const match = MONEY_PATTERN.exec(text.trim());
  if (!match) return null;
  const sen = BigInt(match[1] ?? "0") * 100n + BigInt((match[2] ?? "").padEnd(2, "0") || "0");
  return sen <= MAX_SEN ? sen : null;
}

/** 125050n → "1250.50"; whole Rupiah print without decimals. */
export function rupiahString(sen: bigint): string {
  const whole = sen / 100n;
  const cents = sen % 100n;
  return cents === 0n ? whole.toString() : `${whole}.${cents.toString().padStart(2, "0")}`;
}

/** "12.5" → 12500n thousandths. */
export function parseQuantity(text: string): bigint | null {
  const match = QUANTITY_PATTERN.exec(text.trim());
  if (!match) return null;
  return BigInt(match[1] ?? "0") * 1000n + BigInt((match[2] ?? "").padEnd(3, "0") || "0");
}

export function quantityString(milli: bigint): string {
  const whole = milli / 1000n;
  const rest = milli % 1000n;
  return rest === 0n ? whole.toString() : `${whole}.${rest.toString().padStart(3, "0").replace(/0+$/, "")}`;
}

/** Quantity × unit price, rounded half up to whole sen. */
export function lineTotal(quantityMilli: bigint, unitPriceSen: bigint): bigint {
  return (quantityMilli * unitPriceSen + 500n) / 1000n;
}

/** Rp1.250.000,50 — Indonesian grouping, for messages. */
export function formatRupiah(sen: bigint): string {
  const whole = (sen / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const cents = sen % 100n;
  return cents === 0n ? `Rp${whole}` : `Rp${whole},${cents.toString().padStart(2, "0")}`;
}
