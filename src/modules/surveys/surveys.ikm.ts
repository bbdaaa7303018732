/**
 * The Indeks Kepuasan Masyarakat (IKM) of PermenPAN-RB No. 14 Tahun 2017 (Pedoman Penyusunan Survei Kepuasan
 * Masyarakat): each unsur is answered on a 1–4 scale; its mean is the NRR; the IKM is the mean of the NRRs
 * (equal weights) times 25, so it runs from 25 to 100, and falls in a service-quality category.
 */

/** The nine unsur of the regulation, in its order. */
export const UNSUR = ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "sarana", "pengaduan"] as const;
export type Unsur = (typeof UNSUR)[number];

export const SCORE_MIN = 1;
export const SCORE_MAX = 4;
/** The conversion factor of the regulation: a mean of 1–4 becomes 25–100. */
export const IKM_FACTOR = 25;

/**
 * Lower bounds of the categories (PermenPAN-RB 14/2017, lampiran: nilai interval konversi): A (sangat baik)
 * 88.31–100, B (baik) 76.61–88.30, C (kurang baik) 65.00–76.60, D (tidak baik) 25.00–64.99.
 */
export const IKM_CATEGORY_MIN = { A: 88.31, B: 76.61, C: 65.0 } as const;
export type IkmCategory = "A" | "B" | "C" | "D";

/** Two decimals, as the regulation reports its figures. */
const round2 = (n: number) => Math.round(n * 100) / 100;

export function ikmCategory(ikm: number): IkmCategory {
  if (ikm >= IKM_CATEGORY_MIN.A) return "A";
  if (ikm >= IKM_CATEGORY_MIN.B) return "B";
  if (ikm >= IKM_CATEGORY_MIN.C) return "C";
  return "D";
}

export interface IkmResult {
  /** The mean score (NRR) per question, or null when nobody answered. */
  averages: (number | null)[];
  ikm: number | null;
  category: IkmCategory | null;
}

/** NRR per question and the IKM from the answers (each an array of scores in question order). */
export function computeIkm(questionCount: number, answers: readonly (readonly number[])[]): IkmResult {
  if (answers.length === 0) return { averages: Array.from({ length: questionCount }, () => null), ikm: null, category: null };
  const sums = Array.from({ length: questionCount }, (_, i) => answers.reduce((sum, a) => sum + (a[i] ?? 0), 0));
  const means = sums.map((sum) => sum / answers.length);
  const ikm = round2((means.reduce((a, b) => a + b, 0) / questionCount) * IKM_FACTOR);
  return { averages: means.map(round2), ikm, category: ikmCategory(ikm) };
}
