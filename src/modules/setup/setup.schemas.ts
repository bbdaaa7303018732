import { z } from "zod";
import { TimeZoneSchema } from "../settings/settings.schemas.js";

export const SetupBodySchema = z.strictObject({
  lpseName: z.string().trim().min(3).max(200),
  region: z.string().trim().min(2).max(200),
  timeZone: TimeZoneSchema,
  admin: z.strictObject({
    name: z.string().trim().min(3).max(200),
    email: z.email().max(254),
    password: z.string().max(256),
  }),
});
export type SetupInput = z.infer<typeof SetupBodySchema>;
