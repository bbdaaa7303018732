import { rupiahString } from "../packages/money.js";
import { expiryOf } from "../registers/registers.rules.js";
import type * as repo from "./compliance.repository.js";
import type { Licence, Regulation } from "./compliance.schemas.js";

/**
 * A regulation with its alerts on `today`: the expiry state counts only while it is in force (a revoked or
 * replaced regulation no longer needs watching), and its review is due once the review date has come.
 */
export function presentRegulation(r: repo.RegulationRow, today: string, alertDays: number): Regulation {
  const inForce = r.status === "in_force";
  return {
    id: r.id,
    title: r.title,
    number: r.number,
    kind: r.kind as Regulation["kind"],
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
    reviewOn: r.review_on,
    status: r.status as Regulation["status"],
    replacedBy: r.replaced_by,
    link: r.link,
    notes: r.notes,
    expiry: inForce ? expiryOf(r.valid_until, today, alertDays) : { state: "none", daysLeft: null },
    reviewDue: inForce && r.review_on !== null && r.review_on <= today,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Whether a regulation needs attention: expiring, expired or due for review. */
export function regulationAlert(r: Regulation): boolean {
  return r.expiry.state === "expiring" || r.expiry.state === "expired" || r.reviewDue;
}

/** Seats used are the installations; a licence is over-used when it has more installations than seats owned. */
export function seatUse(seats: number | null, installations: number): { seatsUsed: number; overUse: boolean } {
  return { seatsUsed: installations, overUse: seats !== null && installations > seats };
}

export function presentLicence(l: repo.LicenceRow, installations: repo.InstallationWithAsset[], today: string, alertDays: number): Licence {
  const own = installations.filter((i) => i.licence_id === l.id);
  return {
    id: l.id,
    product: l.product,
    vendor: l.vendor,
    licenceType: l.licence_type as Licence["licenceType"],
    seats: l.seats === null ? null : Number(l.seats),
    ...seatUse(l.seats === null ? null : Number(l.seats), own.length),
    validUntil: l.valid_until,
    expiry: expiryOf(l.valid_until, today, alertDays),
    cost: l.cost_sen === null ? null : rupiahString(BigInt(l.cost_sen)),
    notes: l.notes,
    installations: own.map((i) => ({ id: i.id, asset: { id: i.asset_id, code: i.asset_code, name: i.asset_name }, installedOn: i.installed_on, notes: i.notes })),
    createdAt: l.created_at,
    updatedAt: l.updated_at,
  };
}
