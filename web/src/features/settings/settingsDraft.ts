import type { TimeZoneCode } from "../../lib/format";
import { type DurationUnit, type Settings, STAGE_KEYS } from "./settings.api";

export const RATE_LIMIT_KINDS = ["login", "registration", "bidUpload", "publicSearch"] as const;
export type RateLimitKind = (typeof RATE_LIMIT_KINDS)[number];
/** What the server uses before an administrator changes them (src/modules/settings/settings.schemas.ts). */
const DEFAULT_RATE_LIMITS: Record<RateLimitKind, number> = { login: 10, registration: 5, bidUpload: 30, publicSearch: 60 };

/** A number input's value: empty while the user is editing. */
export type NumberValue = number | "";

export interface StageDraft {
  amount: NumberValue;
  unit: DurationUnit;
}

/** The settings form's state: like `Settings`, but numbers may be empty and days are checkbox values. */
export interface SettingsDraft {
  name: string;
  region: string;
  timeZone: TimeZoneCode;
  start: string;
  end: string;
  workingDays: string[];
  stages: Record<string, StageDraft>;
  lockoutThreshold: NumberValue;
  lockoutMinutes: NumberValue;
  sessionHours: NumberValue;
  tenderKeyEscrow: boolean;
  /** Requests per minute per client address, by route family (the server's `security.rateLimits`). */
  rateLimits: Record<RateLimitKind, NumberValue>;
  backupIntervalHours: NumberValue;
  backupKeep: NumberValue;
  /** The asset and risk registers (the server's `registers`). */
  assetExpiryAlertDays: NumberValue;
  riskLowMax: NumberValue;
  riskMediumMax: NumberValue;
  /** The operations registers' settings (`operations`), by key. */
  operations: Record<OperationsKey, NumberValue>;
}

/** The operations settings the form edits, with the defaults of a server that does not send them. */
export const OPERATIONS_DEFAULTS = { capacitySampleMinutes: 15, diskFreeMinPercent: 10, memoryMaxPercent: 85, cpuLoadMaxPercent: 90, accessReviewDays: 90 } as const;
export type OperationsKey = keyof typeof OPERATIONS_DEFAULTS;
export const OPERATIONS_KEYS = Object.keys(OPERATIONS_DEFAULTS) as OperationsKey[];

/** Known stages in tender order, then any others the server has, by key. */
export function stageKeysOf(stages: Record<string, unknown>): string[] {
  const known: readonly string[] = STAGE_KEYS;
  return [...STAGE_KEYS, ...Object.keys(stages).filter((key) => !known.includes(key)).sort()];
}

export function toDraft(settings: Settings): SettingsDraft {
  const stages: Record<string, StageDraft> = {};
  for (const key of stageKeysOf(settings.stageMinimums)) {
    const stage = settings.stageMinimums[key];
    stages[key] = stage ? { amount: stage.amount, unit: stage.unit } : { amount: "", unit: "working_days" };
  }
  return {
    name: settings.name,
    region: settings.region,
    timeZone: settings.timeZone,
    start: settings.workingHours.start,
    end: settings.workingHours.end,
    workingDays: settings.workingDays.map(String),
    stages,
    lockoutThreshold: settings.security.lockoutThreshold,
    lockoutMinutes: settings.security.lockoutMinutes,
    sessionHours: settings.security.sessionHours,
    tenderKeyEscrow: settings.security.tenderKeyEscrow ?? false,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...settings.security.rateLimits },
    backupIntervalHours: settings.backups?.intervalHours ?? 0,
    backupKeep: settings.backups?.keep ?? 7,
    assetExpiryAlertDays: settings.registers?.assetExpiryAlertDays ?? 90,
    riskLowMax: settings.registers?.riskLowMax ?? 24,
    riskMediumMax: settings.registers?.riskMediumMax ?? 64,
    operations: { ...OPERATIONS_DEFAULTS, ...settings.operations },
  };
}

/** Field paths (as the server names them, without "body.") that are empty but required. */
export function missingFields(draft: SettingsDraft): string[] {
  const missing: string[] = [];
  if (draft.lockoutThreshold === "") missing.push("security.lockoutThreshold");
  if (draft.lockoutMinutes === "") missing.push("security.lockoutMinutes");
  if (draft.sessionHours === "") missing.push("security.sessionHours");
  for (const kind of RATE_LIMIT_KINDS) if (draft.rateLimits[kind] === "") missing.push(`security.rateLimits.${kind}`);
  if (draft.backupIntervalHours === "") missing.push("backups.intervalHours");
  if (draft.backupKeep === "") missing.push("backups.keep");
  if (draft.assetExpiryAlertDays === "") missing.push("registers.assetExpiryAlertDays");
  if (draft.riskLowMax === "") missing.push("registers.riskLowMax");
  if (draft.riskMediumMax === "") missing.push("registers.riskMediumMax");
  for (const key of OPERATIONS_KEYS) if (draft.operations[key] === "") missing.push(`operations.${key}`);
  return missing;
}

/** The PUT body. A stage left without an amount is dropped: it then has no minimum. */
export function fromDraft(draft: SettingsDraft): Settings {
  const stageMinimums: Settings["stageMinimums"] = {};
  for (const [key, stage] of Object.entries(draft.stages)) {
    if (stage.amount !== "") stageMinimums[key] = { amount: stage.amount, unit: stage.unit };
  }
  return {
    name: draft.name.trim(),
    region: draft.region.trim(),
    timeZone: draft.timeZone,
    workingHours: { start: draft.start, end: draft.end },
    workingDays: draft.workingDays.map(Number).sort((a, b) => a - b),
    stageMinimums,
    security: {
      lockoutThreshold: Number(draft.lockoutThreshold),
      lockoutMinutes: Number(draft.lockoutMinutes),
      sessionHours: Number(draft.sessionHours),
      tenderKeyEscrow: draft.tenderKeyEscrow,
      rateLimits: {
        login: Number(draft.rateLimits.login),
        registration: Number(draft.rateLimits.registration),
        bidUpload: Number(draft.rateLimits.bidUpload),
        publicSearch: Number(draft.rateLimits.publicSearch),
      },
    },
    backups: { intervalHours: Number(draft.backupIntervalHours), keep: Number(draft.backupKeep) },
    registers: { assetExpiryAlertDays: Number(draft.assetExpiryAlertDays), riskLowMax: Number(draft.riskLowMax), riskMediumMax: Number(draft.riskMediumMax) },
    operations: {
      capacitySampleMinutes: Number(draft.operations.capacitySampleMinutes),
      diskFreeMinPercent: Number(draft.operations.diskFreeMinPercent),
      memoryMaxPercent: Number(draft.operations.memoryMaxPercent),
      cpuLoadMaxPercent: Number(draft.operations.cpuLoadMaxPercent),
      accessReviewDays: Number(draft.operations.accessReviewDays),
    },
  };
}

export function asNumberValue(value: number | string): NumberValue {
  if (value === "") return "";
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : "";
}
