import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { requireAssetForRisk } from "./assets.service.js";
import type { RiskInput, TaskInput } from "./registers.schemas.js";
import { riskScore } from "./registers.rules.js";
import * as repo from "./risks.repository.js";

export const riskNotFound = () => new AppError("NOT_FOUND", { id: "Risiko tidak ditemukan", en: "Risk not found" });
const taskNotFound = () => new AppError("NOT_FOUND", { id: "Tugas mitigasi tidak ditemukan", en: "Mitigation task not found" });

function columns(input: RiskInput) {
  return {
    asset_id: input.assetId,
    title: input.title,
    description: input.description,
    impact: input.impact,
    threat: input.threat,
    vulnerability: input.vulnerability,
    exposure: input.exposure,
    score: riskScore(input),
    treatment: input.treatment,
    owner: input.owner,
  };
}

export async function createRisk(db: Kysely<DB>, actor: Actor, input: RiskInput, now: Date): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await requireAssetForRisk(trx, input.assetId);
    const id = randomUUID();
    const at = now.toISOString();
    const row = { id, ...columns(input), created_by: actor.id, created_at: at, updated_at: at };
    await repo.insertRisk(trx, row);
    await appendEvent(trx, { actorId: actor.id, type: "register.risk_created", subject: { type: "risk", id }, payload: row }, now);
    return id;
  });
}

/** Re-scoring keeps the history: the event holds the factors and score before and after. */
export async function updateRisk(db: Kysely<DB>, actor: Actor, id: string, input: RiskInput, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await repo.findRisk(trx, id);
    if (!before) throw riskNotFound();
    await requireAssetForRisk(trx, input.assetId);
    const after = { ...columns(input), updated_at: now.toISOString() };
    await repo.updateRisk(trx, id, after);
    const { open_tasks: _open, ...stored } = before;
    await appendEvent(trx, { actorId: actor.id, type: "register.risk_updated", subject: { type: "risk", id }, payload: { before: stored, after } }, now);
  });
}

export async function addTask(db: Kysely<DB>, actor: Actor, riskId: string, input: TaskInput, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await repo.findRisk(trx, riskId))) throw riskNotFound();
    const at = now.toISOString();
    const row = { id: randomUUID(), risk_id: riskId, action: input.action, owner: input.owner, due_date: input.dueDate, status: input.status, created_at: at, updated_at: at };
    await repo.insertTask(trx, row);
    await appendEvent(trx, { actorId: actor.id, type: "register.risk_task_added", subject: { type: "risk", id: riskId }, payload: row }, now);
  });
}

export async function updateTask(db: Kysely<DB>, actor: Actor, riskId: string, taskId: string, input: TaskInput, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await repo.findTask(trx, riskId, taskId);
    if (!before) throw taskNotFound();
    const after = { action: input.action, owner: input.owner, due_date: input.dueDate, status: input.status, updated_at: now.toISOString() };
    await repo.updateTask(trx, taskId, after);
    await appendEvent(trx, { actorId: actor.id, type: "register.risk_task_updated", subject: { type: "risk", id: riskId }, payload: { taskId, before, after } }, now);
  });
}
