import { appendEvent } from "../../log/event-log.js";
import type { AppDeps } from "../../server/app.js";
import { AppError } from "../../server/errors.js";
import { type NewNotification, notifyUser } from "../notifications/notifications.service.js";
import { getSettings } from "../settings/settings.service.js";
import { requiresSecondFactor, type Role } from "../users/roles.js";
import { findUserById, unsafeFindUserByEmail, updateUser, type UserRow } from "../users/users.repository.js";
import type { LoginResponse } from "./auth.schemas.js";
import { dummyPasswordHash, verifyPassword } from "./passwords.js";
import { actorOf, newSessionToken, type SessionContext } from "./session.hook.js";
import { consumeRecoveryCode, issueRecoveryCodes, remainingRecoveryCodes } from "./recovery-codes.service.js";
import { insertSession, updateSession } from "./sessions.repository.js";
import { checkTotp, newTotpSecret, qrDataUrl, totpUri } from "./totp.js";

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  response: LoginResponse | { status: "ok" };
  token: string;
  expires: Date;
  userId: string;
}

const invalidCredentials = () => new AppError("INVALID_CREDENTIALS");
const invalidRecoveryCode = () =>
  new AppError("INVALID_TOTP", { id: "Kode pemulihan salah atau sudah dipakai", en: "Wrong or already used recovery code" }, [
    { field: "body.code", message: { id: "tidak berlaku", en: "is not valid" } },
  ]);

function lockedError(until: string, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 60_000));
  return new AppError("ACCOUNT_LOCKED", {
    id: `Akun dikunci karena terlalu banyak percobaan gagal. Coba lagi dalam ${minutes} menit atau hubungi Helpdesk.`,
    en: `The account is locked after too many failed attempts. Try again in ${minutes} minutes or contact the Helpdesk.`,
  });
}

/** Tell the owner: a lockout they did not cause means someone is guessing their password. */
function lockoutNotice(userId: string, minutes: number): NewNotification {
  return {
    userId,
    kind: "auth.account_locked",
    title: { id: "Akun Anda dikunci sementara", en: "Your account is temporarily locked" },
    body: {
      id: `Akun Anda dikunci selama ${minutes} menit setelah terlalu banyak percobaan masuk yang gagal. Jika itu bukan Anda, atur ulang kata sandi melalui "Lupa kata sandi?" dan hubungi Helpdesk.`,
      en: `Your account is locked for ${minutes} minutes after too many failed login attempts. If that was not you, reset your password through "Forgot password?" and contact the Helpdesk.`,
    },
    link: "/lupa-sandi",
    email: true,
  };
}

/**
 * Count a failed password or code; at the threshold the account locks and the lock is logged.
 * Committed on its own, before the caller throws, so failures add up across requests.
 */
async function recordFailure(deps: AppDeps, user: UserRow, reason: "password" | "totp" | "recovery_code"): Promise<AppError> {
  const now = deps.clock.now();
  const { security } = await getSettings(deps.database.db);
  return deps.database.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("users").select("failed_logins").where("id", "=", user.id).executeTakeFirstOrThrow();
    const failures = current.failed_logins + 1;
    if (failures < security.lockoutThreshold) {
      await updateUser(trx, user.id, { failed_logins: failures });
      if (reason === "password") return invalidCredentials();
      return reason === "totp" ? new AppError("INVALID_TOTP") : invalidRecoveryCode();
    }
    const until = new Date(now.getTime() + security.lockoutMinutes * 60_000).toISOString();
    await updateUser(trx, user.id, { failed_logins: 0, locked_until: until });
    await appendEvent(trx, { actorId: null, type: "user.locked", subject: { type: "user", id: user.id }, payload: { until, failures, reason } }, now);
    // Once per lockout: while locked, logins are refused before any failure is counted again.
    await notifyUser(trx, lockoutNotice(user.id, security.lockoutMinutes), now, { publicUrl: deps.config.publicUrl });
    return lockedError(until, now);
  });
}

/** Password step. Opens a session that is complete, or waiting for the second factor. */
export async function login(deps: AppDeps, email: string, password: string, client: ClientInfo): Promise<LoginResult> {
  const now = deps.clock.now();
  const user = await unsafeFindUserByEmail(deps.database.db, email);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    throw invalidCredentials();
  }
  if (user.locked_until && user.locked_until > now.toISOString()) throw lockedError(user.locked_until, now);
  if (!(await verifyPassword(user.password_hash, password))) throw await recordFailure(deps, user, "password");
  if (user.status !== "active") {
    throw new AppError("FORBIDDEN", { id: "Akun ini dinonaktifkan. Hubungi Admin.", en: "This account is disabled. Contact the administrator." });
  }

  const { security } = await getSettings(deps.database.db);
  const expires = new Date(now.getTime() + security.sessionHours * 3_600_000);
  const { token, id } = newSessionToken();
  const role = user.role as Role;
  const enrolled = user.totp_secret !== null && user.totp_enrolled_at !== null;
  const needsEnrollment = !enrolled && requiresSecondFactor(role);
  const pendingSecret = needsEnrollment ? newTotpSecret() : null;
  const done = !enrolled && !needsEnrollment;

  await deps.database.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { failed_logins: 0, locked_until: null });
    await insertSession(trx, {
      id,
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: expires.toISOString(),
      last_seen_at: now.toISOString(),
      revoked_at: null,
      second_factor_done: done ? 1 : 0,
      pending_totp_secret: pendingSecret,
      ip: client.ip,
      user_agent: client.userAgent,
    });
    if (done) await appendLoginEvent(trx, user.id, client, now);
  });

  if (enrolled) return { response: { status: "totp_required" }, token, expires, userId: user.id };
  if (pendingSecret) {
    const { name } = await getSettings(deps.database.db);
    const otpauthUrl = totpUri(pendingSecret, user.email, `OpenLPSE ${name}`);
    return {
      response: { status: "totp_enrollment_required", enrollment: { secret: pendingSecret, otpauthUrl, qrDataUrl: await qrDataUrl(otpauthUrl) } },
      token,
      expires,
      userId: user.id,
    };
  }
  return { response: { status: "ok" }, token, expires, userId: user.id };
}

function appendLoginEvent(trx: Parameters<typeof appendEvent>[0], userId: string, client: ClientInfo, now: Date) {
  return appendEvent(trx, { actorId: userId, type: "auth.login", subject: { type: "user", id: userId }, payload: { ip: client.ip } }, now);
}

/** Second step for an enrolled user: a code from the authenticator completes the session. */
export async function completeWithTotp(deps: AppDeps, context: SessionContext, code: string, client: ClientInfo) {
  const now = deps.clock.now();
  const { user, session } = context;
  if (session.second_factor_done === 1) return actorOf(user, session.id);
  if (!user.totp_secret) throw new AppError("SECOND_FACTOR_REQUIRED", { id: "Autentikator belum didaftarkan", en: "No authenticator is enrolled" });
  if (user.locked_until && user.locked_until > now.toISOString()) throw lockedError(user.locked_until, now);
  const counter = checkTotp(user.totp_secret, code, now, user.totp_last_counter);
  if (counter === null) throw await recordFailure(deps, user, "totp");
  await deps.database.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { totp_last_counter: counter, failed_logins: 0 });
    await updateSession(trx, session.id, { second_factor_done: 1, last_seen_at: now.toISOString() });
    await appendLoginEvent(trx, user.id, client, now);
  });
  return actorOf(user, session.id);
}

/**
 * Second step with a recovery code instead of the authenticator (a lost phone): each code works once,
 * a wrong one counts towards the lockout like a wrong authenticator code, and the use is logged and
 * told to the user, who can then enrol a new authenticator or make new codes.
 */
export async function completeWithRecoveryCode(deps: AppDeps, context: SessionContext, code: string, client: ClientInfo) {
  const now = deps.clock.now();
  const { user, session } = context;
  if (session.second_factor_done === 1) return { actor: actorOf(user, session.id), remaining: await remainingRecoveryCodes(deps.database.db, user.id) };
  if (!user.totp_secret) throw new AppError("SECOND_FACTOR_REQUIRED", { id: "Autentikator belum didaftarkan", en: "No authenticator is enrolled" });
  if (user.locked_until && user.locked_until > now.toISOString()) throw lockedError(user.locked_until, now);
  const remaining = await deps.database.db.transaction().execute(async (trx) => {
    if (!(await consumeRecoveryCode(trx, user.id, code, now))) return null;
    const left = await remainingRecoveryCodes(trx, user.id);
    await updateUser(trx, user.id, { failed_logins: 0 });
    await updateSession(trx, session.id, { second_factor_done: 1, last_seen_at: now.toISOString() });
    await appendEvent(trx, { actorId: user.id, type: "user.recovery_code_used", subject: { type: "user", id: user.id }, payload: { remaining: left, ip: client.ip } }, now);
    await appendLoginEvent(trx, user.id, client, now);
    await notifyUser(trx, recoveryCodeNotice(user.id, left), now, { publicUrl: deps.config.publicUrl });
    return left;
  });
  if (remaining === null) throw await recordFailure(deps, user, "recovery_code");
  return { actor: actorOf(user, session.id), remaining };
}

function recoveryCodeNotice(userId: string, remaining: number): NewNotification {
  return {
    userId,
    kind: "auth.recovery_code_used",
    title: { id: "Kode pemulihan dipakai untuk masuk", en: "A recovery code was used to log in" },
    body: {
      id: `Sebuah kode pemulihan baru saja dipakai untuk masuk ke akun Anda; sisa ${remaining} kode. Jika bukan Anda, segera hubungi Helpdesk. Buat kode baru di halaman Keamanan akun.`,
      en: `A recovery code was just used to log in to your account; ${remaining} codes are left. If this was not you, contact the Helpdesk at once. Make new codes on the Account security page.`,
    },
    link: "/app/keamanan",
    email: true,
  };
}

/** First login of a role that needs a second factor: confirm the new authenticator with one code. */
export async function completeEnrollment(deps: AppDeps, context: SessionContext, code: string, client: ClientInfo) {
  const now = deps.clock.now();
  const { user, session } = context;
  const secret = session.pending_totp_secret;
  if (!secret) throw new AppError("CONFLICT", { id: "Tidak ada pendaftaran autentikator yang berjalan", en: "No authenticator enrollment is in progress" });
  const counter = checkTotp(secret, code, now, null);
  if (counter === null) throw await recordFailure(deps, user, "totp");
  const recoveryCodes = await deps.database.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { totp_secret: secret, totp_enrolled_at: now.toISOString(), totp_last_counter: counter, failed_logins: 0, updated_at: now.toISOString() });
    await updateSession(trx, session.id, { second_factor_done: 1, pending_totp_secret: null, last_seen_at: now.toISOString() });
    await appendEvent(trx, { actorId: user.id, type: "user.second_factor_enrolled", subject: { type: "user", id: user.id }, payload: {} }, now);
    await appendLoginEvent(trx, user.id, client, now);
    return issueRecoveryCodes(trx, user.id, user.id, now);
  });
  const fresh = await findUserById(deps.database.db, user.id);
  return { actor: actorOf(fresh ?? user, session.id), recoveryCodes };
}

/** Revoke the session server-side: the cookie is worthless afterwards even if kept. */
export async function logout(deps: AppDeps, context: SessionContext): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    await updateSession(trx, context.session.id, { revoked_at: now.toISOString() });
    await appendEvent(trx, { actorId: context.user.id, type: "auth.logout", subject: { type: "user", id: context.user.id }, payload: {} }, now);
  });
}
