import { randomUUID } from "node:crypto";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import type { AppDeps } from "../../server/app.js";
import { AppError, fieldError, notFound } from "../../server/errors.js";
import { parseRupiah } from "../packages/money.js";
import { findAsset } from "../registers/assets.repository.js";
import * as repo from "./compliance.repository.js";
import type { InstallationInput, LicenceInput, RegulationInput } from "./compliance.schemas.js";

type Deps = Pick<AppDeps, "database" | "clock">;

export const REGULATION_NOT_FOUND = { id: "Peraturan tidak ditemukan", en: "Regulation not found" };
export const LICENCE_NOT_FOUND = { id: "Lisensi perangkat lunak tidak ditemukan", en: "Software licence not found" };
const INSTALLATION_NOT_FOUND = { id: "Pemasangan lisensi tidak ditemukan", en: "Licence installation not found" };

function regulationColumns(input: RegulationInput) {
  return {
    title: input.title,
    number: input.number,
    kind: input.kind,
    issued_on: input.issuedOn,
    valid_until: input.validUntil ?? null,
    review_on: input.reviewOn ?? null,
    status: input.status,
    replaced_by: input.replacedBy ?? null,
    link: input.link ?? null,
    notes: input.notes ?? null,
  };
}

// ---- regulations (standard 1.3, standard 16.1)

export async function recordRegulation(deps: Deps, actor: Actor, input: RegulationInput): Promise<string> {
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    const row = { id, ...regulationColumns(input), created_by: actor.id, created_at: now.toISOString(), updated_at: now.toISOString() };
    await repo.insertRegulation(trx, row);
    await appendEvent(trx, { actorId: actor.id, type: "compliance.regulation_recorded", subject: { type: "regulation", id }, payload: row }, now);
  });
  return id;
}

/** Replace a regulation's details (also how it is marked revoked or replaced). */
export async function updateRegulation(deps: Deps, actor: Actor, id: string, input: RegulationInput): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await repo.lockRegulation(trx, id, deps.database.dialect);
    if (!before) throw notFound(REGULATION_NOT_FOUND);
    const after = { ...regulationColumns(input), updated_at: now.toISOString() };
    await repo.updateRegulation(trx, id, after);
    await appendEvent(trx, { actorId: actor.id, type: "compliance.regulation_updated", subject: { type: "regulation", id }, payload: { before, after } }, now);
  });
}

// ---- software licences (standard 16.2)

function licenceColumns(input: LicenceInput) {
  const cost = input.cost == null ? null : parseRupiah(input.cost);
  return {
    product: input.product,
    vendor: input.vendor,
    licence_type: input.licenceType,
    seats: input.seats ?? null,
    valid_until: input.validUntil ?? null,
    cost_sen: cost === null ? null : Number(cost),
    notes: input.notes ?? null,
  };
}

export async function recordLicence(deps: Deps, actor: Actor, input: LicenceInput): Promise<string> {
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    const row = { id, ...licenceColumns(input), created_by: actor.id, created_at: now.toISOString(), updated_at: now.toISOString() };
    await repo.insertLicence(trx, row);
    await appendEvent(trx, { actorId: actor.id, type: "compliance.licence_recorded", subject: { type: "software_licence", id }, payload: { ...input } }, now);
  });
  return id;
}

export async function updateLicence(deps: Deps, actor: Actor, id: string, input: LicenceInput): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await repo.lockLicence(trx, id, deps.database.dialect);
    if (!before) throw notFound(LICENCE_NOT_FOUND);
    await repo.updateLicence(trx, id, { ...licenceColumns(input), updated_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "compliance.licence_updated", subject: { type: "software_licence", id }, payload: { before: { ...before, cost_sen: before.cost_sen === null ? null : String(before.cost_sen) }, after: { ...input } } }, now);
  });
}

/**
 * Record the licence installed on an asset of the asset register. Installing beyond the seats owned is
 * recorded all the same (it is what is installed) and shows as over-use, to be reconciled.
 */
export async function installLicence(deps: Deps, actor: Actor, licenceId: string, input: InstallationInput): Promise<string> {
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await repo.lockLicence(trx, licenceId, deps.database.dialect))) throw notFound(LICENCE_NOT_FOUND);
    const asset = await findAsset(trx, input.assetId);
    if (!asset) throw fieldError("body.assetId", { id: "aset tidak ditemukan", en: "no such asset" });
    if (await repo.findInstallationOnAsset(trx, licenceId, input.assetId)) {
      throw new AppError("CONFLICT", { id: `Lisensi ini sudah tercatat terpasang pada aset ${asset.code}`, en: `This licence is already recorded as installed on asset ${asset.code}` }, [
        { field: "body.assetId", message: { id: "sudah terpasang", en: "already installed" } },
      ]);
    }
    const row = { id, licence_id: licenceId, asset_id: input.assetId, installed_on: input.installedOn ?? null, notes: input.notes ?? null, created_by: actor.id, created_at: now.toISOString() };
    await repo.insertInstallation(trx, row);
    await appendEvent(trx, { actorId: actor.id, type: "compliance.licence_installed", subject: { type: "software_licence", id: licenceId }, payload: { ...row, asset_code: asset.code } }, now);
  });
  return id;
}

/** Remove an installation (the software was uninstalled, freeing its seat). */
export async function uninstallLicence(deps: Deps, actor: Actor, licenceId: string, installationId: string): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await repo.lockLicence(trx, licenceId, deps.database.dialect))) throw notFound(LICENCE_NOT_FOUND);
    const installation = await repo.findInstallation(trx, licenceId, installationId);
    if (!installation) throw notFound(INSTALLATION_NOT_FOUND);
    await repo.deleteInstallation(trx, installationId);
    await appendEvent(trx, { actorId: actor.id, type: "compliance.licence_uninstalled", subject: { type: "software_licence", id: licenceId }, payload: { ...installation } }, now);
  });
}
