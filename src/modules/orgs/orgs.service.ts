import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import * as repo from "./orgs.repository.js";
import type { z } from "zod";
import type { CreateAgencySchema, CreateWorkUnitSchema, UpdateAgencySchema } from "./orgs.schemas.js";

const agencyNotFound = () => new AppError("NOT_FOUND", { id: "Instansi tidak ditemukan", en: "Agency not found" });

function duplicateCode(code: string): AppError {
  return new AppError("CONFLICT", { id: `Kode ${code} sudah dipakai`, en: `Code ${code} is already used` }, [
    { field: "body.code", message: { id: "sudah dipakai", en: "is already used" } },
  ]);
}

export async function createAgency(db: Kysely<DB>, actor: Actor | null, input: z.infer<typeof CreateAgencySchema>, now: Date) {
  return db.transaction().execute(async (trx) => {
    if (await repo.findAgencyByCode(trx, input.code)) throw duplicateCode(input.code);
    const id = randomUUID();
    const at = now.toISOString();
    await repo.insertAgency(trx, { id, code: input.code, name: input.name, kind: input.kind, active: 1, created_at: at, updated_at: at });
    await appendEvent(trx, { actorId: actor?.id ?? null, type: "agency.created", subject: { type: "agency", id }, payload: input, visibility: "public" }, now);
    const created = await repo.findAgency(trx, id);
    if (!created) throw new Error("agency vanished inside its own transaction");
    return created;
  });
}

export async function updateAgency(db: Kysely<DB>, actor: Actor, id: string, changes: z.infer<typeof UpdateAgencySchema>, now: Date) {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findAgency(trx, id);
    if (!before) throw agencyNotFound();
    await repo.updateAgency(trx, id, {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.kind !== undefined && { kind: changes.kind }),
      ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
      updated_at: now.toISOString(),
    });
    await appendEvent(trx, { actorId: actor.id, type: "agency.updated", subject: { type: "agency", id }, payload: changes, visibility: "public" }, now);
    const after = await repo.findAgency(trx, id);
    if (!after) throw agencyNotFound();
    return after;
  });
}

export async function getAgency(db: Kysely<DB>, id: string) {
  const agency = await repo.findAgency(db, id);
  if (!agency) throw agencyNotFound();
  return agency;
}

export async function createWorkUnit(db: Kysely<DB>, actor: Actor | null, agencyId: string, input: z.infer<typeof CreateWorkUnitSchema>, now: Date) {
  return db.transaction().execute(async (trx) => {
    if (!(await repo.findAgency(trx, agencyId))) throw agencyNotFound();
    if (await repo.findWorkUnitByCode(trx, agencyId, input.code)) throw duplicateCode(input.code);
    const row = { id: randomUUID(), agency_id: agencyId, code: input.code, name: input.name, created_at: now.toISOString() };
    await repo.insertWorkUnit(trx, row);
    await appendEvent(trx, { actorId: actor?.id ?? null, type: "work_unit.created", subject: { type: "work_unit", id: row.id }, payload: { agencyId, ...input }, visibility: "public" }, now);
    return row;
  });
}
