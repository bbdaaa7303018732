import { z } from "zod";
import { bilingual } from "../../server/validation.js";
import { CalendarDateSchema } from "../settings/settings.schemas.js";
import { ASSET_TYPES, CHANGE_ORIGINS, CHANGE_STATUSES, EXPIRY_STATES, LEVELS3, RISK_TREATMENTS, TASK_STATUSES } from "./registers-enums.js";

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const rating3 = z.int().min(1).max(3);
const rating4 = z.int().min(1).max(4);
const LevelSchema = z.enum(LEVELS3);

/** Asset codes: capitals, digits, dots, slashes and dashes, e.g. "HW-SRV-01". */
const assetCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9./-]{1,29}$/, bilingual("kode aset 2–30 huruf besar, angka, titik, garis miring atau tanda hubung", "an asset code is 2–30 capitals, digits, dots, slashes or dashes"));

export const AssetInputSchema = z
  .strictObject({
    code: assetCode,
    name: text(2, 200),
    type: z.enum(ASSET_TYPES),
    owner: text(2, 120),
    location: text(2, 200),
    confidentiality: rating3,
    integrity: rating3,
    availability: rating3,
    acquiredOn: CalendarDateSchema.nullable().optional(),
    expiresOn: CalendarDateSchema.nullable().optional(),
    notes: text(1, 2000).nullable().optional(),
  })
  .refine((a) => !a.acquiredOn || !a.expiresOn || a.acquiredOn <= a.expiresOn, {
    message: bilingual("tanggal berakhir tidak boleh sebelum tanggal perolehan", "the expiry date cannot be before the acquisition date"),
    path: ["expiresOn"],
  });
export type AssetInput = z.infer<typeof AssetInputSchema>;

export const AssetParamsSchema = z.strictObject({ assetId: z.uuid() });

export const AssetSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    type: z.enum(ASSET_TYPES),
    owner: z.string(),
    location: z.string(),
    confidentiality: z.int(),
    integrity: z.int(),
    availability: z.int(),
    value: z.int(),
    valueClass: LevelSchema,
    acquiredOn: z.string().nullable(),
    expiresOn: z.string().nullable(),
    expiry: z.object({ state: z.enum(EXPIRY_STATES), daysLeft: z.int().nullable() }),
    notes: z.string().nullable(),
    riskCount: z.int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "RegisterAsset" });

export const AssetListSchema = z.object({
  items: z.array(AssetSchema),
  alertDays: z.int(),
  /** Assets expired or expiring within alertDays. */
  alerts: z.int(),
  today: z.string(),
  can: z.object({ manage: z.boolean() }),
});

export const RiskInputSchema = z.strictObject({
  assetId: z.uuid(),
  title: text(3, 200),
  description: text(5, 5000),
  impact: rating4,
  threat: rating4,
  vulnerability: rating4,
  exposure: rating4,
  treatment: z.enum(RISK_TREATMENTS),
  owner: text(2, 120),
});
export type RiskInput = z.infer<typeof RiskInputSchema>;

export const RiskParamsSchema = z.strictObject({ riskId: z.uuid() });
export const TaskParamsSchema = z.strictObject({ riskId: z.uuid(), taskId: z.uuid() });

export const TaskInputSchema = z.strictObject({ action: text(3, 1000), owner: text(2, 120), dueDate: CalendarDateSchema, status: z.enum(TASK_STATUSES) });
export type TaskInput = z.infer<typeof TaskInputSchema>;

const TaskSchema = z.object({ id: z.string(), action: z.string(), owner: z.string(), dueDate: z.string(), status: z.enum(TASK_STATUSES), overdue: z.boolean() });

const RiskSummaryShape = {
  id: z.string(),
  asset: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  title: z.string(),
  impact: z.int(),
  threat: z.int(),
  vulnerability: z.int(),
  exposure: z.int(),
  score: z.int(),
  level: LevelSchema,
  likelihood: z.int(),
  treatment: z.enum(RISK_TREATMENTS),
  owner: z.string(),
  openTasks: z.int(),
  updatedAt: z.string(),
};
export const RiskSummarySchema = z.object(RiskSummaryShape);
export const RiskSchema = z.object({ ...RiskSummaryShape, description: z.string(), tasks: z.array(TaskSchema), can: z.object({ manage: z.boolean() }) }).meta({ id: "RegisterRisk" });

const HeatCellSchema = z.object({ impact: z.int(), likelihood: z.int(), count: z.int(), riskIds: z.array(z.string()), highest: LevelSchema.nullable() });
export const RiskListSchema = z.object({
  items: z.array(RiskSummarySchema),
  /** 16 cells: impact 1–4 × likelihood 1–4. */
  heatMap: z.array(HeatCellSchema),
  thresholds: z.object({ riskLowMax: z.int(), riskMediumMax: z.int() }),
  can: z.object({ manage: z.boolean() }),
});
export const RiskQuerySchema = z.strictObject({ assetId: z.uuid().optional() });

export const ChangeInputSchema = z.strictObject({ title: text(5, 200), description: text(10, 5000), reason: text(5, 2000) });
export type ChangeInput = z.infer<typeof ChangeInputSchema>;
export const ChangeParamsSchema = z.strictObject({ changeId: z.uuid() });
export const DecisionInputSchema = z.strictObject({ decision: z.enum(["approved", "rejected"]), note: text(3, 2000) });
export const NoteInputSchema = z.strictObject({ note: text(3, 2000) });

const Person = z.object({ id: z.string(), name: z.string() }).nullable();
export const ChangeSchema = z
  .object({
    id: z.string(),
    origin: z.enum(CHANGE_ORIGINS),
    title: z.string(),
    description: z.string(),
    reason: z.string(),
    status: z.enum(CHANGE_STATUSES),
    requestedBy: Person,
    decidedBy: Person,
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    implementedBy: Person,
    implementedAt: z.string().nullable(),
    implementationNote: z.string().nullable(),
    reviewedBy: Person,
    reviewedAt: z.string().nullable(),
    reviewNote: z.string().nullable(),
    appVersion: z.string().nullable(),
    migrations: z.array(z.string()),
    createdAt: z.string(),
    can: z.object({ decide: z.boolean(), implement: z.boolean(), review: z.boolean() }),
  })
  .meta({ id: "RegisterChange" });
export const ChangeListSchema = z.object({ items: z.array(ChangeSchema), can: z.object({ propose: z.boolean() }) });
export const ChangeQuerySchema = z.strictObject({ status: z.enum(CHANGE_STATUSES).optional(), origin: z.enum(CHANGE_ORIGINS).optional() });
