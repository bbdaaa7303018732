import type { Actor } from "../../server/actor.js";

/** The PPK makes packages for its own agency (Perpres 16/2018: the PPK sets the HPS and specifications). */
export function canCreatePackage(actor: Actor): boolean {
  return actor.role === "ppk" && actor.agencyId !== null;
}

/** Only the PPK who made it edits a package, while it is a draft. */
export function canEditPackage(actor: Actor, pkg: { ppkId: string; status: string }): boolean {
  return actor.role === "ppk" && actor.id === pkg.ppkId && pkg.status === "draft";
}

const AGENCY_READERS = new Set(["ppk", "pa_kpa", "admin_agency"]);
const LPSE_READERS = new Set(["admin_ppe", "auditor"]);

/** Roles that see packages at all (before publication, packages are internal to the agency). */
export function canListPackages(actor: Actor): boolean {
  return AGENCY_READERS.has(actor.role) || LPSE_READERS.has(actor.role);
}

/** Draft packages are seen by their agency's officials and by the LPSE's administrator and auditors. */
export function canViewPackage(actor: Actor, pkg: { agencyId: string }): boolean {
  if (LPSE_READERS.has(actor.role)) return true;
  return AGENCY_READERS.has(actor.role) && actor.agencyId === pkg.agencyId;
}

/** The agency filter a caller's package list is held to; undefined means the whole LPSE. */
export function packageScopeOf(actor: Actor): string | undefined {
  return LPSE_READERS.has(actor.role) ? undefined : (actor.agencyId ?? "none");
}
