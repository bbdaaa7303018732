import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

/** A package with its agency's and work unit's names, and the tender code of the failed tender it re-tenders. */
export type PackageRow = DB["packages"] & { agency_name: string; work_unit_name: string; retender_of_code: string | null };
export type HpsItemRow = DB["package_hps_items"];

function withNames(db: Queryable) {
  return db
    .selectFrom("packages")
    .innerJoin("agencies", "agencies.id", "packages.agency_id")
    .innerJoin("work_units", "work_units.id", "packages.work_unit_id")
    .leftJoin("packages as origin", "origin.id", "packages.retender_of")
    .selectAll("packages")
    .select(["agencies.name as agency_name", "work_units.name as work_unit_name", "origin.tender_code as retender_of_code"]);
}

export function findPackage(db: Queryable, id: string): Promise<PackageRow | undefined> {
  return withNames(db).where("packages.id", "=", id).executeTakeFirst();
}

export interface PackageScope {
  /** Only this agency's packages (PPK, Admin Agency, PA/KPA); undefined for LPSE-wide roles. */
  agencyId?: string | undefined;
  /** Only packages this user sits on the committee of (Pokja, Pejabat Pengadaan). */
  committeeMemberId?: string | undefined;
  fiscalYear?: number | undefined;
}

export function listPackages(db: Queryable, scope: PackageScope): Promise<PackageRow[]> {
  let q = withNames(db);
  if (scope.agencyId) q = q.where("packages.agency_id", "=", scope.agencyId);
  const memberId = scope.committeeMemberId;
  if (memberId) {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom("package_committee_members").select("user_id").whereRef("package_committee_members.package_id", "=", "packages.id").where("package_committee_members.user_id", "=", memberId)),
    );
  }
  if (scope.fiscalYear) q = q.where("packages.fiscal_year", "=", scope.fiscalYear);
  return q.orderBy("packages.created_at", "desc").limit(500).execute();
}

export async function insertPackage(db: Queryable, row: DB["packages"]): Promise<void> {
  await db.insertInto("packages").values(row).execute();
}

export async function updatePackage(db: Queryable, id: string, changes: Partial<Omit<DB["packages"], "id">>): Promise<void> {
  await db.updateTable("packages").set(changes).where("id", "=", id).execute();
}

export function listHpsItems(db: Queryable, packageId: string): Promise<HpsItemRow[]> {
  return db.selectFrom("package_hps_items").selectAll().where("package_id", "=", packageId).orderBy("position").execute();
}

/** Replace the HPS breakdown as a whole: items are edited together, as one estimate. */
export async function replaceHpsItems(db: Queryable, packageId: string, items: HpsItemRow[]): Promise<void> {
  await db.deleteFrom("package_hps_items").where("package_id", "=", packageId).execute();
  if (items.length > 0) await db.insertInto("package_hps_items").values(items).execute();
}

export function findWorkUnitOfAgency(db: Queryable, agencyId: string, workUnitId: string) {
  return db.selectFrom("work_units").select("id").where("id", "=", workUnitId).where("agency_id", "=", agencyId).executeTakeFirst();
}
