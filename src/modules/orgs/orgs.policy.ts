import type { Actor } from "../../server/actor.js";

/** Agencies (OPD) are run by the LPSE administrator. */
export function canManageAgencies(actor: Actor): boolean {
  return actor.role === "admin_ppe";
}

/** The agency list is public knowledge inside the LPSE; vendors see it through public pages instead. */
export function canViewAgencies(actor: Actor): boolean {
  return actor.role !== "vendor";
}

/** Work units (satker) of an agency: the LPSE administrator, or that agency's own administrator. */
export function canManageWorkUnits(actor: Actor, agencyId: string): boolean {
  return actor.role === "admin_ppe" || (actor.role === "admin_agency" && actor.agencyId === agencyId);
}
