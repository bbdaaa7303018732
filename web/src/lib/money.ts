/**
 * Exact Rupiah in the browser: the server's own BigInt arithmetic (integer sen, quantities in
 * thousandths), so the totals shown while typing are the totals the server will store.
 */
import { formatRupiah as formatSen, lineTotal, MAX_SEN, parseQuantity, parseRupiah, quantityString, rupiahString } from "../../../src/modules/packages/money.js";

export { formatSen, lineTotal, MAX_SEN, parseQuantity, parseRupiah, quantityString, rupiahString };

/** An API amount ("1250000.50") as Indonesians write it ("Rp1.250.000,50"); the text itself if it is not an amount. */
export function rupiah(amount: string): string {
  const sen = parseRupiah(amount);
  return sen === null ? amount : formatSen(sen);
}

/** What the user typed ("1250000,50", " 1500000 ") as the API's canonical amount, or the trimmed text when it is not one. */
export function normalizeRupiah(text: string): string {
  const sen = parseRupiah(text);
  return sen === null ? text.trim() : rupiahString(sen);
}

/** The total of one HPS line in sen, or null while quantity or price is not a valid number. */
export function lineTotalSen(quantity: string, unitPrice: string): bigint | null {
  const q = parseQuantity(quantity);
  const p = parseRupiah(unitPrice);
  return q === null || p === null ? null : lineTotal(q, p);
}

/** A typed quantity ("12,5") as the API's canonical one ("12.5"), or the trimmed text when it is not one. */
export function normalizeQuantity(text: string): string {
  const milli = parseQuantity(text);
  return milli === null ? text.trim() : quantityString(milli);
}

/** A quantity from the API ("9800", "12.5") for display, with the language's grouping and decimal mark. */
export function formatQuantity(text: string, language: "id" | "en"): string {
  const milli = parseQuantity(text);
  if (milli === null) return text;
  const whole = (milli / 1000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, language === "id" ? "." : ",");
  const rest = (milli % 1000n).toString().padStart(3, "0").replace(/0+$/, "");
  return rest === "" ? whole : `${whole}${language === "id" ? "," : "."}${rest}`;
}
