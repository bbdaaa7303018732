import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Tx } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { DEFAULT_PROCUREMENT_RULES } from "../settings/settings.schemas.js";
import { getSettings } from "../settings/settings.service.js";
import { lineTotal, MAX_SEN, parseQuantity, parseRupiah, rupiahString } from "./money.js";
import * as repo from "./packages.repository.js";
import { packageRuleProblems } from "./packages.rules.js";
import type { PackageInput } from "./packages.schemas.js";

const packageNotFound = () => new AppError("NOT_FOUND", { id: "Paket tidak ditemukan", en: "Package not found" });

/** The HPS items priced exactly, and their sum. */
function priceItems(packageId: string, input: PackageInput): { items: repo.HpsItemRow[]; hpsSen: bigint } {
  let hpsSen = 0n;
  const items = input.hpsItems.map((item, position) => {
    const quantity = parseQuantity(item.quantity) ?? 0n;
    const unitPrice = parseRupiah(item.unitPrice) ?? 0n;
    const total = lineTotal(quantity, unitPrice);
    hpsSen += total;
    return {
      id: randomUUID(),
      package_id: packageId,
      position: position + 1,
      description: item.description,
      unit: item.unit,
      quantity_milli: Number(quantity),
      unit_price_sen: Number(unitPrice),
      total_sen: Number(total),
    };
  });
  if (hpsSen > MAX_SEN || items.some((i) => !Number.isSafeInteger(i.total_sen) || !Number.isSafeInteger(i.quantity_milli))) {
    throw new AppError("VALIDATION_FAILED", { id: "Nilai HPS terlalu besar", en: "The HPS is too large" }, [{ field: "body.hpsItems", message: { id: "terlalu besar", en: "too large" } }]);
  }
  return { items, hpsSen };
}

/** Check the regulation's rules and the work unit; throws one VALIDATION_FAILED naming every problem. */
async function checkPackage(trx: Tx, agencyId: string, input: PackageInput, hpsSen: bigint): Promise<bigint> {
  const paguSen = parseRupiah(input.pagu) ?? 0n;
  const { procurementRules } = await getSettings(trx);
  const problems = packageRuleProblems({ category: input.category, method: input.method, evaluationMethod: input.evaluationMethod, technicalWeight: input.technicalWeight, paguSen, hpsSen }, procurementRules ?? DEFAULT_PROCUREMENT_RULES);
  if (!(await repo.findWorkUnitOfAgency(trx, agencyId, input.workUnitId))) {
    problems.push({ field: "body.workUnitId", message: { id: "satuan kerja bukan milik instansi Anda", en: "the work unit is not part of your agency" } });
  }
  if (problems.length > 0) {
    const first = problems[0];
    throw new AppError("VALIDATION_FAILED", first ? { id: `${first.field}: ${first.message.id}`, en: `${first.field}: ${first.message.en}` } : undefined, problems);
  }
  return paguSen;
}

function columnsOf(input: PackageInput, paguSen: bigint, hpsSen: bigint) {
  return {
    rup_code: input.rupCode,
    name: input.name,
    work_unit_id: input.workUnitId,
    fiscal_year: input.fiscalYear,
    funding_source: input.fundingSource,
    pagu_sen: Number(paguSen),
    hps_sen: Number(hpsSen),
    category: input.category,
    method: input.method,
    evaluation_method: input.evaluationMethod,
    technical_weight: input.technicalWeight ?? null,
    qualification: input.qualification,
    contract_type: input.contractType,
    kbli_codes: JSON.stringify([...new Set(input.kbliCodes)]),
    qualification_requirements: input.qualificationRequirements,
  };
}

/** The PPK creates a draft package for its agency, with the HPS computed from its items. */
export async function createPackage(db: Kysely<DB>, actor: Actor, input: PackageInput, now: Date, options: { retenderOf?: string } = {}) {
  const agencyId = actor.agencyId;
  if (!agencyId) throw new AppError("FORBIDDEN");
  return db.transaction().execute(async (trx) => {
    const id = randomUUID();
    const { items, hpsSen } = priceItems(id, input);
    const paguSen = await checkPackage(trx, agencyId, input, hpsSen);
    const at = now.toISOString();
    await repo.insertPackage(trx, { id, agency_id: agencyId, ppk_id: actor.id, ...columnsOf(input, paguSen, hpsSen), status: "draft", hps_set_at: at, retender_of: options.retenderOf ?? null, tender_code: null, published_at: null, created_at: at, updated_at: at });
    await repo.replaceHpsItems(trx, id, items);
    await appendEvent(trx, { actorId: actor.id, type: "package.created", subject: { type: "package", id }, payload: { ...input, hps: rupiahString(hpsSen), ...(options.retenderOf && { retenderOf: options.retenderOf }) } }, now);
    const row = await repo.findPackage(trx, id);
    if (!row) throw packageNotFound();
    return { row, items };
  });
}

/** Replace a draft package; the HPS date moves only when the HPS itself changes. */
export async function updatePackage(db: Kysely<DB>, actor: Actor, id: string, input: PackageInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findPackage(trx, id);
    if (!before) throw packageNotFound();
    const { items, hpsSen } = priceItems(id, input);
    const paguSen = await checkPackage(trx, before.agency_id, input, hpsSen);
    const at = now.toISOString();
    const oldItems = await repo.listHpsItems(trx, id);
    const hpsChanged = BigInt(before.hps_sen) !== hpsSen || JSON.stringify(oldItems.map(({ id: _, ...rest }) => rest)) !== JSON.stringify(items.map(({ id: _, ...rest }) => rest));
    await repo.updatePackage(trx, id, { ...columnsOf(input, paguSen, hpsSen), updated_at: at, ...(hpsChanged && { hps_set_at: at }) });
    await repo.replaceHpsItems(trx, id, items);
    await appendEvent(trx, { actorId: actor.id, type: "package.updated", subject: { type: "package", id }, payload: { ...input, hps: rupiahString(hpsSen), hpsChanged } }, now);
    const row = await repo.findPackage(trx, id);
    if (!row) throw packageNotFound();
    return { row, items };
  });
}

export async function getPackage(db: Kysely<DB>, id: string) {
  const row = await repo.findPackage(db, id);
  if (!row) throw packageNotFound();
  return row;
}
