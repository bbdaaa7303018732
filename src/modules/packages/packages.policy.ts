import type { Actor } from "../../server/actor.js";
import type { PackageScope } from "./packages.repository.js";

/** The PPK makes packages for its own agency (Perpres 16/2018: the PPK sets the HPS and specifications). */
export function canCreatePackage(actor: Actor): boolean {
  return actor.role === "ppk" && actor.agencyId !== null;
}

/** Only the PPK who made it edits a package, while it is a draft. */
export function canEditPackage(actor: Actor, pkg: { ppkId: string; status: string }): boolean {
  return actor.role === "ppk" && actor.id === pkg.ppkId && pkg.status === "draft";
}

/** The agency's administrator assigns the Pokja or the Pejabat Pengadaan to its packages. */
export function canAssignCommittee(actor: Actor, pkg: { agencyId: string }): boolean {
  return actor.role === "admin_agency" && actor.agencyId === pkg.agencyId;
}

const AGENCY_READERS = new Set(["ppk", "pa_kpa", "admin_agency"]);
const COMMITTEE_ROLES = new Set(["pokja", "pejabat_pengadaan"]);
const LPSE_READERS = new Set(["admin_ppe", "auditor"]);

/** Roles that see packages at all (before publication, packages are internal). */
export function canListPackages(actor: Actor): boolean {
  return AGENCY_READERS.has(actor.role) || COMMITTEE_ROLES.has(actor.role) || LPSE_READERS.has(actor.role);
}

/**
 * Draft packages are seen by their agency's officials, by the committee assigned to them, and by the
 * LPSE's administrator and auditors.
 */
export function canViewPackage(actor: Actor, pkg: { agencyId: string; isCommitteeMember: boolean }): boolean {
  if (LPSE_READERS.has(actor.role)) return true;
  if (COMMITTEE_ROLES.has(actor.role)) return pkg.isCommitteeMember;
  return AGENCY_READERS.has(actor.role) && actor.agencyId === pkg.agencyId;
}

/** What a caller's package list is held to. */
export function packageScopeOf(actor: Actor): PackageScope {
  if (LPSE_READERS.has(actor.role)) return {};
  if (COMMITTEE_ROLES.has(actor.role)) return { committeeMemberId: actor.id };
  return { agencyId: actor.agencyId ?? "none" };
}
