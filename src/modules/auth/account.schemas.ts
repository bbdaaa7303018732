import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "./passwords.js";

export const PasswordResetRequestSchema = z.strictObject({ email: z.email().max(254) });

export const PasswordResetCompleteSchema = z.strictObject({
  token: z.string().trim().min(20).max(200),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(256),
});

export const AcceptedSchema = z.object({ ok: z.literal(true) });

/** A session as its owner sees it: never the token, nor the stored token hash. */
export const SessionSchema = z
  .object({
    /** A reference derived from the stored id, to name the session in a revocation. */
    ref: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: "Session" });

export const SessionListSchema = z.object({ items: z.array(SessionSchema) });
export const SessionParamsSchema = z.strictObject({ sessionRef: z.string().regex(/^[0-9a-f]{32}$/, "32 hexadecimal characters") });
export const RevokedCountSchema = z.object({ revoked: z.int() });

export const RecoveryCodeBodySchema = z.strictObject({
  code: z.string().trim().min(8).max(40),
});
export const RecoveryCodesSchema = z.object({ codes: z.array(z.string()) });
export const RecoveryCodeStatusSchema = z.object({ enrolled: z.boolean(), remaining: z.int() });
