import { z } from "zod";
import { bilingual } from "../../server/validation.js";
import { CalendarDateSchema } from "../settings/settings.schemas.js";
import { ALL_CRITERION_CODES, ALL_STANDARD_CODES, EVIDENCE_KINDS } from "./catalog/index.js";

export const CRITERION_STATUSES = ["met", "partially_met", "not_met", "not_applicable"] as const;
export const FINDING_PRIORITIES = ["high", "medium", "low"] as const;
export const FINDING_STATUSES = ["open", "done", "verified"] as const;
export const CYCLE_STATUSES = ["open", "signed_off"] as const;
export const LKPP_RESULTS = ["met", "not_met"] as const;

const Bilingual = z.object({ id: z.string(), en: z.string() });
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

// --- params ---------------------------------------------------------------
export const CatalogParamsSchema = z.strictObject({ version: z.coerce.number().int().min(1).max(999) });
export const CycleParamsSchema = z.strictObject({ cycleId: z.uuid() });
export const StandardParamsSchema = CycleParamsSchema.extend({ standardCode: z.enum(ALL_STANDARD_CODES) });
export const CriterionParamsSchema = CycleParamsSchema.extend({ criterionCode: z.enum(ALL_CRITERION_CODES) });
export const EvidenceParamsSchema = CycleParamsSchema.extend({ evidenceId: z.uuid() });
export const FindingParamsSchema = CycleParamsSchema.extend({ findingId: z.uuid() });

// --- requests -------------------------------------------------------------
/** A period names the cycle, e.g. "2026" or "2026-S2". */
export const OpenCycleSchema = z.strictObject({
  period: z
    .string()
    .trim()
    .regex(/^\d{4}(-[A-Za-z0-9]{1,8})?$/, bilingual("tahun, boleh diikuti penanda seperti 2026-S2", "a year, optionally followed by a tag such as 2026-S2")),
  catalogVersion: z.int().min(1).max(999).optional(),
});

export const TeamSchema = z.strictObject({ memberIds: z.array(z.uuid()).min(1).max(50) });
export const CoordinatorSchema = z.strictObject({ userId: z.uuid() });

export const AssessCriterionSchema = z
  .strictObject({
    status: z.enum(CRITERION_STATUSES),
    reason: text(10, 1000).optional(),
    notes: z.string().trim().max(4000).default(""),
  })
  .refine((v) => v.status !== "not_applicable" || v.reason !== undefined, {
    path: ["reason"],
    message: bilingual("wajib diisi (minimal 10 karakter) bila kriteria tidak berlaku", "is required (at least 10 characters) when the criterion does not apply"),
  });

export const EvidenceLinkSchema = z.strictObject({
  title: text(3, 200),
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((u) => /^\/(?!\/)/.test(u) || /^https?:\/\/[^\s]+$/.test(u), bilingual("alamat http(s) atau halaman platform yang diawali /", "an http(s) address or a platform page starting with /")),
});

export const EvidenceUploadQuerySchema = z.strictObject({ name: text(3, 200) });

export const RaiseFindingSchema = z.strictObject({
  standardCode: z.enum(ALL_STANDARD_CODES),
  criterionCode: z.enum(ALL_CRITERION_CODES).optional(),
  description: text(10, 4000),
  action: text(10, 4000),
  priority: z.enum(FINDING_PRIORITIES),
  ownerId: z.uuid(),
  dueDate: CalendarDateSchema,
});

export const FindingDoneSchema = z.strictObject({ note: text(10, 4000) });
export const FindingVerifySchema = z.strictObject({ note: z.string().trim().max(4000).default("") });
export const SignOffSchema = z.strictObject({ note: z.string().trim().max(4000).default("") });
export const LkppVerificationSchema = z.strictObject({ result: z.enum(LKPP_RESULTS), letterNumber: text(3, 100), letterDate: CalendarDateSchema });

// --- responses ------------------------------------------------------------
export const CatalogSchema = z
  .object({
    version: z.number().int(),
    title: Bilingual,
    basis: z.string(),
    standards: z.array(z.object({ number: z.number().int(), code: z.string(), name: Bilingual, criteria: z.array(z.object({ code: z.string(), text: Bilingual, evidence: z.array(z.enum(EVIDENCE_KINDS)) })) })),
  })
  .meta({ id: "StandardsCatalog" });
export const CatalogListSchema = z.object({ current: z.number().int(), items: z.array(z.object({ version: z.number().int(), title: Bilingual })) });

const Person = z.object({ id: z.string(), name: z.string() });

export const CycleSummarySchema = z
  .object({
    id: z.string(),
    period: z.string(),
    catalogVersion: z.number().int(),
    status: z.enum(CYCLE_STATUSES),
    metCount: z.number().int(),
    standardCount: z.number().int(),
    openedAt: z.string(),
    signedOffAt: z.string().nullable(),
    lkppMetCount: z.number().int(),
  })
  .meta({ id: "StandardCycleSummary" });
export const CycleListSchema = z.object({ items: z.array(CycleSummarySchema), mayOpen: z.boolean() });

export const EvidenceSchema = z.object({
  id: z.string(),
  kind: z.enum(["file", "link"]),
  title: z.string(),
  url: z.string().nullable(),
  contentType: z.string().nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  addedBy: Person,
  addedAt: z.string(),
});

export const FindingSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  standardCode: z.string(),
  criterionCode: z.string().nullable(),
  description: z.string(),
  action: z.string(),
  priority: z.enum(FINDING_PRIORITIES),
  owner: Person,
  dueDate: z.string(),
  status: z.enum(FINDING_STATUSES),
  raisedBy: Person,
  raisedAt: z.string(),
  doneNote: z.string().nullable(),
  doneAt: z.string().nullable(),
  verifiedBy: Person.nullable(),
  verifiedAt: z.string().nullable(),
  verifyNote: z.string().nullable(),
  mayMarkDone: z.boolean(),
  mayVerify: z.boolean(),
});

const AssessmentSchema = z.object({ status: z.enum(CRITERION_STATUSES), reason: z.string().nullable(), notes: z.string(), assessedBy: Person, assessedAt: z.string() });

export const CycleSchema = z
  .object({
    ...CycleSummarySchema.shape,
    openedBy: Person,
    signedOffBy: Person.nullable(),
    signOffNote: z.string().nullable(),
    catalogTitle: Bilingual,
    team: z.array(Person),
    assessedCount: z.number().int(),
    criterionCount: z.number().int(),
    standards: z.array(
      z.object({
        number: z.number().int(),
        code: z.string(),
        name: Bilingual,
        met: z.boolean(),
        coordinator: Person.nullable(),
        lkpp: z.object({ result: z.enum(LKPP_RESULTS), letterNumber: z.string(), letterDate: z.string() }).nullable(),
        criteria: z.array(z.object({ code: z.string(), text: Bilingual, expects: z.array(z.enum(EVIDENCE_KINDS)), registers: z.array(z.object({ title: Bilingual, path: z.string() })), assessment: AssessmentSchema.nullable(), evidence: z.array(EvidenceSchema) })),
      }),
    ),
    findings: z.array(FindingSchema),
    viewer: z.object({ mayManage: z.boolean(), mayAssess: z.boolean(), maySignOff: z.boolean(), mayRecordLkpp: z.boolean() }),
  })
  .meta({ id: "StandardCycle" });

export const StaffListSchema = z.object({ items: z.array(Person.extend({ role: z.string() })) });
export type CycleView = z.infer<typeof CycleSchema>;
export type FindingView = z.infer<typeof FindingSchema>;
export type EvidenceView = z.infer<typeof EvidenceSchema>;
