import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";
import { TIME_ZONE_CODES } from "../../lib/format";
import { STAGE_KEYS } from "../../../../src/modules/settings/stage-keys.js";
import { publicLpseQueryKey } from "../public/public.api";

/** Stage keys in tender order, shared with the server; the server may know more, which are shown by their key. */
export { STAGE_KEYS };
export type StageKey = (typeof STAGE_KEYS)[number];

export const DURATION_UNITS = ["hours", "working_days", "calendar_days"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const StageMinimumSchema = z.object({ amount: z.number(), unit: z.enum(DURATION_UNITS) });
export type StageMinimum = z.infer<typeof StageMinimumSchema>;

const SettingsSchema = z.object({
  name: z.string(),
  region: z.string(),
  timeZone: z.enum(TIME_ZONE_CODES),
  workingHours: z.object({ start: z.string(), end: z.string() }),
  workingDays: z.array(z.number()),
  stageMinimums: z.record(z.string(), StageMinimumSchema),
  security: z.object({
    lockoutThreshold: z.number(),
    lockoutMinutes: z.number(),
    sessionHours: z.number(),
    tenderKeyEscrow: z.optional(z.boolean()),
    /** Requests per minute per client address; older servers do not send it, and a PUT without it keeps the stored limits. */
    rateLimits: z.optional(z.object({ login: z.number(), registration: z.number(), bidUpload: z.number(), publicSearch: z.number() })),
  }),
  /** Scheduled backups; older servers do not send it, and a PUT without it keeps the stored schedule. */
  backups: z.optional(z.object({ intervalHours: z.number(), keep: z.number() })),
  /** The asset and risk registers; a PUT without it keeps the stored values. */
  registers: z.optional(z.object({ assetExpiryAlertDays: z.number(), riskLowMax: z.number(), riskMediumMax: z.number() })),
  /** Capacity sampling and thresholds, the access review period; a PUT without it keeps the stored values. */
  operations: z.optional(
    z.object({ capacitySampleMinutes: z.number(), diskFreeMinPercent: z.number(), memoryMaxPercent: z.number(), cpuLoadMaxPercent: z.number(), accessReviewDays: z.number() }),
  ),
});
export type Settings = z.infer<typeof SettingsSchema>;

const settingsKey = ["settings"] as const;

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api.get("/api/v1/settings", SettingsSchema) });
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: Settings) => api.put("/api/v1/settings", SettingsSchema, settings),
    onSuccess: async (saved) => {
      queryClient.setQueryData(settingsKey, saved);
      // Name, region and zone are shown in the header and on the public home page.
      await queryClient.invalidateQueries({ queryKey: publicLpseQueryKey });
    },
  });
}

export const HOLIDAY_KINDS = ["national", "cuti_bersama"] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

const HolidaySchema = z.object({ date: z.string(), name: z.string(), kind: z.enum(HOLIDAY_KINDS) });
export type Holiday = z.infer<typeof HolidaySchema>;

const holidaysKey = ["holidays"] as const;

export function useHolidays(year: number) {
  return useQuery({
    queryKey: [...holidaysKey, year],
    queryFn: async () => (await api.get("/api/v1/holidays", z.object({ items: z.array(HolidaySchema) }), { year })).items,
    placeholderData: (previous) => previous,
  });
}

export function useAddHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    // The 201 body is not needed: the list is reloaded.
    mutationFn: (holiday: Holiday) => api.send("POST", "/api/v1/holidays", holiday),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: holidaysKey }),
  });
}

export function useDeleteHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => api.send("DELETE", `/api/v1/holidays/${encodeURIComponent(date)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: holidaysKey }),
  });
}
