/*
 * Amounts in words, as Indonesian documents write them beside the figures ("terbilang"): berita acara,
 * SPPBJ and contracts. Exact for any whole number of sen.
 */

const UNITS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];
/** Groups of three digits, from the smallest. */
const SCALES = ["", "ribu", "juta", "miliar", "triliun", "kuadriliun", "kuintiliun"];

/** 1 to 999 in words. */
function hundreds(n: number): string {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 1) words.push("seratus");
  else if (h > 1) words.push(`${UNITS[h]} ratus`);
  if (rest >= 20) {
    words.push(`${UNITS[Math.floor(rest / 10)]} puluh`);
    if (rest % 10 > 0) words.push(UNITS[rest % 10] as string);
  } else if (rest >= 12) {
    words.push(`${UNITS[rest - 10]} belas`);
  } else if (rest === 11) {
    words.push("sebelas");
  } else if (rest === 10) {
    words.push("sepuluh");
  } else if (rest > 0) {
    words.push(UNITS[rest] as string);
  }
  return words.join(" ");
}

/** A whole number in words: 0 → "nol", 1000 → "seribu", 2_500_000 → "dua juta lima ratus ribu". */
export function numberInWords(value: bigint): string {
  if (value < 0n) return `minus ${numberInWords(-value)}`;
  if (value === 0n) return "nol";
  const groups: number[] = [];
  for (let rest = value; rest > 0n; rest /= 1000n) groups.push(Number(rest % 1000n));
  if (groups.length > SCALES.length) throw new RangeError("amount too large to write in words");
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] as number;
    if (group === 0) continue;
    // "seribu", never "satu ribu"; but "satu juta", "satu miliar".
    if (i === 1 && group === 1) words.push("seribu");
    else words.push(i === 0 ? hundreds(group) : `${hundreds(group)} ${SCALES[i]}`);
  }
  return words.join(" ");
}

/** An amount of sen in words with its currency, capitalised as it stands in brackets after the figure. */
export function rupiahInWords(sen: bigint): string {
  const rupiah = sen / 100n;
  const rest = sen % 100n;
  const text = `${numberInWords(rupiah)} rupiah${rest > 0n ? ` ${numberInWords(rest)} sen` : ""}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
