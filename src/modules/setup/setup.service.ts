import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { AppError } from "../../server/errors.js";
import { getSettings, updateSettings } from "../settings/settings.service.js";
import { countUsersWithRole } from "../users/users.repository.js";
import { assertPasswordPolicy, createUser } from "../users/users.service.js";
import type { SetupInput } from "./setup.schemas.js";

/** First run: true while no LPSE administrator exists. */
export async function setupNeeded(db: Kysely<DB>): Promise<boolean> {
  return (await countUsersWithRole(db, "admin_ppe")) === 0;
}

/**
 * Name the LPSE and create the first Admin PPE. Works only while no administrator exists; the check
 * is repeated by the unique email and by createUser's transaction, and a lost race ends in CONFLICT.
 */
export async function runSetup(db: Kysely<DB>, input: SetupInput, now: Date): Promise<void> {
  if (!(await setupNeeded(db))) {
    throw new AppError("CONFLICT", { id: "OpenLPSE sudah disiapkan: Admin PPE sudah ada", en: "OpenLPSE is already set up: an Admin PPE exists" });
  }
  assertPasswordPolicy(input.admin.password, "body.admin.password", { email: input.admin.email, name: input.admin.name });
  await createUser(db, null, { ...input.admin, role: "admin_ppe" }, now, "body.admin");
  const settings = await getSettings(db);
  await updateSettings(db, null, { ...settings, name: input.lpseName, region: input.region, timeZone: input.timeZone }, now);
}
