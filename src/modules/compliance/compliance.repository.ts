import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type RegulationRow = DB["compliance_regulations"];
export type LicenceRow = DB["software_licences"];
export type InstallationRow = DB["software_licence_installations"];
export type InstallationWithAsset = InstallationRow & { asset_code: string; asset_name: string };

/** Registers are short lists; this bounds a page all the same. */
const MAX_ROWS = 1000;

// ---- regulations

export async function insertRegulation(db: Queryable, row: RegulationRow): Promise<void> {
  await db.insertInto("compliance_regulations").values(row).execute();
}

export function findRegulation(db: Queryable, id: string): Promise<RegulationRow | undefined> {
  return db.selectFrom("compliance_regulations").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Lock the regulation before replacing it (PostgreSQL; SQLite serialises writers anyway). */
export function lockRegulation(db: Queryable, id: string, dialect: "sqlite" | "postgres"): Promise<RegulationRow | undefined> {
  let q = db.selectFrom("compliance_regulations").selectAll().where("id", "=", id);
  if (dialect === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateRegulation(db: Queryable, id: string, changes: Partial<Omit<RegulationRow, "id">>): Promise<void> {
  await db.updateTable("compliance_regulations").set(changes).where("id", "=", id).execute();
}

/** Newest first by issue date. */
export function listRegulations(db: Queryable): Promise<RegulationRow[]> {
  return db.selectFrom("compliance_regulations").selectAll().orderBy("issued_on", "desc").orderBy("number").limit(MAX_ROWS).execute();
}

// ---- software licences

export async function insertLicence(db: Queryable, row: LicenceRow): Promise<void> {
  await db.insertInto("software_licences").values(row).execute();
}

export function findLicence(db: Queryable, id: string): Promise<LicenceRow | undefined> {
  return db.selectFrom("software_licences").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Lock the licence before changing it or its installations, so seat counts stay consistent. */
export function lockLicence(db: Queryable, id: string, dialect: "sqlite" | "postgres"): Promise<LicenceRow | undefined> {
  let q = db.selectFrom("software_licences").selectAll().where("id", "=", id);
  if (dialect === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateLicence(db: Queryable, id: string, changes: Partial<Omit<LicenceRow, "id">>): Promise<void> {
  await db.updateTable("software_licences").set(changes).where("id", "=", id).execute();
}

export function listLicences(db: Queryable): Promise<LicenceRow[]> {
  return db.selectFrom("software_licences").selectAll().orderBy("product").orderBy("id").limit(MAX_ROWS).execute();
}

// ---- installations

export async function insertInstallation(db: Queryable, row: InstallationRow): Promise<void> {
  await db.insertInto("software_licence_installations").values(row).execute();
}

export function findInstallation(db: Queryable, licenceId: string, id: string): Promise<InstallationRow | undefined> {
  return db.selectFrom("software_licence_installations").selectAll().where("licence_id", "=", licenceId).where("id", "=", id).executeTakeFirst();
}

export function findInstallationOnAsset(db: Queryable, licenceId: string, assetId: string): Promise<InstallationRow | undefined> {
  return db.selectFrom("software_licence_installations").selectAll().where("licence_id", "=", licenceId).where("asset_id", "=", assetId).executeTakeFirst();
}

export async function deleteInstallation(db: Queryable, id: string): Promise<void> {
  await db.deleteFrom("software_licence_installations").where("id", "=", id).execute();
}

/** The installations of the given licences, with their assets' codes and names, by asset code. */
export function listInstallations(db: Queryable, licenceIds: string[]): Promise<InstallationWithAsset[]> {
  if (licenceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("software_licence_installations as i")
    .innerJoin("register_assets as a", "a.id", "i.asset_id")
    .selectAll("i")
    .select(["a.code as asset_code", "a.name as asset_name"])
    .where("i.licence_id", "in", licenceIds)
    .orderBy("a.code")
    .execute();
}

/** The licences installed on an asset (an asset carrying a licence is not deleted). */
export function licencesOnAsset(db: Queryable, assetId: string): Promise<{ product: string }[]> {
  return db
    .selectFrom("software_licence_installations as i")
    .innerJoin("software_licences as l", "l.id", "i.licence_id")
    .select("l.product")
    .where("i.asset_id", "=", assetId)
    .orderBy("l.product")
    .execute();
}
