import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { authorize } from "../../server/http.js";
import { canEditVendor, canViewVendor } from "./vendors.policy.js";
import { getVendorRow } from "./vendors.service.js";

/**
 * The vendor if the caller may see it. Vendor data is private: another vendor is told it does not exist
 * (404); a role that never sees vendor data gets 403.
 */
export async function loadVisibleVendor(db: Kysely<DB>, actor: Actor, vendorId: string) {
  authorize(actor.role === "vendor" || canViewVendor(actor, vendorId));
  if (!canViewVendor(actor, vendorId)) throw new AppError("NOT_FOUND", { id: "Penyedia tidak ditemukan", en: "Vendor not found" });
  return getVendorRow(db, vendorId);
}

/** The vendor if the caller may change its data (its own users only). */
export async function loadEditableVendor(db: Kysely<DB>, actor: Actor, vendorId: string) {
  const vendor = await loadVisibleVendor(db, actor, vendorId);
  authorize(canEditVendor(actor, vendorId));
  return vendor;
}
