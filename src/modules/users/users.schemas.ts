import { z } from "zod";
import { ROLES } from "./roles.js";

export const UserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    agencyId: z.string().nullable(),
    agencyName: z.string().nullable(),
    status: z.enum(["active", "disabled"]),
    totpEnrolled: z.boolean(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
export type UserView = z.infer<typeof UserSchema>;

export const CreateUserSchema = z.strictObject({
  name: z.string().trim().min(3).max(200),
  email: z.email().max(254),
  role: z.enum(ROLES),
  agencyId: z.uuid().optional(),
  password: z.string().max(256),
});
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const UserListQuerySchema = z.strictObject({
  role: z.enum(ROLES).optional(),
  agencyId: z.uuid().optional(),
});

export const UserParamsSchema = z.strictObject({ userId: z.uuid() });
export const UserListSchema = z.object({ items: z.array(UserSchema) });
