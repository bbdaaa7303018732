import { createHash, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { ChangeStatus } from "../../db/schema.registers.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import * as repo from "./changes.repository.js";
import { canDecideChange, canImplementChange, canReviewChange } from "./registers.policy.js";
import { CHANGE_TRANSITIONS } from "./registers.rules.js";
import type { ChangeInput } from "./registers.schemas.js";

type Dialect = "sqlite" | "postgres";
export const changeNotFound = () => new AppError("NOT_FOUND", { id: "Perubahan tidak ditemukan", en: "Change not found" });

const STATUS_NAMES: Record<ChangeStatus, { id: string; en: string }> = {
  proposed: { id: "diajukan", en: "proposed" },
  approved: { id: "disetujui", en: "approved" },
  rejected: { id: "ditolak", en: "rejected" },
  implemented: { id: "diterapkan", en: "implemented" },
  reviewed: { id: "ditinjau", en: "reviewed" },
};

function blank(at: string) {
  return {
    decided_by: null, decided_at: null, decision_note: null, implemented_by: null, implemented_at: null, implementation_note: null,
    reviewed_by: null, reviewed_at: null, review_note: null, app_version: null, migrations: null, automatic_key: null, created_at: at, updated_at: at,
  };
}

export async function proposeChange(db: Kysely<DB>, actor: Actor, input: ChangeInput, now: Date): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const id = randomUUID();
    const row = { id, origin: "manual" as const, title: input.title, description: input.description, reason: input.reason, status: "proposed" as const, requested_by: actor.id, ...blank(now.toISOString()) };
    await repo.insertChange(trx, row);
    await appendEvent(trx, { actorId: actor.id, type: "register.change_proposed", subject: { type: "change", id }, payload: { title: input.title, description: input.description, reason: input.reason } }, now);
    return id;
  });
}

/** One step of the workflow, on the locked row: the status must allow it and the caller must be allowed. */
async function step(db: Kysely<DB>, dialect: Dialect, actor: Actor, id: string, to: ChangeStatus, note: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const change = await repo.lockChange(trx, id, dialect);
    if (!change) throw changeNotFound();
    if (!(CHANGE_TRANSITIONS[change.status] ?? []).includes(to)) {
      const from = STATUS_NAMES[change.status];
      throw new AppError("OUT_OF_STAGE", { id: `Perubahan berstatus ${from.id} tidak dapat menjadi ${STATUS_NAMES[to].id}`, en: `A ${from.en} change cannot become ${STATUS_NAMES[to].en}` });
    }
    const at = now.toISOString();
    if (to === "approved" || to === "rejected") {
      if (!canDecideChange(actor, change)) {
        throw new AppError("FORBIDDEN", { id: "Perubahan disetujui atau ditolak oleh Kepala LPSE atau Admin PPE, bukan oleh pengajunya", en: "A change is approved or rejected by the Kepala LPSE or the administrator, not by whoever proposed it" });
      }
      await repo.updateChange(trx, id, { status: to, decided_by: actor.id, decided_at: at, decision_note: note, updated_at: at });
    } else if (to === "implemented") {
      if (!canImplementChange(actor)) throw new AppError("FORBIDDEN");
      await repo.updateChange(trx, id, { status: to, implemented_by: actor.id, implemented_at: at, implementation_note: note, updated_at: at });
    } else {
      if (!canReviewChange(actor)) throw new AppError("FORBIDDEN");
      await repo.updateChange(trx, id, { status: to, reviewed_by: actor.id, reviewed_at: at, review_note: note, updated_at: at });
    }
    await appendEvent(trx, { actorId: actor.id, type: `register.change_${to}`, subject: { type: "change", id }, payload: { from: change.status, to, note } }, now);
  });
}

export const decideChange = (db: Kysely<DB>, dialect: Dialect, actor: Actor, id: string, decision: "approved" | "rejected", note: string, now: Date) => step(db, dialect, actor, id, decision, note, now);
export const implementChange = (db: Kysely<DB>, dialect: Dialect, actor: Actor, id: string, note: string, now: Date) => step(db, dialect, actor, id, "implemented", note, now);
export const reviewChange = (db: Kysely<DB>, dialect: Dialect, actor: Actor, id: string, note: string, now: Date) => step(db, dialect, actor, id, "reviewed", note, now);

/** One key per application version and set of known migrations: a restart of the same build records nothing. */
export function automaticChangeKey(version: string, knownMigrations: readonly string[]): string {
  return createHash("sha256").update(`${version}\n${knownMigrations.join("\n")}`).digest("hex");
}

/**
 * Record the platform's own upgrade as an implemented change when the server starts with a version or a set
 * of migrations the register has not seen (standard 6: changes to the system are recorded). Returns the
 * change id, or null when this version and migration set were recorded before.
 */
export async function recordPlatformChange(db: Kysely<DB>, run: { version: string; knownMigrations: readonly string[]; applied: readonly string[] }, now: Date): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const id = randomUUID();
    const at = now.toISOString();
    const applied = [...run.applied];
    const title = applied.length > 0 ? `Pembaruan OpenLPSE ${run.version}: ${applied.length} migrasi basis data` : `Pembaruan OpenLPSE ke versi ${run.version}`;
    const inserted = await repo.insertAutomaticChange(trx, {
      id,
      origin: "automatic",
      title,
      description: applied.length > 0 ? `Migrasi yang diterapkan: ${applied.join(", ")}` : "Versi aplikasi berubah tanpa migrasi basis data.",
      reason: "Dicatat otomatis oleh platform saat server dimulai.",
      status: "implemented",
      requested_by: null,
      ...blank(at),
      implemented_at: at,
      app_version: run.version,
      migrations: JSON.stringify(applied),
      automatic_key: automaticChangeKey(run.version, run.knownMigrations),
    });
    if (!inserted) return null;
    await appendEvent(trx, { actorId: null, type: "register.change_recorded_automatically", subject: { type: "change", id }, payload: { version: run.version, migrations: applied } }, now);
    return id;
  });
}
