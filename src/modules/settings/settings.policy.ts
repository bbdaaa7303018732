import type { Actor } from "../../server/actor.js";

export function canEditSettings(actor: Actor): boolean {
  return actor.role === "admin_ppe";
}

/** Staff read the settings (zone, calendar, stage minimums) to plan schedules; vendors see public pages. */
export function canViewSettings(actor: Actor): boolean {
  return actor.role !== "vendor";
}
