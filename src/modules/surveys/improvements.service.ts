import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import type { AppDeps } from "../../server/app.js";
import { AppError, fieldError, notFound } from "../../server/errors.js";
import { notifyUser } from "../notifications/notifications.service.js";
import { mayMove, needsResponse } from "./improvements.rules.js";
import type { ImprovementInput, ImprovementStatus, ImprovementStatusInput } from "./improvements.schemas.js";
import { canReadAllImprovements } from "./surveys.policy.js";
import * as repo from "./surveys.repository.js";

type Deps = Pick<AppDeps, "database" | "clock" | "config">;

const NOT_FOUND = { id: "Usulan perbaikan tidak ditemukan", en: "Improvement request not found" };

const STATUS_NAMES: Record<ImprovementStatus, { id: string; en: string }> = {
  received: { id: "diterima", en: "received" },
  under_review: { id: "sedang dikaji", en: "under review" },
  planned: { id: "direncanakan", en: "planned" },
  declined: { id: "ditolak", en: "declined" },
  done: { id: "selesai", en: "done" },
};

export async function fileImprovement(deps: Deps, actor: Actor, input: ImprovementInput): Promise<string> {
  const now = deps.clock.now().toISOString();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    await repo.insertImprovement(trx, { id, title: input.title, description: input.description, requester_id: actor.id, status: "received", response: null, created_at: now, updated_at: now });
    await appendEvent(trx, { actorId: actor.id, type: "improvement.filed", subject: { type: "improvement_request", id }, payload: input }, deps.clock.now());
  });
  return id;
}

/** Staff read every request, anyone else only their own; others get 404, so existence stays secret. */
export async function loadVisibleImprovement(db: Kysely<DB>, actor: Actor, id: string): Promise<repo.ImprovementWithRequester> {
  const row = await repo.findImprovement(db, id);
  if (!row || !(canReadAllImprovements(actor) || row.requester_id === actor.id)) throw notFound(NOT_FOUND);
  return row;
}

/** Move a request along its triage, with the answer the requester reads; the requester is notified. */
export async function changeImprovementStatus(deps: Deps, actor: Actor, id: string, input: ImprovementStatusInput): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await repo.lockImprovement(trx, id, deps.database.dialect);
    if (!row) throw notFound(NOT_FOUND);
    if (!mayMove(row.status, input.status)) {
      const message = { id: `tidak dapat berpindah dari "${STATUS_NAMES[row.status].id}" ke "${STATUS_NAMES[input.status].id}"`, en: `cannot move from "${STATUS_NAMES[row.status].en}" to "${STATUS_NAMES[input.status].en}"` };
      throw new AppError("CONFLICT", { id: `body.status: ${message.id}`, en: `body.status: ${message.en}` }, [{ field: "body.status", message }]);
    }
    if (needsResponse(input.status) && input.response.length < 5) throw fieldError("body.response", { id: "alasan penolakan wajib diisi (paling sedikit 5 karakter)", en: "a reason for declining is required (at least 5 characters)" });
    const response = input.response.length > 0 ? input.response : row.response;
    await repo.updateImprovement(trx, id, { status: input.status, response, updated_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "improvement.status_changed", subject: { type: "improvement_request", id }, payload: { from: row.status, to: input.status, response: input.response } }, now);
    const name = STATUS_NAMES[input.status];
    await notifyUser(
      trx,
      {
        userId: row.requester_id,
        kind: "improvement.status",
        title: { id: `Usulan perbaikan ${name.id}: ${row.title}`, en: `Improvement request ${name.en}: ${row.title}` },
        body: { id: `Usulan Anda "${row.title}" kini berstatus ${name.id}.${input.response ? ` Tanggapan: ${input.response}` : ""}`, en: `Your request "${row.title}" is now ${name.en}.${input.response ? ` Response: ${input.response}` : ""}` },
        link: `/app/usulan/${id}`,
        email: true,
      },
      now,
      { publicUrl: deps.config.publicUrl },
    );
  });
}
