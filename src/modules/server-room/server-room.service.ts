import { randomUUID } from "node:crypto";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import type { AppDeps } from "../../server/app.js";
import { AppError, fieldError, notFound, type Message } from "../../server/errors.js";
import { canApprovePermit, isOwnRequest } from "./server-room.policy.js";
import * as repo from "./server-room.repository.js";
import { permitStatus, refusalAtEntry } from "./server-room.rules.js";
import type { ApproveInput, ExitInput, PermitInput, PermitRevokeInput, VisitInput } from "./server-room.schemas.js";

type Deps = Pick<AppDeps, "database" | "clock">;
type Device = VisitInput["devices"][number];

const PERMIT_NOT_FOUND = { id: "Izin masuk ruang server tidak ditemukan", en: "Server-room permit not found" };
const VISIT_NOT_FOUND = { id: "Kunjungan ruang server tidak ditemukan", en: "Server-room visit not found" };

/** Stored form of a time sent with a zone: ISO-8601 UTC with milliseconds. */
const utc = (instant: string) => new Date(instant).toISOString();

const conflict = (field: string, message: Message, detail: Message = message) => new AppError("CONFLICT", detail, [{ field, message }]);

function notInFuture(field: string, at: string, now: Date): void {
  if (at > now.toISOString()) throw fieldError(field, { id: "tidak boleh setelah waktu sekarang", en: "must not be after the current time" });
}

const deviceRows = (visitId: string, devices: Device[], at: string): repo.DeviceRow[] =>
  devices.map((d) => ({ id: randomUUID(), visit_id: visitId, description: d.description, serial_number: d.serialNumber, direction: d.direction, recorded_at: at }));

export async function requestPermit(deps: Deps, actor: Actor, input: PermitInput): Promise<string> {
  const validFrom = utc(input.validFrom);
  const validUntil = utc(input.validUntil);
  if (validUntil <= validFrom) throw fieldError("body.validUntil", { id: "harus setelah waktu mulai berlaku", en: "must be after the valid-from time" });
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    await repo.insertPermit(trx, {
      id, person: input.person, organisation: input.organisation, purpose: input.purpose, valid_from: validFrom, valid_until: validUntil,
      requested_by: actor.id, requested_at: now.toISOString(), approved_by: null, approved_at: null, approval_note: null, revoked_by: null, revoked_at: null, revoked_reason: null,
    });
    await appendEvent(trx, { actorId: actor.id, type: "server_room.permit_requested", subject: { type: "server_room_permit", id }, payload: { ...input, validFrom, validUntil } }, now);
  });
  return id;
}

/** The Kepala LPSE approves a pending permit that has not expired; never one they requested themselves. */
export async function approvePermit(deps: Deps, actor: Actor, id: string, input: ApproveInput): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const permit = await repo.lockPermit(trx, id, deps.database.dialect);
    if (!permit) throw notFound(PERMIT_NOT_FOUND);
    if (!canApprovePermit(actor) || isOwnRequest(actor, permit)) {
      throw new AppError("FORBIDDEN", { id: "Pemohon tidak boleh menyetujui izinnya sendiri", en: "The requester may not approve their own permit" });
    }
    const status = permitStatus(permit, now.toISOString());
    if (status !== "pending") {
      const why: Record<string, Message> = {
        revoked: { id: "Izin ini sudah dicabut", en: "This permit is revoked" },
        expired: { id: "Masa berlaku izin ini sudah lewat", en: "This permit's validity has passed" },
      };
      throw new AppError("CONFLICT", why[status] ?? { id: "Izin ini sudah disetujui", en: "This permit is already approved" });
    }
    await repo.updatePermit(trx, id, { approved_by: actor.id, approved_at: now.toISOString(), approval_note: input.note || null });
    await appendEvent(trx, { actorId: actor.id, type: "server_room.permit_approved", subject: { type: "server_room_permit", id }, payload: input }, now);
  });
}

export async function revokePermit(deps: Deps, actor: Actor, id: string, input: PermitRevokeInput): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const permit = await repo.lockPermit(trx, id, deps.database.dialect);
    if (!permit) throw notFound(PERMIT_NOT_FOUND);
    if (permit.revoked_at !== null) throw new AppError("CONFLICT", { id: "Izin ini sudah dicabut", en: "This permit is already revoked" });
    await repo.updatePermit(trx, id, { revoked_by: actor.id, revoked_at: now.toISOString(), revoked_reason: input.reason });
    await appendEvent(trx, { actorId: actor.id, type: "server_room.permit_revoked", subject: { type: "server_room_permit", id }, payload: input }, now);
  });
}

/** Log a visit: the permit must be approved, unrevoked and valid at the entry time (409 otherwise). */
export async function recordVisit(deps: Deps, actor: Actor, input: VisitInput): Promise<string> {
  const now = deps.clock.now();
  const enteredAt = utc(input.enteredAt);
  notInFuture("body.enteredAt", enteredAt, now);
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    const permit = await repo.lockPermit(trx, input.permitId, deps.database.dialect);
    if (!permit) throw fieldError("body.permitId", { id: "izin tidak terdaftar", en: "no such permit" });
    const refusal = refusalAtEntry(permit, enteredAt);
    if (refusal) throw conflict("body.permitId", refusal, { id: `Kunjungan tidak dapat dicatat: ${refusal.id}`, en: `The visit cannot be logged: ${refusal.en}` });
    await repo.insertVisit(trx, { id, permit_id: permit.id, escort: input.escort, badge_number: input.badgeNumber, entered_at: enteredAt, exited_at: null, recorded_by: actor.id, created_at: now.toISOString() });
    await repo.insertDevices(trx, deviceRows(id, input.devices, enteredAt));
    await appendEvent(trx, { actorId: actor.id, type: "server_room.visit_entered", subject: { type: "server_room_visit", id }, payload: { ...input, enteredAt } }, now);
  });
  return id;
}

/** Close a visit once: the exit time is not before the entry nor in the future; devices taken out are listed. */
export async function recordExit(deps: Deps, actor: Actor, id: string, input: ExitInput): Promise<void> {
  const now = deps.clock.now();
  const exitedAt = utc(input.exitedAt);
  await deps.database.db.transaction().execute(async (trx) => {
    const visit = await repo.lockVisit(trx, id, deps.database.dialect);
    if (!visit) throw notFound(VISIT_NOT_FOUND);
    if (visit.exited_at !== null) throw new AppError("CONFLICT", { id: "Keluarnya kunjungan ini sudah dicatat", en: "This visit's exit is already recorded" });
    if (exitedAt < visit.entered_at) throw fieldError("body.exitedAt", { id: "tidak boleh sebelum waktu masuk", en: "must not be before the entry time" });
    notInFuture("body.exitedAt", exitedAt, now);
    await repo.updateVisit(trx, id, { exited_at: exitedAt });
    await repo.insertDevices(trx, deviceRows(id, input.devices, exitedAt));
    await appendEvent(trx, { actorId: actor.id, type: "server_room.visit_exited", subject: { type: "server_room_visit", id }, payload: { ...input, exitedAt } }, now);
  });
}
