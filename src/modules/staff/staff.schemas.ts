import { z } from "zod";
import { bilingual } from "../../server/validation.js";
import { CalendarDateSchema } from "../settings/settings.schemas.js";
import { COMPETENCES, MAX_LEVEL, MIN_LEVEL } from "./staff-enums.js";

export { COMPETENCES, MAX_LEVEL, MIN_LEVEL };

const text = (max: number) => z.string().trim().min(2).max(max);
const level = z.number().int().min(MIN_LEVEL).max(MAX_LEVEL);
/** NIP: 18 digits (birth date, appointment month, sex, serial). */
const nip = z.string().trim().regex(/^\d{18}$/, bilingual("NIP terdiri dari 18 angka", "a NIP has 18 digits"));

export const StaffParamsSchema = z.strictObject({ staffId: z.uuid() });
export const TrainingParamsSchema = z.strictObject({ trainingId: z.uuid() });

// ---- staff members and their competences

export const StaffInputSchema = z.strictObject({
  name: text(200),
  nip: nip.nullable(),
  position: text(200),
  serviceRole: text(200),
  ndaSignedOn: CalendarDateSchema.nullable(),
  contractEndsOn: CalendarDateSchema.nullable(),
});
export type StaffInput = z.infer<typeof StaffInputSchema>;

export const CompetenceInputSchema = z.strictObject({ competence: z.enum(COMPETENCES), requiredLevel: level, currentLevel: level });
export type CompetenceInput = z.infer<typeof CompetenceInputSchema>;

export const CompetenceLevelSchema = z.object({ competence: z.enum(COMPETENCES), requiredLevel: z.number(), currentLevel: z.number(), gap: z.number() });
export const StaffMemberSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nip: z.string().nullable(),
    position: z.string(),
    serviceRole: z.string(),
    ndaSignedOn: z.string().nullable(),
    contractEndsOn: z.string().nullable(),
    contractEnded: z.boolean(),
    competences: z.array(CompetenceLevelSchema),
    /** Competences where the required level is above the current one: the person's training needs. */
    trainingNeeds: z.array(CompetenceLevelSchema),
  })
  .meta({ id: "StaffMember" });
export type StaffMember = z.infer<typeof StaffMemberSchema>;
export const StaffListSchema = z.object({ items: z.array(StaffMemberSchema), today: z.string(), can: z.object({ manage: z.boolean() }) });

export const GapReportSchema = z
  .object({
    items: z.array(
      z.object({
        competence: z.enum(COMPETENCES),
        staffAssessed: z.number(),
        staffWithGap: z.number(),
        totalGap: z.number(),
        people: z.array(z.object({ staffId: z.string(), name: z.string(), requiredLevel: z.number(), currentLevel: z.number(), gap: z.number() })),
      }),
    ),
  })
  .meta({ id: "CompetenceGapReport" });

// ---- certificates

export const CertificateInputSchema = z.strictObject({ staffId: z.uuid(), name: text(200), issuer: text(200), number: z.string().trim().min(1).max(100), validUntil: CalendarDateSchema.nullable() });
export type CertificateInput = z.infer<typeof CertificateInputSchema>;
export const CertificateSchema = z
  .object({
    id: z.string(),
    staff: z.object({ id: z.string(), name: z.string() }),
    name: z.string(),
    issuer: z.string(),
    number: z.string(),
    validUntil: z.string().nullable(),
    expiry: z.object({ state: z.enum(["none", "ok", "expiring", "expired"]), daysLeft: z.number().nullable() }),
  })
  .meta({ id: "StaffCertificate" });
export type Certificate = z.infer<typeof CertificateSchema>;
export const CertificateListSchema = z.object({ items: z.array(CertificateSchema), alertDays: z.number(), alerts: z.number() });

// ---- trainings and attendance

export const TrainingInputSchema = z.strictObject({
  title: text(300),
  provider: text(200),
  competence: z.enum(COMPETENCES),
  levelAwarded: level,
  startsOn: CalendarDateSchema,
  endsOn: CalendarDateSchema,
  /** Hours of instruction (jam pelajaran). */
  hours: z.number().int().min(1).max(2000),
});
export type TrainingInput = z.infer<typeof TrainingInputSchema>;

export const AttendanceInputSchema = z.strictObject({ staffId: z.uuid(), passed: z.boolean(), result: z.string().trim().max(500) });
export type AttendanceInput = z.infer<typeof AttendanceInputSchema>;

export const AttendanceSchema = z.object({
  id: z.string(),
  staff: z.object({ id: z.string(), name: z.string() }),
  passed: z.boolean(),
  result: z.string(),
  levelBefore: z.number().nullable(),
  levelAfter: z.number().nullable(),
  recordedAt: z.string(),
});
export const TrainingSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    provider: z.string(),
    competence: z.enum(COMPETENCES),
    levelAwarded: z.number(),
    startsOn: z.string(),
    endsOn: z.string(),
    hours: z.number(),
    attendance: z.array(AttendanceSchema),
  })
  .meta({ id: "Training" });
export type Training = z.infer<typeof TrainingSchema>;
export const TrainingListSchema = z.object({ items: z.array(TrainingSchema) });
