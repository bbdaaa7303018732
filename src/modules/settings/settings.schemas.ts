import { z } from "zod";
import { bilingual } from "../../server/validation.js";
import { STAGE_KEYS } from "./stage-keys.js";

/** Indonesian time zones and their IANA names. Each LPSE works in its own; the database stores UTC. */
export const TIME_ZONES = { WIB: "Asia/Jakarta", WITA: "Asia/Makassar", WIT: "Asia/Jayapura" } as const;
export type TimeZoneCode = keyof typeof TIME_ZONES;
export const TimeZoneSchema = z.enum(["WIB", "WITA", "WIT"]);

export { STAGE_KEYS } from "./stage-keys.js";
export const StageKeySchema = z.enum(STAGE_KEYS);

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, bilingual("harus berformat JJ:MM, mis. 08:00", "must be HH:MM, e.g. 08:00"));

export const StageMinimumSchema = z.strictObject({
  amount: z.int().min(0).max(365),
  unit: z.enum(["hours", "working_days", "calendar_days"]),
});

/** Requests per minute per client address on the routes abuse aims at (brute force, mail floods, scraping). */
export const RateLimitSettingsSchema = z.strictObject({
  login: z.int().min(1).max(10_000),
  registration: z.int().min(1).max(10_000),
  bidUpload: z.int().min(1).max(10_000),
  /** High where many users share one address (a government network behind one gateway). */
  publicSearch: z.int().min(1).max(1_000_000),
});
export type RateLimitSettings = z.infer<typeof RateLimitSettingsSchema>;
export type RateLimitKind = keyof RateLimitSettings;

/** Defaults: ten logins a minute stop guessing but not a mistyped password; search is generous for people, not for crawlers. */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = { login: 10, registration: 5, bidUpload: 30, publicSearch: 60 };

export const SecuritySettingsSchema = z.strictObject({
  /** Failed logins before the account locks. */
  lockoutThreshold: z.int().min(3).max(20),
  lockoutMinutes: z.int().min(1).max(1440),
  /** Absolute session lifetime. */
  sessionHours: z.int().min(1).max(24),
  /**
   * Each tender key also gets an escrow share for the head of the LPSE (Kepala LPSE), so that a member who
   * lost the passphrase can be stood in for at opening. Optional on input; always present on output.
   */
  tenderKeyEscrow: z.boolean().optional(),
  /** Optional on input (older clients leave it out and keep the stored limits); always present on output. */
  rateLimits: RateLimitSettingsSchema.optional(),
});

/** A whole-Rupiah amount as a decimal string (exact; see packages/money.ts). */
const rupiahAmount = z.string().regex(/^\d{1,16}$/, bilingual("jumlah Rupiah tanpa titik atau koma, mis. 200000000", "an amount in Rupiah without separators, e.g. 200000000"));

/** Rules from the regulation (Perpres 16/2018 as amended by Perpres 12/2021), kept as settings so an LPSE can follow a newer rule. */
export const ProcurementRulesSchema = z.strictObject({
  /** Pengadaan Langsung for goods, works and other services: up to Rp200 million. */
  directProcurementLimit: rupiahAmount,
  /** Pengadaan Langsung for consultancy: up to Rp100 million. */
  directProcurementConsultancyLimit: rupiahAmount,
  /** The HPS may be set no earlier than 28 working days before the bid deadline. */
  hpsMaxWorkingDaysBeforeDeadline: z.int().min(1).max(120),
  /** The committee answers a sanggah within 3 calendar days after the objection period (standard tender document). */
  objectionAnswerDays: z.int().min(1).max(30).optional(),
  /**
   * Sanggah banding (construction only): filed at the latest this many calendar days after the sanggah
   * answer period ends (standard tender document: 5 calendar days after the sanggah answer).
   */
  appealDays: z.int().min(1).max(30).optional(),
  /**
   * The PA/KPA answers a sanggah banding at the latest this many calendar days after it is filed (standard
   * tender document: 14 calendar days; a setting, since the period has changed between regulations).
   */
  appealAnswerDays: z.int().min(1).max(60).optional(),
  /**
   * Above this pagu the PA/KPA names the winner of a tender for goods, works or other services, on the
   * Pokja's proposal; up to it the Pokja names it (Perpres 16/2018 art. 9: above Rp100 billion).
   */
  paKpaWinnerLimit: rupiahAmount.optional(),
  /** The same for consultancy (seleksi): above Rp10 billion (Perpres 16/2018 art. 9). */
  paKpaWinnerConsultancyLimit: rupiahAmount.optional(),
});
export type ProcurementRules = z.infer<typeof ProcurementRulesSchema>;

/** Upload size limits (megabytes). */
export const UploadLimitsSchema = z.strictObject({
  vendorDocumentMegabytes: z.int().min(1).max(100),
  /** A sealed bid with all its files (the bid issue reads it): SPSE allows large technical proposals. */
  bidMegabytes: z.int().min(1).max(2048),
});
export type UploadLimits = z.infer<typeof UploadLimitsSchema>;

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { vendorDocumentMegabytes: 10, bidMegabytes: 500 };

/** Scheduled backups taken by the server process into BACKUP_DIR (LPSE standard 12, continuity). */
export const BackupScheduleSchema = z.strictObject({
  /** Hours between backups; 0 turns scheduled backups off (the default). */
  intervalHours: z.int().min(0).max(24 * 7),
  /** How many scheduled backups are kept; older ones are deleted after a new one is complete. */
  keep: z.int().min(1).max(365),
});
export type BackupSchedule = z.infer<typeof BackupScheduleSchema>;

export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = { intervalHours: 0, keep: 7 };

/** The asset and risk registers (LPSE standards 3 and 4). */
export const RegisterSettingsSchema = z
  .strictObject({
    /** Assets whose support or licence ends within this many days are flagged on the register. */
    assetExpiryAlertDays: z.int().min(1).max(730),
    /** Risk scores up to this are "rendah" (low). */
    riskLowMax: z.int().min(1).max(255),
    /** Risk scores above riskLowMax and up to this are "sedang" (medium); above it "tinggi" (high). */
    riskMediumMax: z.int().min(2).max(255),
  })
  .refine((r) => r.riskLowMax < r.riskMediumMax, { message: bilingual("batas sedang harus di atas batas rendah", "the medium threshold must be above the low one"), path: ["riskMediumMax"] });
export type RegisterSettings = z.infer<typeof RegisterSettingsSchema>;

/** The risk thresholds 24 and 64 named for standard 4; 90 days' notice before an asset expires. */
export const DEFAULT_REGISTER_SETTINGS: RegisterSettings = { assetExpiryAlertDays: 90, riskLowMax: 24, riskMediumMax: 64 };

/** Capacity sampling and the thresholds that flag a sample (standard 7), and the access review period (standard 10). */
export const OperationsSettingsSchema = z.strictObject({
  /** Minutes between capacity samples taken by the server; 0 turns sampling off. */
  capacitySampleMinutes: z.int().min(0).max(24 * 60),
  /** A sample whose data-directory disk has less free space than this percentage is flagged. */
  diskFreeMinPercent: z.int().min(1).max(99),
  /** A sample whose system memory in use exceeds this percentage is flagged. */
  memoryMaxPercent: z.int().min(1).max(100),
  /** A sample whose one-minute load per CPU exceeds this percentage is flagged. */
  cpuLoadMaxPercent: z.int().min(1).max(1000),
  /** A server access grant not reviewed within this many days is "review overdue". */
  accessReviewDays: z.int().min(1).max(730),
});
export type OperationsSettings = z.infer<typeof OperationsSettingsSchema>;

export const DEFAULT_OPERATIONS_SETTINGS: OperationsSettings = { capacitySampleMinutes: 15, diskFreeMinPercent: 10, memoryMaxPercent: 85, cpuLoadMaxPercent: 90, accessReviewDays: 90 };

export const LpseSettingsSchema = z
  .strictObject({
    name: z.string().trim().min(3).max(200),
    region: z.string().trim().min(2).max(200),
    timeZone: TimeZoneSchema,
    workingHours: z.strictObject({ start: hhmm, end: hhmm }).refine((h) => h.start < h.end, {
      message: bilingual("jam mulai harus sebelum jam selesai", "start must be before end"),
      path: ["end"],
    }),
    workingDays: z
      .array(z.int().min(1).max(7))
      .min(1)
      .max(7)
      .refine((days) => new Set(days).size === days.length, { message: bilingual("hari tidak boleh berulang", "days must not repeat") }),
    stageMinimums: z.partialRecord(StageKeySchema, StageMinimumSchema),
    security: SecuritySettingsSchema,
    /** Optional on input (older clients leave it out and keep the stored rules); always present on output. */
    procurementRules: ProcurementRulesSchema.optional(),
    /** Optional on input like procurementRules; always present on output. */
    uploadLimits: UploadLimitsSchema.optional(),
    /** Optional on input like procurementRules; always present on output. */
    backups: BackupScheduleSchema.optional(),
    /** Optional on input like procurementRules; always present on output. */
    registers: RegisterSettingsSchema.optional(),
    operations: OperationsSettingsSchema.optional(),
  })
  .meta({ id: "LpseSettings" });

export type LpseSettings = z.infer<typeof LpseSettingsSchema>;

/** The regulation's values, the default of every new LPSE. */
export const DEFAULT_PROCUREMENT_RULES: ProcurementRules = {
  directProcurementLimit: "200000000",
  directProcurementConsultancyLimit: "100000000",
  hpsMaxWorkingDaysBeforeDeadline: 28,
  objectionAnswerDays: 3,
  appealDays: 5,
  appealAnswerDays: 14,
  paKpaWinnerLimit: "100000000000",
  paKpaWinnerConsultancyLimit: "10000000000",
};

export const DEFAULT_SETTINGS: LpseSettings = {
  name: "LPSE",
  region: "Indonesia",
  timeZone: "WIB",
  workingHours: { start: "08:00", end: "16:00" },
  workingDays: [1, 2, 3, 4, 5],
  stageMinimums: {
    pengumuman: { amount: 3, unit: "working_days" },
    download_dokumen: { amount: 3, unit: "working_days" },
    penjelasan: { amount: 1, unit: "working_days" },
    upload_penawaran: { amount: 3, unit: "working_days" },
    pembukaan: { amount: 1, unit: "hours" },
    evaluasi: { amount: 1, unit: "working_days" },
    pembuktian: { amount: 1, unit: "working_days" },
    penetapan_pemenang: { amount: 1, unit: "hours" },
    pengumuman_pemenang: { amount: 1, unit: "hours" },
    // Perpres 16/2018: sanggah within 5 calendar days of the winner announcement.
    sanggah: { amount: 5, unit: "calendar_days" },
    sppbj: { amount: 1, unit: "working_days" },
    kontrak: { amount: 1, unit: "working_days" },
    // Prequalification, two files: the qualification round and the two openings.
    pengumuman_prakualifikasi: { amount: 3, unit: "working_days" },
    download_dokumen_kualifikasi: { amount: 3, unit: "working_days" },
    penjelasan_kualifikasi: { amount: 1, unit: "working_days" },
    upload_dokumen_kualifikasi: { amount: 3, unit: "working_days" },
    evaluasi_kualifikasi: { amount: 1, unit: "working_days" },
    penetapan_hasil_kualifikasi: { amount: 1, unit: "hours" },
    pengumuman_hasil_kualifikasi: { amount: 1, unit: "hours" },
    sanggah_kualifikasi: { amount: 5, unit: "calendar_days" },
    pembukaan_file_1: { amount: 1, unit: "working_days" },
    pengumuman_file_1: { amount: 1, unit: "hours" },
    pembukaan_file_2: { amount: 1, unit: "working_days" },
  },
  security: { lockoutThreshold: 5, lockoutMinutes: 15, sessionHours: 8, tenderKeyEscrow: false, rateLimits: DEFAULT_RATE_LIMITS },
  procurementRules: DEFAULT_PROCUREMENT_RULES,
  uploadLimits: DEFAULT_UPLOAD_LIMITS,
  backups: DEFAULT_BACKUP_SCHEDULE,
  registers: DEFAULT_REGISTER_SETTINGS,
  operations: DEFAULT_OPERATIONS_SETTINGS,
};


const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, bilingual("harus berformat TTTT-BB-HH", "must be YYYY-MM-DD"))
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
    message: bilingual("bukan tanggal yang ada", "is not a real date"),
  });

/** A real calendar date, YYYY-MM-DD (holidays, contract dates). */
export const CalendarDateSchema = isoDate;

export const HolidaySchema = z.strictObject({
  date: isoDate,
  name: z.string().trim().min(2).max(200),
  kind: z.enum(["national", "cuti_bersama"]),
});
export type Holiday = z.infer<typeof HolidaySchema>;

export const HolidayListSchema = z.object({ items: z.array(HolidaySchema) });
export const HolidayQuerySchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const HolidayParamsSchema = z.strictObject({ date: isoDate });

export const PublicLpseSchema = z.object({
  name: z.string(),
  region: z.string(),
  timeZone: TimeZoneSchema,
  ianaZone: z.string(),
  serverTime: z.string(),
  setupNeeded: z.boolean(),
});
