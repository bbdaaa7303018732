import type { Actor } from "../../server/actor.js";
import { canManageOperations, canReadOperations } from "../operations-registers/operations-registers.policy.js";

/** The LPSE administrator keeps the staff register: members, competences, certificates, trainings (standard 8). */
export function canManageStaff(actor: Actor): boolean {
  return canManageOperations(actor);
}

/** The Kepala LPSE and auditors read it, as they read the other operations registers. */
export function canReadStaff(actor: Actor): boolean {
  return canReadOperations(actor);
}
