import type { HpsItemRow, PackageRow } from "../packages/packages.repository.js";
import type { Category, EvaluationMethod, Method } from "../packages/packages.schemas.js";
import type { TimeZoneCode } from "../settings/settings.schemas.js";
import type { StageKey, StageWindow } from "../tenders/schedule.rules.js";
import { formatLocal, STAGE_NAMES } from "../tenders/stages.js";
import {
  AWARD_CRITERIA,
  AWARD_PERIOD_STAGES,
  ENQUIRY_PERIOD_STAGE,
  PROCUREMENT_CATEGORIES,
  PROCUREMENT_METHODS,
  quantityNumber,
  rupiahAmount,
  STAGE_MILESTONE_TYPES,
  TENDER_PERIOD_STAGE,
} from "./ocds.mapping.js";
import type { OcdsAmendment, OcdsPeriod, OcdsRelease, OcdsValue, ReleaseTag } from "./ocds.types.js";

/** The published tender as it stands inside the transaction of the change. */
export interface TenderState {
  pkg: PackageRow & { tender_code: string };
  items: readonly HpsItemRow[];
  schedule: readonly StageWindow[];
  lpse: { name: string; timeZone: TimeZoneCode };
  /** Once the winner is named: pending; once the SPPBJ is issued: active; cancelled when the tender fails. */
  award?: { supplier: { id: string; name: string }; valueSen: bigint; date: string; status: "pending" | "active" | "cancelled" };
  /** Declared a failed tender (tender gagal). */
  failed?: boolean;
  /** The signed contract; instants already converted from the LPSE's local dates. */
  contract?: { number: string; valueSen: bigint; dateSigned: string; period: OcdsPeriod };
}

export interface ReleaseMeta {
  ocid: string;
  id: string;
  date: string;
  tag: ReleaseTag[];
  /** Every formal amendment so far, oldest first (each release is a full picture of the tender). */
  amendments: readonly OcdsAmendment[];
}

/** The procuring entity: the LPSE, whose Pokja Pemilihan or Pejabat Pengadaan runs the selection. */
export const LPSE_PARTY_ID = "lpse";

function idr(sen: number | bigint): OcdsValue {
  return { amount: rupiahAmount(BigInt(sen)), currency: "IDR" };
}

function periodOf(schedule: readonly StageWindow[], first: StageKey, last: StageKey = first): OcdsPeriod | undefined {
  const start = schedule.find((w) => w.stage === first);
  const end = schedule.find((w) => w.stage === last);
  return start && end ? { startDate: start.startsAt.toISOString(), endDate: end.endsAt.toISOString() } : undefined;
}

/**
 * An OCDS 1.1 release of a published tender (the mapping is in ocds.mapping.ts). The buyer is the
 * agency (OPD) whose budget pays; the procuring entity is the LPSE. Pure: same state, same release.
 */
export function buildRelease(state: TenderState, meta: ReleaseMeta): OcdsRelease {
  const { pkg, schedule, lpse } = state;
  const buyer = { id: `opd-${pkg.agency_id}`, name: pkg.agency_name };
  const procuringEntity = { id: LPSE_PARTY_ID, name: lpse.name };
  const method = PROCUREMENT_METHODS[pkg.method as Method];
  const award = AWARD_CRITERIA[pkg.evaluation_method as EvaluationMethod];
  const tenderPeriod = periodOf(schedule, TENDER_PERIOD_STAGE);
  const enquiryPeriod = periodOf(schedule, ENQUIRY_PERIOD_STAGE);
  const awardStart = schedule.find((w) => AWARD_PERIOD_STAGES.first.includes(w.stage));
  const awardPeriod = awardStart && periodOf(schedule, awardStart.stage, AWARD_PERIOD_STAGES.last);
  return {
    ocid: meta.ocid,
    id: meta.id,
    date: meta.date,
    tag: meta.tag,
    initiationType: "tender",
    language: "id",
    parties: [
      { ...buyer, roles: ["buyer"] },
      { ...procuringEntity, roles: ["procuringEntity"] },
      ...(state.award ? [{ ...supplierOf(state.award.supplier), roles: ["supplier"] }] : []),
    ],
    buyer,
    planning: {
      // The RUP code identifies the planned, budgeted procurement in SIRUP (the national plan register).
      budget: { id: pkg.rup_code, description: `${pkg.funding_source} Tahun Anggaran ${pkg.fiscal_year}`, amount: idr(pkg.pagu_sen) },
    },
    tender: {
      id: pkg.tender_code,
      title: pkg.name,
      status: state.failed ? "unsuccessful" : "active",
      procuringEntity,
      items: state.items.map((item) => ({
        id: String(item.position),
        description: item.description,
        quantity: quantityNumber(BigInt(item.quantity_milli)),
        // Only the HPS total is public: the per-item unit prices of the estimate are not published.
        unit: { name: item.unit },
      })),
      value: idr(pkg.hps_sen),
      procurementMethod: method.code,
      procurementMethodDetails: method.details,
      mainProcurementCategory: PROCUREMENT_CATEGORIES[pkg.category as Category],
      awardCriteria: award.code,
      awardCriteriaDetails: award.details,
      submissionMethod: ["electronicSubmission"],
      ...(pkg.qualification_requirements.trim() && { eligibilityCriteria: pkg.qualification_requirements }),
      ...(tenderPeriod && { tenderPeriod }),
      ...(enquiryPeriod && { enquiryPeriod }),
      ...(awardPeriod && { awardPeriod }),
      milestones: schedule.map((w) => ({
        id: w.stage,
        code: w.stage,
        title: STAGE_NAMES[w.stage].id,
        type: STAGE_MILESTONE_TYPES[w.stage],
        description: `${formatLocal(w.startsAt, lpse.timeZone, "id")} – ${formatLocal(w.endsAt, lpse.timeZone, "id")}`,
        dueDate: w.endsAt.toISOString(),
      })),
      ...(meta.amendments.length > 0 && { amendments: [...meta.amendments] }),
    },
    ...(state.award && {
      awards: [
        {
          id: `${pkg.tender_code}-1`,
          title: `Pemenang ${pkg.name}`,
          status: state.award.status,
          date: state.award.date,
          value: idr(state.award.valueSen),
          suppliers: [supplierOf(state.award.supplier)],
        },
      ],
    }),
    ...(state.contract && {
      contracts: [
        {
          id: `${pkg.tender_code}-kontrak-1`,
          awardID: `${pkg.tender_code}-1`,
          title: `Kontrak ${state.contract.number}`,
          status: "active",
          value: idr(state.contract.valueSen),
          dateSigned: state.contract.dateSigned,
          period: state.contract.period,
        },
      ],
    }),
  };
}

/** A vendor as an OCDS party: its own id in this LPSE, its registered name. */
function supplierOf(vendor: { id: string; name: string }) {
  return { id: `penyedia-${vendor.id}`, name: vendor.name };
}
