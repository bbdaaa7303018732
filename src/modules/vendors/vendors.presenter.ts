import { formatNpwp } from "./identifiers.js";
import type { LicenceRow, VendorRow } from "./vendors.repository.js";
import type { BUSINESS_FORMS, LICENCE_KINDS, VendorStatus, VendorView } from "./vendors.schemas.js";

export function presentLicence(row: LicenceRow, today: string) {
  return {
    id: row.id,
    kind: row.kind as (typeof LICENCE_KINDS)[number],
    number: row.number,
    issuer: row.issuer,
    kbliCodes: JSON.parse(row.kbli_codes) as string[],
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    expired: row.valid_until !== null && row.valid_until < today,
  };
}

export function presentVendor(row: VendorRow, licences: LicenceRow[], today: string): VendorView {
  const hasAddress = row.address_street !== null && row.address_city !== null && row.address_province !== null && row.postal_code !== null;
  return {
    id: row.id,
    name: row.name,
    businessForm: row.business_form as (typeof BUSINESS_FORMS)[number],
    npwp: row.npwp,
    npwpFormatted: formatNpwp(row.npwp),
    nib: row.nib,
    pkp: row.pkp === null ? null : row.pkp === 1,
    address: hasAddress ? { street: row.address_street ?? "", city: row.address_city ?? "", province: row.address_province ?? "", postalCode: row.postal_code ?? "" } : null,
    phone: row.phone,
    contactEmail: row.contact_email,
    website: row.website,
    status: row.status as VendorStatus,
    submittedAt: row.submitted_at,
    verifiedAt: row.verified_at,
    rejectionReason: row.rejection_reason,
    licences: licences.map((l) => presentLicence(l, today)),
  };
}
