import { z } from "zod";
import { bilingual } from "../../server/validation.js";
import { TimeZoneSchema } from "../settings/settings.schemas.js";

const text = (max: number) => z.string().trim().min(2).max(max);
/** Times are sent with their zone (the page sends the LPSE's) and stored in UTC. */
const instant = z.iso.datetime({ offset: true, message: bilingual("waktu ISO-8601 dengan zona, mis. 2026-11-26T09:00:00+07:00", "an ISO-8601 time with a zone, e.g. 2026-11-26T09:00:00+07:00") });

export const PERMIT_STATUSES = ["pending", "scheduled", "active", "expired", "revoked"] as const;
export const DEVICE_DIRECTIONS = ["in", "out"] as const;

export const PermitParamsSchema = z.strictObject({ permitId: z.uuid() });
export const VisitParamsSchema = z.strictObject({ visitId: z.uuid() });

// ---- permits

export const PermitInputSchema = z.strictObject({ person: text(200), organisation: text(200), purpose: text(1000), validFrom: instant, validUntil: instant });
export type PermitInput = z.infer<typeof PermitInputSchema>;
export const ApproveInputSchema = z.strictObject({ note: z.string().trim().max(1000) });
export type ApproveInput = z.infer<typeof ApproveInputSchema>;
export const PermitRevokeInputSchema = z.strictObject({ reason: z.string().trim().min(5).max(1000) });
export type PermitRevokeInput = z.infer<typeof PermitRevokeInputSchema>;

const person = z.object({ id: z.string(), name: z.string() });
export const PermitSchema = z
  .object({
    id: z.string(),
    person: z.string(),
    organisation: z.string(),
    purpose: z.string(),
    validFrom: z.string(),
    validUntil: z.string(),
    requestedBy: person,
    requestedAt: z.string(),
    approvedBy: person.nullable(),
    approvedAt: z.string().nullable(),
    approvalNote: z.string().nullable(),
    revokedAt: z.string().nullable(),
    revokedReason: z.string().nullable(),
    status: z.enum(PERMIT_STATUSES),
  })
  .meta({ id: "ServerRoomPermit" });
export type Permit = z.infer<typeof PermitSchema>;
export const PermitListSchema = z.object({
  items: z.array(PermitSchema),
  timeZone: TimeZoneSchema,
  can: z.object({ manage: z.boolean(), approve: z.boolean(), revoke: z.boolean() }),
});

// ---- visits

const DeviceInputSchema = z.strictObject({ description: text(200), serialNumber: z.string().trim().min(1).max(100), direction: z.enum(DEVICE_DIRECTIONS) });
export const VisitInputSchema = z.strictObject({
  permitId: z.uuid(),
  escort: text(200),
  badgeNumber: z.string().trim().min(1).max(50),
  enteredAt: instant,
  devices: z.array(DeviceInputSchema).max(50),
});
export type VisitInput = z.infer<typeof VisitInputSchema>;
export const ExitInputSchema = z.strictObject({ exitedAt: instant, devices: z.array(DeviceInputSchema).max(50) });
export type ExitInput = z.infer<typeof ExitInputSchema>;
export const VisitsQuerySchema = z.strictObject({ open: z.enum(["true", "false"]).optional() });

export const VisitSchema = z
  .object({
    id: z.string(),
    permit: z.object({ id: z.string(), person: z.string(), organisation: z.string(), purpose: z.string() }),
    escort: z.string(),
    badgeNumber: z.string(),
    enteredAt: z.string(),
    exitedAt: z.string().nullable(),
    open: z.boolean(),
    devices: z.array(z.object({ id: z.string(), description: z.string(), serialNumber: z.string(), direction: z.enum(DEVICE_DIRECTIONS), recordedAt: z.string() })),
  })
  .meta({ id: "ServerRoomVisit" });
export type Visit = z.infer<typeof VisitSchema>;
export const VisitListSchema = z.object({ items: z.array(VisitSchema), open: z.number(), timeZone: TimeZoneSchema });
