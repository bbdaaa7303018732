import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError, fieldError } from "../../server/errors.js";
import { authorize } from "../../server/http.js";
import { formatRupiah, parseRupiah, rupiahString } from "../packages/money.js";
import { recordRelease } from "../ocds/ocds.service.js";
import { ZONE_OFFSET_HOURS } from "../settings/calendar.js";
import { getSettings } from "../settings/settings.service.js";
import type { PublicationContext } from "../tenders/publication-context.js";
import { loadTender } from "../tenders/participation.service.js";
import { assertInStage } from "../tenders/stages.js";
import { readSchedule } from "../tenders/tenders.repository.js";

const RECORDING = { id: "Mencatat penandatanganan kontrak", en: "Recording the contract signing" };

export interface ContractInput {
  contractNumber: string;
  value: string;
  signedOn: string;
  startsOn: string;
  endsOn: string;
}

/**
 * The PPK records the signed contract during Penandatanganan Kontrak: at most the award value, signed
 * and started on or after the SPPBJ date, ending after it starts. Public, with an OCDS contract release.
 */
export async function recordContract(db: Kysely<DB>, actor: Actor, tenderCode: string, input: ContractInput, now: Date, context: PublicationContext) {
  const tender = await loadTender(db, tenderCode);
  authorize(actor.role === "ppk" && tender.ppk_id === actor.id);
  const { timeZone } = await getSettings(db);
  assertInStage(await readSchedule(db, tender.id), ["kontrak"], now, timeZone, RECORDING);
  const award = await db.selectFrom("awards").selectAll().where("package_id", "=", tender.id).executeTakeFirst();
  if (!award) throw new AppError("CONFLICT", { id: "SPPBJ belum diterbitkan", en: "The award letter has not been issued yet" });
  const valueSen = parseRupiah(input.value) ?? 0n;
  if (valueSen <= 0n || valueSen > BigInt(award.value_sen)) {
    const max = formatRupiah(BigInt(award.value_sen));
    throw fieldError("body.value", { id: `nilai kontrak paling besar nilai SPPBJ (${max})`, en: `the contract value is at most the award value (${max})` });
  }
  const awardDate = new Date(Date.parse(award.issued_at) + ZONE_OFFSET_HOURS[timeZone] * 3_600_000).toISOString().slice(0, 10);
  const today = new Date(now.getTime() + ZONE_OFFSET_HOURS[timeZone] * 3_600_000).toISOString().slice(0, 10);
  if (input.signedOn < awardDate || input.signedOn > today) {
    throw fieldError("body.signedOn", { id: `tanggal tanda tangan antara tanggal SPPBJ (${awardDate}) dan hari ini`, en: `the signing date is between the award letter date (${awardDate}) and today` });
  }
  if (input.startsOn < awardDate) throw fieldError("body.startsOn", { id: `tanggal mulai tidak sebelum tanggal SPPBJ (${awardDate})`, en: `the start date is not before the award letter date (${awardDate})` });
  if (input.endsOn <= input.startsOn) throw fieldError("body.endsOn", { id: "tanggal selesai setelah tanggal mulai", en: "the end date is after the start date" });
  await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom("contracts").select("package_id").where("package_id", "=", tender.id).executeTakeFirst()) {
      throw new AppError("CONFLICT", { id: "Kontrak sudah dicatat", en: "The contract has been recorded already" });
    }
    await trx
      .insertInto("contracts")
      .values({ package_id: tender.id, vendor_id: award.vendor_id, contract_number: input.contractNumber, value_sen: Number(valueSen), signed_on: input.signedOn, starts_on: input.startsOn, ends_on: input.endsOn, recorded_by: actor.id, recorded_at: now.toISOString() })
      .execute();
    await appendEvent(
      trx,
      { actorId: actor.id, type: "tender.contract_signed", subject: { type: "package", id: tender.id }, payload: { tenderCode, contractNumber: input.contractNumber, value: rupiahString(valueSen), signedOn: input.signedOn, startsOn: input.startsOn, endsOn: input.endsOn }, visibility: "public" },
      now,
    );
    await recordRelease(trx, { packageId: tender.id, tag: ["contract"] }, now, context);
  });
  return publicContract(db, tenderCode);
}

export async function publicContract(db: Kysely<DB>, tenderCode: string) {
  const tender = await loadTender(db, tenderCode);
  const row = await db
    .selectFrom("contracts")
    .innerJoin("vendors", "vendors.id", "contracts.vendor_id")
    .select(["contracts.contract_number", "contracts.value_sen", "contracts.signed_on", "contracts.starts_on", "contracts.ends_on", "vendors.name as vendor_name"])
    .where("contracts.package_id", "=", tender.id)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { id: "Kontrak belum dicatat", en: "The contract has not been recorded yet" });
  return { tenderCode, contractNumber: row.contract_number, vendorName: row.vendor_name, value: rupiahString(BigInt(row.value_sen)), signedOn: row.signed_on, startsOn: row.starts_on, endsOn: row.ends_on };
}
