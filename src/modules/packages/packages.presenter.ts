import type { findAssignment } from "./assignment.repository.js";
import { quantityString, rupiahString } from "./money.js";
import type { HpsItemRow, PackageRow } from "./packages.repository.js";
import type { PackageView } from "./packages.schemas.js";

export function presentHpsItem(row: HpsItemRow) {
  return {
    position: row.position,
    description: row.description,
    unit: row.unit,
    quantity: quantityString(BigInt(row.quantity_milli)),
    unitPrice: rupiahString(BigInt(row.unit_price_sen)),
    total: rupiahString(BigInt(row.total_sen)),
  };
}

type Assignment = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;

export function presentAssignment(a: Assignment) {
  return { kind: a.kind, decreeNumber: a.decree_number, assignedAt: a.assigned_at, members: a.members.map((m) => ({ id: m.id, name: m.name })) };
}

export function presentPackageSummary(row: PackageRow): Omit<PackageView, "hpsItems" | "qualificationRequirements" | "assignment"> {
  return {
    id: row.id,
    rupCode: row.rup_code,
    name: row.name,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    workUnitId: row.work_unit_id,
    workUnitName: row.work_unit_name,
    ppkId: row.ppk_id,
    fiscalYear: row.fiscal_year,
    fundingSource: row.funding_source,
    pagu: rupiahString(BigInt(row.pagu_sen)),
    hps: rupiahString(BigInt(row.hps_sen)),
    category: row.category as PackageView["category"],
    method: row.method as PackageView["method"],
    evaluationMethod: row.evaluation_method as PackageView["evaluationMethod"],
    technicalWeight: row.technical_weight,
    qualification: row.qualification as PackageView["qualification"],
    contractType: row.contract_type as PackageView["contractType"],
    kbliCodes: JSON.parse(row.kbli_codes) as string[],
    status: row.status,
    tenderCode: row.tender_code,
    retenderOf: row.retender_of ? { packageId: row.retender_of, tenderCode: row.retender_of_code } : null,
    publishedAt: row.published_at,
    hpsSetAt: row.hps_set_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentPackage(row: PackageRow, items: HpsItemRow[], assignment: Assignment | undefined): PackageView {
  return {
    ...presentPackageSummary(row),
    qualificationRequirements: row.qualification_requirements,
    hpsItems: items.map(presentHpsItem),
    assignment: assignment ? presentAssignment(assignment) : null,
  };
}
