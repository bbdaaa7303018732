import { useTranslation } from "react-i18next";
import { STAGE_KEYS } from "../../../../src/modules/settings/stage-keys.js";
import {
  CATEGORIES,
  COMMITTEE_KINDS,
  CONTRACT_TYPES,
  EVALUATION_METHODS,
  FUNDING_SOURCES,
  isOneOf,
  METHODS,
  PACKAGE_DOCUMENT_KINDS,
  QUALIFICATIONS,
  SCHEDULE_CHANGE_REASONS,
} from "./packages.api";

export { STAGE_KEYS };
export type StageKey = (typeof STAGE_KEYS)[number];

/**
 * Names for the procurement codes the API sends (`pekerjaan_konstruksi`, `penjelasan`, …) in the current
 * language. A code this app does not know yet is shown as it is, rather than not at all.
 */
export function useProcurementLabels() {
  const { t } = useTranslation();
  return {
    category: (v: string) => (isOneOf(CATEGORIES, v) ? t(`procurement.categories.${v}`) : v),
    method: (v: string) => (isOneOf(METHODS, v) ? t(`procurement.methods.${v}`) : v),
    evaluationMethod: (v: string) => (isOneOf(EVALUATION_METHODS, v) ? t(`procurement.evaluationMethods.${v}`) : v),
    qualification: (v: string) => (isOneOf(QUALIFICATIONS, v) ? t(`procurement.qualifications.${v}`) : v),
    contractType: (v: string) => (isOneOf(CONTRACT_TYPES, v) ? t(`procurement.contractTypes.${v}`) : v),
    fundingSource: (v: string) => (isOneOf(FUNDING_SOURCES, v) ? t(`procurement.fundingSources.${v}`) : v),
    committeeKind: (v: string) => (isOneOf(COMMITTEE_KINDS, v) ? t(`procurement.committeeKinds.${v}`) : v),
    documentKind: (v: string) => (isOneOf(PACKAGE_DOCUMENT_KINDS, v) ? t(`procurement.documentKinds.${v}`) : v),
    reason: (v: string) => (isOneOf([...SCHEDULE_CHANGE_REASONS, "initial"] as const, v) ? t(`procurement.reasons.${v}`) : v),
    /** A stage key, or the server's "belum_dimulai" / "selesai" for a tender before or after its schedule. */
    stage: (v: string) => {
      if (isOneOf(STAGE_KEYS, v)) return t(`stages.${v}`);
      if (v === "belum_dimulai" || v === "selesai") return t(`procurement.stageStates.${v}`);
      return v;
    },
  };
}
export type ProcurementLabels = ReturnType<typeof useProcurementLabels>;
