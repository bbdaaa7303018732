import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import { FAILURE_REASONS, type FailureReason } from "./award-enums.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { authorize } from "../../server/http.js";
import { loadAsCommittee } from "../bids/keys.service.js";
import { quantityString, rupiahString } from "../packages/money.js";
import { findPackage, listHpsItems } from "../packages/packages.repository.js";
import type { PackageInput } from "../packages/packages.schemas.js";
import { createPackage } from "../packages/packages.service.js";
import { recordRelease } from "../ocds/ocds.service.js";
import { getSettings } from "../settings/settings.service.js";
import type { PublicationContext } from "../tenders/publication-context.js";
import { loadTender } from "../tenders/participation.service.js";
import { formatLocal, STAGE_NAMES } from "../tenders/stages.js";
import { readSchedule } from "../tenders/tenders.repository.js";

export { FAILURE_REASONS, type FailureReason };

export const FAILURE_REASON_NAMES: Record<FailureReason, { id: string; en: string }> = {
  no_bids: { id: "Tidak ada penawaran yang masuk", en: "No bids were submitted" },
  none_passed: { id: "Tidak ada peserta yang lulus evaluasi", en: "No bidder passed the evaluation" },
  all_above_hps: { id: "Seluruh penawaran di atas HPS", en: "All bids exceed the HPS" },
  collusion: { id: "Terjadi persekongkolan", en: "Collusion was found" },
  evaluation_error: { id: "Kesalahan dalam evaluasi penawaran", en: "The evaluation was done wrongly" },
};

/** The stages that open and close the time a tender may be declared failed: from the opening to the SPPBJ. */
const OPENING_STAGES = ["pembukaan", "pembukaan_file_1"] as const;

/** Whether the tender was declared failed; a failed tender names no winner and issues no SPPBJ. */
export async function assertNotFailed(db: Kysely<DB>, packageId: string): Promise<void> {
  if (await db.selectFrom("tender_failures").select("package_id").where("package_id", "=", packageId).executeTakeFirst()) {
    throw new AppError("CONFLICT", { id: "Tender ini dinyatakan gagal", en: "This tender has been declared failed" });
  }
}

/**
 * The committee declares the tender failed, from the start of the bid opening until the SPPBJ stage
 * begins (after the SPPBJ the contract is what remains). Public: event and an OCDS tenderUpdate release.
 */
export async function declareFailure(db: Kysely<DB>, actor: Actor, tenderCode: string, input: { reason: FailureReason; text: string }, now: Date, context: PublicationContext) {
  const tender = await loadAsCommittee(db, actor, tenderCode);
  const { timeZone } = await getSettings(db);
  const schedule = await readSchedule(db, tender.id);
  const opening = schedule.find((w) => (OPENING_STAGES as readonly string[]).includes(w.stage));
  const sppbj = schedule.find((w) => w.stage === "sppbj");
  if (!opening || !sppbj || now < opening.startsAt || now >= sppbj.startsAt) {
    const from = (l: "id" | "en") => (opening ? `${STAGE_NAMES[opening.stage][l]} (${formatLocal(opening.startsAt, timeZone, l)})` : STAGE_NAMES.pembukaan[l]);
    const until = (l: "id" | "en") => (sppbj ? `${STAGE_NAMES.sppbj[l]} (${formatLocal(sppbj.startsAt, timeZone, l)})` : STAGE_NAMES.sppbj[l]);
    throw new AppError("OUT_OF_STAGE", {
      id: `Tender gagal hanya dapat dinyatakan sejak ${from("id")} sampai sebelum ${until("id")}.`,
      en: `A failed tender can only be declared from ${from("en")} until ${until("en")} begins.`,
    });
  }
  await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom("awards").select("package_id").where("package_id", "=", tender.id).executeTakeFirst()) {
      throw new AppError("CONFLICT", { id: "SPPBJ sudah diterbitkan", en: "The award letter has been issued already" });
    }
    if (await trx.selectFrom("tender_failures").select("package_id").where("package_id", "=", tender.id).executeTakeFirst()) {
      throw new AppError("CONFLICT", { id: "Tender ini sudah dinyatakan gagal", en: "This tender has been declared failed already" });
    }
    await trx.insertInto("tender_failures").values({ package_id: tender.id, reason: input.reason, text: input.text, declared_by: actor.id, declared_at: now.toISOString() }).execute();
    await appendEvent(trx, { actorId: actor.id, type: "tender.failed", subject: { type: "package", id: tender.id }, payload: { tenderCode, reason: input.reason, text: input.text }, visibility: "public" }, now);
    await recordRelease(trx, { packageId: tender.id, tag: ["tenderUpdate"] }, now, context);
  });
  return publicFailure(db, tenderCode);
}

export async function publicFailure(db: Kysely<DB>, tenderCode: string) {
  const tender = await loadTender(db, tenderCode);
  const row = await db.selectFrom("tender_failures").selectAll().where("package_id", "=", tender.id).executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { id: "Tender ini tidak dinyatakan gagal", en: "This tender has not been declared failed" });
  const reason = row.reason as FailureReason;
  return { tenderCode, reason, reasonName: FAILURE_REASON_NAMES[reason], text: row.text, declaredAt: row.declared_at };
}

/**
 * Re-tender: the package's PPK makes a new draft package from the failed one, with the same HPS lines
 * and settings, through the normal package service. Documents are not copied: the PPK reviews them.
 */
export async function createRetender(db: Kysely<DB>, actor: Actor, tenderCode: string, now: Date) {
  const tender = await loadTender(db, tenderCode);
  authorize(actor.role === "ppk" && tender.ppk_id === actor.id);
  const failed = await db.selectFrom("tender_failures").select("package_id").where("package_id", "=", tender.id).executeTakeFirst();
  if (!failed) throw new AppError("CONFLICT", { id: "Hanya tender gagal yang dapat ditender ulang", en: "Only a failed tender can be re-tendered" });
  const pkg = await findPackage(db, tender.id);
  if (!pkg) throw new AppError("NOT_FOUND");
  const items = await listHpsItems(db, tender.id);
  const input = {
    rupCode: pkg.rup_code,
    name: pkg.name,
    workUnitId: pkg.work_unit_id,
    fiscalYear: pkg.fiscal_year,
    fundingSource: pkg.funding_source,
    pagu: rupiahString(BigInt(pkg.pagu_sen)),
    category: pkg.category,
    method: pkg.method,
    evaluationMethod: pkg.evaluation_method,
    qualification: pkg.qualification,
    contractType: pkg.contract_type,
    kbliCodes: JSON.parse(pkg.kbli_codes) as string[],
    qualificationRequirements: pkg.qualification_requirements,
    hpsItems: items.map((i) => ({ description: i.description, unit: i.unit, quantity: quantityString(BigInt(i.quantity_milli)), unitPrice: rupiahString(BigInt(i.unit_price_sen)) })),
  } as PackageInput;
  const { row } = await createPackage(db, actor, input, now, { retenderOf: tender.id });
  return { packageId: row.id, retenderOf: tenderCode, status: row.status };
}
