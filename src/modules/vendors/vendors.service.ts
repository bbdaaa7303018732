import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError, type FieldError } from "../../server/errors.js";
import * as repo from "./vendors.repository.js";
import type { LicenceInput, VendorProfileInput } from "./vendors.schemas.js";

const vendorNotFound = () => new AppError("NOT_FOUND", { id: "Penyedia tidak ditemukan", en: "Vendor not found" });

export async function getVendorRow(db: Kysely<DB>, id: string) {
  const vendor = await repo.findVendor(db, id);
  if (!vendor) throw vendorNotFound();
  return vendor;
}

/** The profile columns as stored, for diffing and writing. */
function profileColumns(input: VendorProfileInput) {
  return {
    name: input.name,
    business_form: input.businessForm,
    npwp: input.npwp,
    nib: input.nib,
    pkp: input.pkp ? 1 : 0,
    address_street: input.address.street,
    address_city: input.address.city,
    address_province: input.address.province,
    postal_code: input.address.postalCode,
    phone: input.phone,
    contact_email: input.contactEmail.toLowerCase(),
    website: input.website,
  };
}

/**
 * Save the company profile. Every changed field is logged with its old and new value, so changes to
 * verified data are visible to the Verifikator (GET /vendors/:id/changes).
 */
export async function updateProfile(db: Kysely<DB>, actor: Actor, vendorId: string, input: VendorProfileInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findVendor(trx, vendorId);
    if (!before) throw vendorNotFound();
    assertEditable(before);
    const next = profileColumns(input);
    if (next.npwp !== before.npwp) {
      const other = await repo.unsafeFindVendorByNpwp(trx, next.npwp);
      if (other && other.id !== vendorId) {
        throw new AppError("CONFLICT", { id: "NPWP ini sudah dipakai penyedia lain", en: "This NPWP belongs to another vendor" }, [
          { field: "body.npwp", message: { id: "sudah terdaftar", en: "is already registered" } },
        ]);
      }
    }
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [key, value] of Object.entries(next)) {
      const old = before[key as keyof typeof before];
      if (old !== value) changes[key] = { before: old, after: value };
    }
    if (Object.keys(changes).length === 0) return before;
    await repo.updateVendor(trx, vendorId, { ...next, updated_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "vendor.profile_updated", subject: { type: "vendor", id: vendorId }, payload: { changes, statusAtChange: before.status } }, now);
    const after = await repo.findVendor(trx, vendorId);
    if (!after) throw vendorNotFound();
    return after;
  });
}

/** While the Verifikator checks a submission, its data stays as submitted. */
function assertEditable(vendor: repo.VendorRow): void {
  if (vendor.status === "submitted") {
    throw new AppError("CONFLICT", {
      id: "Data sedang diverifikasi dan tidak dapat diubah sampai ada keputusan",
      en: "The data is being verified and cannot change until there is a decision",
    });
  }
}

/** The vendor, if its data may change now (not while a verification is pending). */
export async function editableVendor(trx: Parameters<typeof repo.findVendor>[0], vendorId: string) {
  const vendor = await repo.findVendor(trx, vendorId);
  if (!vendor) throw vendorNotFound();
  assertEditable(vendor);
  return vendor;
}

export async function addLicence(db: Kysely<DB>, actor: Actor, vendorId: string, input: LicenceInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    await editableVendor(trx, vendorId);
    const row = {
      id: randomUUID(),
      vendor_id: vendorId,
      kind: input.kind,
      number: input.number,
      issuer: input.issuer,
      kbli_codes: JSON.stringify([...new Set(input.kbliCodes)]),
      valid_from: input.validFrom,
      valid_until: input.validUntil,
      created_at: now.toISOString(),
    };
    await repo.insertLicence(trx, row);
    await appendEvent(trx, { actorId: actor.id, type: "vendor.licence_added", subject: { type: "vendor", id: vendorId }, payload: { licenceId: row.id, ...input } }, now);
    return row;
  });
}

export async function removeLicence(db: Kysely<DB>, actor: Actor, vendorId: string, licenceId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await editableVendor(trx, vendorId);
    const licence = await repo.findLicence(trx, vendorId, licenceId);
    if (!licence) throw new AppError("NOT_FOUND", { id: "Izin usaha tidak ditemukan", en: "Licence not found" });
    await repo.deleteLicence(trx, vendorId, licenceId);
    await appendEvent(trx, { actorId: actor.id, type: "vendor.licence_removed", subject: { type: "vendor", id: vendorId }, payload: { licenceId, kind: licence.kind, number: licence.number } }, now);
  });
}

/** What must be filled before the Verifikator can check the vendor against its original documents. */
function missingForVerification(vendor: repo.VendorRow, licences: number): FieldError[] {
  const missing: FieldError[] = [];
  const required = {
    nib: { id: "NIB", en: "NIB" },
    address_street: { id: "alamat", en: "address" },
    phone: { id: "telepon", en: "phone" },
    contact_email: { id: "email kontak", en: "contact email" },
  } as const;
  for (const [column, label] of Object.entries(required)) {
    if (vendor[column as keyof typeof required] === null) missing.push({ field: `vendor.${column}`, message: { id: `${label.id} belum diisi`, en: `${label.en} is missing` } });
  }
  if (licences === 0) missing.push({ field: "vendor.licences", message: { id: "minimal satu izin usaha", en: "at least one business licence" } });
  return missing;
}

/** Send the profile to the Verifikator's queue (first time, or again after a rejection). */
export async function submitForVerification(db: Kysely<DB>, actor: Actor, vendorId: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const vendor = await repo.findVendor(trx, vendorId);
    if (!vendor) throw vendorNotFound();
    if (vendor.status === "submitted" || vendor.status === "verified") {
      const state = vendor.status === "submitted" ? { id: "sudah menunggu verifikasi", en: "is already waiting for verification" } : { id: "sudah terverifikasi", en: "is already verified" };
      throw new AppError("CONFLICT", { id: `Penyedia ${state.id}`, en: `The vendor ${state.en}` });
    }
    const missing = missingForVerification(vendor, (await repo.listLicences(trx, vendorId)).length);
    if (missing.length > 0) {
      throw new AppError(
        "VALIDATION_FAILED",
        { id: `Lengkapi data dulu: ${missing.map((m) => m.message.id).join("; ")}`, en: `Complete the profile first: ${missing.map((m) => m.message.en).join("; ")}` },
        missing,
      );
    }
    await repo.updateVendor(trx, vendorId, { status: "submitted", submitted_at: now.toISOString(), updated_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "vendor.submitted", subject: { type: "vendor", id: vendorId }, payload: {} }, now);
    return (await repo.findVendor(trx, vendorId)) ?? vendor;
  });
}

/** Tender participation (next slice) calls this: only verified vendors take part. */
export function assertVerified(vendor: repo.VendorRow): void {
  if (vendor.status !== "verified") {
    throw new AppError("FORBIDDEN", {
      id: "Penyedia belum terverifikasi: selesaikan verifikasi di LPSE sebelum mengikuti tender",
      en: "The vendor is not verified yet: complete verification at the LPSE before joining a tender",
    });
  }
}
