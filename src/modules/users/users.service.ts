import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Tx } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { hashPassword, passwordPolicyProblems } from "../auth/passwords.js";
import { revokeUserSessions } from "../auth/sessions.repository.js";
import { findAgency } from "../orgs/orgs.repository.js";
import { isAgencyRole, type Role } from "./roles.js";
import * as repo from "./users.repository.js";

export interface NewUser {
  name: string;
  email: string;
  role: Role;
  agencyId?: string | undefined;
  vendorId?: string | undefined;
  password: string;
}

/** Reject a password that breaks the policy, naming each rule it breaks. */
export function assertPasswordPolicy(password: string, field: string, personal: { email?: string; name?: string }): void {
  const problems = passwordPolicyProblems(password, personal);
  if (problems.length === 0) return;
  const id = problems.map((p) => p.id).join("; ");
  const en = problems.map((p) => p.en).join("; ");
  throw new AppError("PASSWORD_POLICY", { id: `Kata sandi: ${id}`, en: `Password: ${en}` }, [{ field, message: { id, en } }]);
}

export interface PreparedUser {
  input: Omit<NewUser, "agencyId"> & { email: string; agencyId: string | null };
  passwordHash: string;
  fieldPrefix: string;
}

/** Everything about a new account that needs no database: the rules, and the (slow) password hash. */
export async function prepareUser(input: NewUser, fieldPrefix = "body"): Promise<PreparedUser> {
  const email = input.email.trim().toLowerCase();
  assertPasswordPolicy(input.password, `${fieldPrefix}.password`, { email, name: input.name });
  const agencyId = input.agencyId ?? null;
  if (isAgencyRole(input.role) && !agencyId) {
    throw new AppError("VALIDATION_FAILED", { id: "Peran ini wajib memilih instansi", en: "This role needs an agency" }, [
      { field: `${fieldPrefix}.agencyId`, message: { id: "wajib diisi untuk peran ini", en: "is required for this role" } },
    ]);
  }
  if (!isAgencyRole(input.role) && agencyId) {
    throw new AppError("VALIDATION_FAILED", { id: "Peran tingkat LPSE tidak terikat instansi", en: "LPSE-wide roles do not belong to an agency" }, [
      { field: `${fieldPrefix}.agencyId`, message: { id: "harus kosong untuk peran ini", en: "must be empty for this role" } },
    ]);
  }
  return { input: { ...input, email, agencyId }, passwordHash: await hashPassword(input.password), fieldPrefix };
}

/** Insert a prepared account inside the caller's transaction, with its event. */
export async function insertPreparedUser(trx: Tx, actor: Actor | null, prepared: PreparedUser, now: Date) {
  const { input, passwordHash, fieldPrefix } = prepared;
  const { email, agencyId } = input;
  if (agencyId && !(await findAgency(trx, agencyId))) {
    throw new AppError("VALIDATION_FAILED", { id: "Instansi tidak ditemukan", en: "Agency not found" }, [
      { field: `${fieldPrefix}.agencyId`, message: { id: "tidak ditemukan", en: "not found" } },
    ]);
  }
  if (await repo.unsafeFindUserByEmail(trx, email)) {
    throw new AppError("CONFLICT", { id: `Email ${email} sudah terdaftar`, en: `${email} is already registered` }, [
      { field: `${fieldPrefix}.email`, message: { id: "sudah terdaftar", en: "is already registered" } },
    ]);
  }
  const id = randomUUID();
  const at = now.toISOString();
  const name = input.name.trim();
  await repo.insertUser(trx, {
    id,
    email,
    name,
    role: input.role,
    agency_id: agencyId,
    vendor_id: input.vendorId ?? null,
    password_hash: passwordHash,
    status: "active",
    totp_secret: null,
    totp_enrolled_at: null,
    totp_last_counter: null,
    failed_logins: 0,
    locked_until: null,
    created_at: at,
    updated_at: at,
  });
  await appendEvent(trx, { actorId: actor?.id ?? null, type: "user.created", subject: { type: "user", id }, payload: { email, name, role: input.role, agencyId, vendorId: input.vendorId ?? null } }, now);
  const created = await repo.findUserById(trx, id);
  if (!created) throw new Error("user vanished inside its own transaction");
  return created;
}

/** Create an account. Agency roles need an existing agency; LPSE-wide roles must not have one. */
export async function createUser(db: Kysely<DB>, actor: Actor | null, input: NewUser, now: Date, fieldPrefix = "body") {
  const prepared = await prepareUser(input, fieldPrefix);
  return db.transaction().execute((trx) => insertPreparedUser(trx, actor, prepared, now));
}

export async function getUser(db: Kysely<DB>, id: string) {
  const user = await repo.findUserById(db, id);
  if (!user) throw new AppError("NOT_FOUND", { id: "Pengguna tidak ditemukan", en: "User not found" });
  return user;
}

type UserChange = "disable" | "enable" | "reset_second_factor" | "revoke_sessions";

const CHANGE_EVENTS: Record<UserChange, string> = {
  disable: "user.disabled",
  enable: "user.enabled",
  reset_second_factor: "user.second_factor_reset",
  revoke_sessions: "user.sessions_revoked",
};

/** Disable, enable, reset the second factor, or end the sessions; all but enabling end the user's sessions. */
export async function changeUser(db: Kysely<DB>, actor: Actor, id: string, change: UserChange, now: Date) {
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const user = await repo.findUserById(trx, id);
    if (!user) throw new AppError("NOT_FOUND", { id: "Pengguna tidak ditemukan", en: "User not found" });
    if (change === "disable") await repo.updateUser(trx, id, { status: "disabled", updated_at: at });
    if (change === "enable") await repo.updateUser(trx, id, { status: "active", failed_logins: 0, locked_until: null, updated_at: at });
    if (change === "reset_second_factor") {
      await repo.updateUser(trx, id, { totp_secret: null, totp_enrolled_at: null, totp_last_counter: null, updated_at: at });
    }
    const revoked = change === "enable" ? 0 : await revokeUserSessions(trx, id, at);
    await appendEvent(trx, { actorId: actor.id, type: CHANGE_EVENTS[change], subject: { type: "user", id }, payload: { revokedSessions: revoked } }, now);
    const after = await repo.findUserById(trx, id);
    if (!after) throw new Error("user vanished inside its own transaction");
    return after;
  });
}
