import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type RiskRow = DB["register_risks"];
export type TaskRow = DB["register_risk_tasks"];
export type RiskWithAsset = RiskRow & { asset_code: string; asset_name: string; open_tasks: number | string | bigint };

function risksWithAsset(db: Queryable) {
  return db
    .selectFrom("register_risks as r")
    .innerJoin("register_assets as a", "a.id", "r.asset_id")
    .selectAll("r")
    .select(["a.code as asset_code", "a.name as asset_name"])
    .select((eb) =>
      eb.selectFrom("register_risk_tasks as t").whereRef("t.risk_id", "=", "r.id").where("t.status", "!=", "done").select((e) => e.fn.countAll().as("n")).as("open_tasks"),
    );
}

export async function insertRisk(db: Queryable, row: RiskRow): Promise<void> {
  await db.insertInto("register_risks").values(row).execute();
}

export async function findRisk(db: Queryable, id: string): Promise<RiskWithAsset | undefined> {
  return (await risksWithAsset(db).where("r.id", "=", id).executeTakeFirst()) as RiskWithAsset | undefined;
}

export async function updateRisk(db: Queryable, id: string, changes: Partial<Omit<RiskRow, "id">>): Promise<void> {
  await db.updateTable("register_risks").set(changes).where("id", "=", id).execute();
}

/** Highest score first. */
export async function listRisks(db: Queryable, f: { assetId?: string | undefined }): Promise<RiskWithAsset[]> {
  let q = risksWithAsset(db);
  if (f.assetId) q = q.where("r.asset_id", "=", f.assetId);
  return (await q.orderBy("r.score", "desc").orderBy("r.created_at").orderBy("r.id").limit(1000).execute()) as RiskWithAsset[];
}

export async function insertTask(db: Queryable, row: TaskRow): Promise<void> {
  await db.insertInto("register_risk_tasks").values(row).execute();
}

export function findTask(db: Queryable, riskId: string, taskId: string): Promise<TaskRow | undefined> {
  return db.selectFrom("register_risk_tasks").selectAll().where("risk_id", "=", riskId).where("id", "=", taskId).executeTakeFirst();
}

export async function updateTask(db: Queryable, id: string, changes: Partial<Omit<TaskRow, "id" | "risk_id">>): Promise<void> {
  await db.updateTable("register_risk_tasks").set(changes).where("id", "=", id).execute();
}

export function listTasks(db: Queryable, riskId: string): Promise<TaskRow[]> {
  return db.selectFrom("register_risk_tasks").selectAll().where("risk_id", "=", riskId).orderBy("due_date").orderBy("id").execute();
}
