import { createHash, randomBytes, randomUUID } from "node:crypto";
import { appendEvent } from "../../log/event-log.js";
import type { AppDeps } from "../../server/app.js";
import { AppError } from "../../server/errors.js";
import { enqueueMail, notifyUser } from "../notifications/notifications.service.js";
import { findUserById, unsafeFindUserByEmail, updateUser } from "../users/users.repository.js";
import { assertPasswordPolicy } from "../users/users.service.js";
import * as repo from "./account-recovery.repository.js";
import { hashPassword } from "./passwords.js";
import { revokeUserSessions } from "./sessions.repository.js";

/** How long an emailed reset link works: long enough to read the mail, short enough to limit a leaked inbox. */
export const PASSWORD_RESET_TTL_MINUTES = 30;
/** At most this many reset mails to one account an hour, so the form cannot be used to flood an inbox. */
const MAX_RESETS_PER_HOUR = 3;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Step 1: an email address. The caller answers the same whatever happens here, so the form cannot tell
 * who has an account; only an existing, active account gets a link (any earlier link stops working).
 */
export async function requestPasswordReset(deps: AppDeps, rawEmail: string): Promise<void> {
  const email = rawEmail.trim().toLowerCase();
  const now = deps.clock.now();
  const db = deps.database.db;
  const user = await unsafeFindUserByEmail(db, email);
  if (!user || user.status !== "active") return;
  if ((await repo.countRecentPasswordResets(db, user.id, new Date(now.getTime() - 3_600_000).toISOString())) >= MAX_RESETS_PER_HOUR) return;
  const token = randomBytes(32).toString("base64url");
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await repo.supersedePasswordResets(trx, user.id, now.toISOString());
    await repo.insertPasswordReset(trx, {
      id,
      user_id: user.id,
      token_hash: hashToken(token),
      expires_at: new Date(now.getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000).toISOString(),
      created_at: now.toISOString(),
      used_at: null,
      superseded_at: null,
    });
    const link = `${deps.config.publicUrl}/lupa-sandi/atur?token=${token}`;
    await enqueueMail(
      trx,
      {
        to: user.email,
        subject: "Atur ulang kata sandi / Reset your password",
        text:
          `Buka tautan ini dalam ${PASSWORD_RESET_TTL_MINUTES} menit untuk membuat kata sandi baru. Tautan hanya dapat dipakai sekali.\n${link}\n\n` +
          `Open this link within ${PASSWORD_RESET_TTL_MINUTES} minutes to set a new password. The link works once.\n${link}\n\n` +
          "Abaikan email ini jika Anda tidak memintanya; kata sandi Anda tetap sama. / Ignore this email if you did not ask for it; your password stays the same.\n",
      },
      now,
    );
    await appendEvent(trx, { actorId: null, type: "user.password_reset_requested", subject: { type: "user", id: user.id }, payload: { resetId: id } }, now);
  });
}

const invalidLink = () =>
  new AppError(
    "NOT_FOUND",
    { id: "Tautan atur ulang kata sandi tidak berlaku, kedaluwarsa, atau sudah dipakai. Minta tautan baru.", en: "The password reset link is invalid, expired or already used. Ask for a new one." },
    [{ field: "body.token", message: { id: "tidak berlaku", en: "is not valid" } }],
  );

/**
 * Step 2, from the emailed link: a new password. Every session of the account ends (whoever had the old
 * password is logged out), the lockout is cleared, and the user is told by inbox and mail.
 */
export async function completePasswordReset(deps: AppDeps, token: string, password: string): Promise<void> {
  const now = deps.clock.now();
  const db = deps.database.db;
  const reset = await repo.findPasswordResetByTokenHash(db, hashToken(token));
  if (!reset || reset.used_at !== null || reset.superseded_at !== null || reset.expires_at <= now.toISOString()) throw invalidLink();
  const user = await findUserById(db, reset.user_id);
  if (!user || user.status !== "active") throw invalidLink();
  assertPasswordPolicy(password, "body.password", { email: user.email, name: user.name });
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    if ((await repo.usePasswordReset(trx, reset.id, at)) !== 1) throw invalidLink();
    await updateUser(trx, user.id, { password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: at });
    const revokedSessions = await revokeUserSessions(trx, user.id, at);
    await appendEvent(trx, { actorId: user.id, type: "user.password_reset", subject: { type: "user", id: user.id }, payload: { resetId: reset.id, revokedSessions } }, now);
    await notifyUser(
      trx,
      {
        userId: user.id,
        kind: "auth.password_reset",
        title: { id: "Kata sandi Anda diubah", en: "Your password was changed" },
        body: {
          id: "Kata sandi akun Anda baru saja diatur ulang melalui tautan email, dan semua sesi masuk diakhiri. Jika bukan Anda, segera hubungi Helpdesk.",
          en: "Your account's password was just reset through an emailed link, and every login session was ended. If this was not you, contact the Helpdesk at once.",
        },
        email: true,
      },
      now,
      { publicUrl: deps.config.publicUrl },
    );
  });
}
