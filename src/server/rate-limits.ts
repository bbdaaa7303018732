import type { AppDeps } from "./app.js";
import { getSettings } from "../modules/settings/settings.service.js";
import { DEFAULT_RATE_LIMITS, type RateLimitKind } from "../modules/settings/settings.schemas.js";

/**
 * A route's rate limit (requests per minute per client address) read from the LPSE's security settings
 * at each request, so an administrator can tighten it during an attack without a restart. The 429 is
 * built by the plugin's errorResponseBuilder in app.ts (problem+json, Indonesian and English).
 */
export function settingsRateLimit(deps: AppDeps, kind: RateLimitKind) {
  return {
    max: async () => (await getSettings(deps.database.db)).security.rateLimits?.[kind] ?? DEFAULT_RATE_LIMITS[kind],
    timeWindow: "1 minute",
  } as const;
}
