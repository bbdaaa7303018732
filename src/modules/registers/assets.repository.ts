import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type AssetRow = DB["register_assets"];
export type AssetWithRisks = AssetRow & { risk_count: number | string | bigint };

function assetsWithRiskCount(db: Queryable) {
  return db
    .selectFrom("register_assets as a")
    .selectAll("a")
    .select((eb) => eb.selectFrom("register_risks as r").whereRef("r.asset_id", "=", "a.id").select((e) => e.fn.countAll().as("n")).as("risk_count"));
}

export async function insertAsset(db: Queryable, row: AssetRow): Promise<void> {
  await db.insertInto("register_assets").values(row).execute();
}

export async function findAsset(db: Queryable, id: string): Promise<AssetWithRisks | undefined> {
  return (await assetsWithRiskCount(db).where("a.id", "=", id).executeTakeFirst()) as AssetWithRisks | undefined;
}

export function findAssetByCode(db: Queryable, code: string): Promise<AssetRow | undefined> {
  return db.selectFrom("register_assets").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function updateAsset(db: Queryable, id: string, changes: Partial<Omit<AssetRow, "id">>): Promise<void> {
  await db.updateTable("register_assets").set(changes).where("id", "=", id).execute();
}

export async function deleteAsset(db: Queryable, id: string): Promise<void> {
  await db.deleteFrom("register_assets").where("id", "=", id).execute();
}

/** The register by code. */
export async function listAssets(db: Queryable): Promise<AssetWithRisks[]> {
  return (await assetsWithRiskCount(db).orderBy("a.code").limit(1000).execute()) as AssetWithRisks[];
}
