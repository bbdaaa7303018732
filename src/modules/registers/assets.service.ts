import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Queryable, Tx } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError, fieldError } from "../../server/errors.js";
import { localDate } from "../settings/calendar.js";
import { getSettings } from "../settings/settings.service.js";
import type { RegisterSettings } from "../settings/settings.schemas.js";
import { budgetUsesOfAsset } from "../budget-suppliers/budget-suppliers.repository.js";
import { licencesOnAsset } from "../compliance/compliance.repository.js";
import * as repo from "./assets.repository.js";
import type { AssetInput } from "./registers.schemas.js";

export const assetNotFound = () => new AppError("NOT_FOUND", { id: "Aset tidak ditemukan", en: "Asset not found" });

/** The register settings and today's date in the LPSE's zone (expiry alerts and overdue tasks count in local days). */
export async function registerContext(db: Queryable, now: Date): Promise<{ settings: RegisterSettings; today: string }> {
  const s = await getSettings(db);
  return { settings: s.registers as RegisterSettings, today: localDate(now, s.timeZone) };
}

function columns(input: AssetInput) {
  return {
    code: input.code,
    name: input.name,
    type: input.type,
    owner: input.owner,
    location: input.location,
    confidentiality: input.confidentiality,
    integrity: input.integrity,
    availability: input.availability,
    acquired_on: input.acquiredOn ?? null,
    expires_on: input.expiresOn ?? null,
    notes: input.notes ?? null,
  };
}

async function refuseTakenCode(trx: Tx, code: string, exceptId: string | null): Promise<void> {
  const existing = await repo.findAssetByCode(trx, code);
  if (existing && existing.id !== exceptId) {
    throw new AppError("CONFLICT", { id: `Kode aset ${code} sudah dipakai`, en: `Asset code ${code} is already used` }, [{ field: "body.code", message: { id: "sudah dipakai", en: "already used" } }]);
  }
}

export async function createAsset(db: Kysely<DB>, actor: Actor, input: AssetInput, now: Date): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await refuseTakenCode(trx, input.code, null);
    const id = randomUUID();
    const at = now.toISOString();
    const row = { id, ...columns(input), created_by: actor.id, created_at: at, updated_at: at };
    await repo.insertAsset(trx, row);
    await appendEvent(trx, { actorId: actor.id, type: "register.asset_created", subject: { type: "asset", id }, payload: row }, now);
    return id;
  });
}

export async function updateAsset(db: Kysely<DB>, actor: Actor, id: string, input: AssetInput, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await repo.findAsset(trx, id);
    if (!before) throw assetNotFound();
    await refuseTakenCode(trx, input.code, id);
    const after = { ...columns(input), updated_at: now.toISOString() };
    await repo.updateAsset(trx, id, after);
    await appendEvent(trx, { actorId: actor.id, type: "register.asset_updated", subject: { type: "asset", id }, payload: { before: { ...before, risk_count: Number(before.risk_count) }, after } }, now);
  });
}

/** An asset with risks, licence installations, budget lines or suppliers on it stays: they would lose what they are about. */
export async function deleteAsset(db: Kysely<DB>, actor: Actor, id: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const asset = await repo.findAsset(trx, id);
    if (!asset) throw assetNotFound();
    if (Number(asset.risk_count) > 0) {
      throw new AppError("CONFLICT", { id: "Aset masih memiliki risiko; hapus atau pindahkan risikonya dahulu", en: "The asset still has risks; remove or move them first" });
    }
    const licences = (await licencesOnAsset(trx, id)).map((l) => l.product).join(", ");
    if (licences) {
      throw new AppError("CONFLICT", { id: `Aset ${asset.code} masih terpasang lisensi ${licences}; catat pelepasannya dahulu`, en: `Asset ${asset.code} still has licence ${licences} installed; record the uninstallation first` });
    }
    const budget = await budgetUsesOfAsset(trx, id);
    const uses = [...budget.lines.map((l) => `anggaran ${l}`), ...budget.suppliers.map((name) => `pemasok ${name}`)].join(", ");
    if (uses) {
      const usesEn = [...budget.lines.map((l) => `budget line ${l}`), ...budget.suppliers.map((name) => `supplier ${name}`)].join(", ");
      throw new AppError("CONFLICT", { id: `Aset ${asset.code} masih dipakai: ${uses}`, en: `Asset ${asset.code} is still in use: ${usesEn}` });
    }
    await repo.deleteAsset(trx, id);
    await appendEvent(trx, { actorId: actor.id, type: "register.asset_deleted", subject: { type: "asset", id }, payload: { code: asset.code, name: asset.name } }, now);
  });
}

/** The asset a risk names must exist; otherwise the field is wrong. */
export async function requireAssetForRisk(db: Queryable, assetId: string): Promise<void> {
  if (!(await repo.findAsset(db, assetId))) throw fieldError("body.assetId", { id: "aset tidak ditemukan", en: "no such asset" });
}
