import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { authorize } from "../../server/http.js";
import { isCommitteeMember } from "./assignment.repository.js";
import { canListPackages, canViewPackage } from "./packages.policy.js";
import { getPackage } from "./packages.service.js";

/**
 * The package if the caller may see it. Outside the caller's reach it does not exist (404); roles that
 * never see packages get 403. Also says whether the caller sits on its committee.
 */
export async function loadVisiblePackage(db: Kysely<DB>, actor: Actor, id: string) {
  authorize(canListPackages(actor));
  const row = await getPackage(db, id);
  const member = await isCommitteeMember(db, row.id, actor.id);
  if (!canViewPackage(actor, { agencyId: row.agency_id, isCommitteeMember: member })) {
    throw new AppError("NOT_FOUND", { id: "Paket tidak ditemukan", en: "Package not found" });
  }
  return { row, isCommitteeMember: member };
}
