import { z } from "zod";
import { ROLES } from "../users/roles.js";

export const LoginBodySchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(256),
});

export const TotpBodySchema = z.strictObject({
  code: z.string().trim().regex(/^\d{6}$/, "6 digits"),
});

export const MeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    agencyId: z.string().nullable(),
    agencyName: z.string().nullable(),
    vendorId: z.string().nullable(),
    permissions: z.object({
      manageAgencies: z.boolean(),
      manageUsers: z.boolean(),
      manageSettings: z.boolean(),
      viewEventLog: z.boolean(),
    }),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof MeSchema>;

export const LoginResponseSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("ok"), user: MeSchema }),
  z.object({ status: z.literal("totp_required") }),
  z.object({
    status: z.literal("totp_enrollment_required"),
    enrollment: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }),
  }),
]);
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const AuthOkSchema = z.object({ status: z.literal("ok"), user: MeSchema });
export const CsrfResponseSchema = z.object({ token: z.string() });
/** After enrolling an authenticator: the ten recovery codes, shown this once. */
export const EnrollmentDoneSchema = z.object({ status: z.literal("ok"), user: MeSchema, recoveryCodes: z.array(z.string()) });
