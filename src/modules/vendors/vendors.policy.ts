import type { Actor } from "../../server/actor.js";

/** A vendor's own users keep its data; nobody else edits it. */
export function canEditVendor(actor: Actor, vendorId: string): boolean {
  return actor.role === "vendor" && actor.vendorId === vendorId;
}

/** Verifikator decides on registrations (LKPP: verification against the original documents). */
export function canVerifyVendors(actor: Actor): boolean {
  return actor.role === "verifikator";
}

/** The vendor itself, the verifiers, and the LPSE's support and oversight roles. */
export function canViewVendor(actor: Actor, vendorId: string): boolean {
  if (actor.role === "vendor") return actor.vendorId === vendorId;
  return ["verifikator", "admin_ppe", "helpdesk", "auditor"].includes(actor.role);
}

/** The committees pick verified vendors, e.g. the one a Pejabat Pengadaan invites to a direct procurement. */
export function canListVerifiedVendors(actor: Actor): boolean {
  return actor.role === "pejabat_pengadaan" || actor.role === "pokja";
}
