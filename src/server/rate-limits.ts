import type { FastifyRequest } from "fastify";
import type { AppDeps } from "./app.js";
import { getSettings } from "../modules/settings/settings.service.js";
import { DEFAULT_RATE_LIMITS, type RateLimitKind } from "../modules/settings/settings.schemas.js";

/**
 * Limits counted per signed-in account rather than per address: at a tender deadline many vendors send
 * from one address (an office, a provider's shared NAT) and must not share one budget; an anonymous request
 * is still counted by its address.
 */
const PER_ACCOUNT: ReadonlySet<RateLimitKind> = new Set(["bidUpload"]);

const accountOrAddress = (request: FastifyRequest) => (request.actor ? `account:${request.actor.id}` : request.ip);

/**
 * A route's rate limit (requests per minute per client address, or per account for PER_ACCOUNT) read from the LPSE's security settings
 * at each request, so an administrator can tighten it during an attack without a restart. The 429 is
 * built by the plugin's errorResponseBuilder in app.ts (problem+json, Indonesian and English).
 */
export function settingsRateLimit(deps: AppDeps, kind: RateLimitKind) {
  return {
    max: async () => (await getSettings(deps.database.db)).security.rateLimits?.[kind] ?? DEFAULT_RATE_LIMITS[kind],
    timeWindow: "1 minute",
    ...(PER_ACCOUNT.has(kind) && { keyGenerator: accountOrAddress }),
  } as const;
}
