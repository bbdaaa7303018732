import { createHash, randomBytes, randomUUID } from "node:crypto";
import { appendEvent } from "../../log/event-log.js";
import type { AppDeps } from "../../server/app.js";
import { AppError } from "../../server/errors.js";
import { enqueueMail } from "../notifications/notifications.service.js";
import { unsafeFindUserByEmail } from "../users/users.repository.js";
import { insertPreparedUser, prepareUser } from "../users/users.service.js";
import * as repo from "./vendors.repository.js";
import type { CompleteRegistrationSchema } from "./vendors.schemas.js";
import type { z } from "zod";

/** How long an email confirmation link works. */
const CONFIRMATION_TTL_HOURS = 24;
/** At most this many confirmation mails to one address per hour. */
const MAX_REGISTRATIONS_PER_HOUR = 3;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Step 1: an email address. The answer is the same whether or not the address is known, so the form
 * cannot be used to find out who is registered; a known address gets a reminder instead of a link.
 */
export async function startRegistration(deps: AppDeps, rawEmail: string): Promise<void> {
  const email = rawEmail.trim().toLowerCase();
  const now = deps.clock.now();
  const db = deps.database.db;
  const recent = await repo.countRecentRegistrations(db, email, new Date(now.getTime() - 3_600_000).toISOString());
  if (recent >= MAX_REGISTRATIONS_PER_HOUR) return;
  const known = await unsafeFindUserByEmail(db, email);
  const token = randomBytes(32).toString("base64url");
  await db.transaction().execute(async (trx) => {
    const id = randomUUID();
    await repo.insertRegistration(trx, {
      id,
      email,
      token_hash: hashToken(token),
      expires_at: new Date(now.getTime() + CONFIRMATION_TTL_HOURS * 3_600_000).toISOString(),
      created_at: now.toISOString(),
      completed_at: known ? now.toISOString() : null,
    });
    const link = `${deps.config.publicUrl}/daftar/konfirmasi?token=${token}`;
    await enqueueMail(
      trx,
      known
        ? {
            to: email,
            subject: "Akun Anda sudah terdaftar / Your account already exists",
            text: `Alamat email ini sudah terdaftar di ${deps.config.publicUrl}. Silakan masuk, atau hubungi Helpdesk jika lupa kata sandi.\n\nThis email address is already registered at ${deps.config.publicUrl}. Please log in, or contact the Helpdesk if you forgot your password.`,
          }
        : {
            to: email,
            subject: "Konfirmasi pendaftaran penyedia / Confirm your vendor registration",
            text: `Buka tautan ini dalam ${CONFIRMATION_TTL_HOURS} jam untuk melanjutkan pendaftaran:\n${link}\n\nOpen this link within ${CONFIRMATION_TTL_HOURS} hours to continue your registration:\n${link}\n\nAbaikan email ini jika Anda tidak mendaftar. / Ignore this email if you did not register.`,
          },
      now,
    );
    await appendEvent(trx, { actorId: null, type: "vendor.registration_started", subject: { type: "vendor_registration", id }, payload: { email, knownAddress: known !== undefined } }, now);
  });
}

const invalidLink = () =>
  new AppError(
    "NOT_FOUND",
    { id: "Tautan konfirmasi tidak berlaku atau sudah dipakai. Silakan daftar ulang.", en: "The confirmation link is invalid, expired or already used. Please register again." },
    [{ field: "body.token", message: { id: "tidak berlaku", en: "is not valid" } }],
  );

/** Step 2: from the emailed link, the company and the first user; the vendor starts as a draft. */
export async function completeRegistration(deps: AppDeps, input: z.infer<typeof CompleteRegistrationSchema>) {
  const now = deps.clock.now();
  const db = deps.database.db;
  const registration = await repo.findRegistrationByTokenHash(db, hashToken(input.token));
  if (!registration || registration.completed_at !== null || registration.expires_at <= now.toISOString()) throw invalidLink();
  const existing = await repo.unsafeFindVendorByNpwp(db, input.company.npwp);
  if (existing) {
    throw new AppError("CONFLICT", { id: "NPWP ini sudah terdaftar. Minta admin perusahaan Anda menambahkan Anda sebagai pengguna.", en: "This NPWP is already registered. Ask your company's administrator to add you as a user." }, [
      { field: "body.company.npwp", message: { id: "sudah terdaftar", en: "is already registered" } },
    ]);
  }
  const vendorId = randomUUID();
  const prepared = await prepareUser({ name: input.user.name, email: registration.email, role: "vendor", vendorId, password: input.user.password }, "body.user");
  const user = await db.transaction().execute(async (trx) => {
    if ((await repo.completeRegistration(trx, registration.id, now.toISOString())) !== 1) throw invalidLink();
    await repo.insertVendor(trx, {
      id: vendorId,
      name: input.company.name,
      business_form: input.company.businessForm,
      npwp: input.company.npwp,
      status: "draft",
      verified_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await appendEvent(trx, { actorId: null, type: "vendor.registered", subject: { type: "vendor", id: vendorId }, payload: { name: input.company.name, businessForm: input.company.businessForm, npwp: input.company.npwp } }, now);
    return insertPreparedUser(trx, null, prepared, now);
  });
  return { vendorId, email: user.email };
}
