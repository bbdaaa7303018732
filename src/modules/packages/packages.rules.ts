import type { FieldError } from "../../server/errors.js";
import type { ProcurementRules } from "../settings/settings.schemas.js";
import { formatRupiah, parseRupiah } from "./money.js";
import { WEIGHTED_EVALUATION_METHODS } from "./package-enums.js";
import type { Category, EvaluationMethod, Method } from "./packages.schemas.js";

/** Seleksi is the consultancy tender; Tender and Tender Cepat are for everything else (Perpres 16/2018). */
const METHODS_BY_KIND: Record<"consultancy" | "other", readonly Method[]> = {
  consultancy: ["seleksi", "pengadaan_langsung", "penunjukan_langsung"],
  other: ["tender", "tender_cepat", "pengadaan_langsung", "penunjukan_langsung"],
};

const EVALUATION_BY_KIND: Record<"consultancy" | "other", readonly EvaluationMethod[]> = {
  consultancy: ["kualitas_biaya", "kualitas", "pagu_anggaran", "biaya_terendah"],
  other: ["gugur_harga_terendah", "nilai", "umur_ekonomis"],
};

function kindOf(category: Category): "consultancy" | "other" {
  return category === "jasa_konsultansi" ? "consultancy" : "other";
}

/**
 * The package rules the regulation sets, checked together so the PPK sees every problem at once:
 * HPS ≤ pagu, method and evaluation method allowed for the category, the technical weight set exactly
 * for the weighted methods, the Pengadaan Langsung ceiling.
 */
export function packageRuleProblems(
  p: { category: Category; method: Method; evaluationMethod: EvaluationMethod; technicalWeight?: number | undefined; paguSen: bigint; hpsSen: bigint },
  rules: ProcurementRules,
): FieldError[] {
  const problems: FieldError[] = [];
  const kind = kindOf(p.category);
  if (p.hpsSen > p.paguSen) {
    problems.push({
      field: "body.hpsItems",
      message: { id: `HPS ${formatRupiah(p.hpsSen)} melebihi pagu ${formatRupiah(p.paguSen)}`, en: `The HPS ${formatRupiah(p.hpsSen)} exceeds the budget ceiling ${formatRupiah(p.paguSen)}` },
    });
  }
  if (!METHODS_BY_KIND[kind].includes(p.method)) {
    problems.push({
      field: "body.method",
      message: kind === "consultancy"
        ? { id: "jasa konsultansi memakai Seleksi, Pengadaan Langsung atau Penunjukan Langsung", en: "consultancy uses Seleksi, Pengadaan Langsung or Penunjukan Langsung" }
        : { id: "Seleksi hanya untuk jasa konsultansi", en: "Seleksi is for consultancy only" },
    });
  }
  if (!EVALUATION_BY_KIND[kind].includes(p.evaluationMethod)) {
    problems.push({
      field: "body.evaluationMethod",
      message: { id: `metode evaluasi untuk kategori ini: ${EVALUATION_BY_KIND[kind].join(", ")}`, en: `evaluation methods for this category: ${EVALUATION_BY_KIND[kind].join(", ")}` },
    });
  }
  const weighted = (WEIGHTED_EVALUATION_METHODS as readonly string[]).includes(p.evaluationMethod);
  if (weighted && p.technicalWeight === undefined) {
    problems.push({
      field: "body.technicalWeight",
      message: { id: "sistem nilai dan kualitas dan biaya memerlukan bobot teknis (1-99 %)", en: "sistem nilai and kualitas dan biaya need a technical weight (1-99 %)" },
    });
  }
  if (!weighted && p.technicalWeight !== undefined) {
    problems.push({
      field: "body.technicalWeight",
      message: { id: "bobot teknis hanya untuk sistem nilai dan kualitas dan biaya", en: "a technical weight is for sistem nilai and kualitas dan biaya only" },
    });
  }
  if (p.method === "pengadaan_langsung") {
    const limitText = kind === "consultancy" ? rules.directProcurementConsultancyLimit : rules.directProcurementLimit;
    const limit = parseRupiah(limitText) ?? 0n;
    if (p.hpsSen > limit) {
      problems.push({
        field: "body.method",
        message: { id: `Pengadaan Langsung hanya sampai ${formatRupiah(limit)}; HPS ${formatRupiah(p.hpsSen)}`, en: `Pengadaan Langsung is limited to ${formatRupiah(limit)}; the HPS is ${formatRupiah(p.hpsSen)}` },
      });
    }
  }
  return problems;
}
