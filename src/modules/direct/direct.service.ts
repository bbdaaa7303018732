import type { Kysely } from "kysely";
import type { Queryable, Tx } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError, fieldError } from "../../server/errors.js";
import { authorize } from "../../server/http.js";
import { correctPrice } from "../evaluation/evaluation.rules.js";
import { isCommitteeMember } from "../packages/assignment.repository.js";
import { formatRupiah, parseRupiah, quantityString, rupiahString } from "../packages/money.js";
import { findPackage, listHpsItems } from "../packages/packages.repository.js";
import { notifyUser } from "../notifications/notifications.service.js";
import { getSettings } from "../settings/settings.service.js";
import { formatLocal } from "../tenders/stages.js";
import type { PublicationContext } from "../tenders/publication-context.js";
import { findVendor } from "../vendors/vendors.repository.js";
import { assertVerified } from "../vendors/vendors.service.js";

type Row = DB["direct_procurements"];

export function findDirect(db: Queryable, packageId: string) {
  return db.selectFrom("direct_procurements").selectAll().where("package_id", "=", packageId).executeTakeFirst();
}

/** A package under Pengadaan Langsung is fixed: its HPS and documents are what the vendor quoted against. */
export async function assertNotUnderWay(db: Queryable, packageId: string): Promise<void> {
  if (await findDirect(db, packageId)) throw new AppError("CONFLICT", { id: "Pengadaan Langsung paket ini sudah berjalan", en: "The direct procurement of this package is under way" });
}

function present(row: Row, vendorName: string) {
  return {
    vendorId: row.vendor_id,
    vendorName,
    status: row.status,
    invitedAt: row.invited_at,
    quotationDue: row.quotation_due,
    quotation: row.quotation_sen === null ? null : rupiahString(BigInt(row.quotation_sen)),
    quotedAt: row.quoted_at,
    negotiated: row.negotiated_sen === null ? null : rupiahString(BigInt(row.negotiated_sen)),
    negotiationNotes: row.negotiation_notes,
    negotiatedAt: row.negotiated_at,
    resultReason: row.result_reason,
    decidedAt: row.decided_at,
  };
}

/** The package, for its Pejabat Pengadaan: method Pengadaan Langsung, the official assigned to it. */
async function loadForOfficial(db: Queryable, actor: Actor, packageId: string) {
  const pkg = await findPackage(db, packageId);
  if (!pkg) throw new AppError("NOT_FOUND", { id: "Paket tidak ditemukan", en: "Package not found" });
  authorize(actor.role === "pejabat_pengadaan" && (await isCommitteeMember(db, pkg.id, actor.id)));
  if (pkg.method !== "pengadaan_langsung") throw new AppError("CONFLICT", { id: "Paket ini bukan Pengadaan Langsung", en: "This package is not a direct procurement (Pengadaan Langsung)" });
  return pkg;
}

/**
 * The official and the invited vendor, and those who answer for the package: its PPK, the PA/KPA of its
 * agency, and LPSE oversight (Admin PPE, auditors). Nobody else sees a direct procurement before its result.
 */
export async function directView(db: Kysely<DB>, actor: Actor, packageId: string) {
  const row = await findDirect(db, packageId);
  const pkg = await findPackage(db, packageId);
  const official = pkg !== undefined && actor.role === "pejabat_pengadaan" && (await isCommitteeMember(db, packageId, actor.id));
  const answersForIt =
    pkg !== undefined &&
    ((actor.role === "ppk" && pkg.ppk_id === actor.id) || (actor.role === "pa_kpa" && actor.agencyId === pkg.agency_id) || actor.role === "admin_ppe" || actor.role === "auditor");
  if (!row || !pkg || !(official || answersForIt || (actor.role === "vendor" && actor.vendorId === row.vendor_id))) {
    throw new AppError("NOT_FOUND", { id: "Pengadaan Langsung tidak ditemukan", en: "Direct procurement not found" });
  }
  const vendor = await findVendor(db, row.vendor_id);
  const items = presentItems(await listHpsItems(db, packageId), row.quotation_items);
  return { packageName: pkg.name, hps: rupiahString(BigInt(pkg.hps_sen)), ...present(row, vendor?.name ?? ""), items };
}

/**
 * The bill of quantities the vendor quotes against (the vendor cannot read the package itself), with the
 * quoted unit price per line once there is a quotation; the HPS unit prices stay with the official.
 */
function presentItems(lines: Awaited<ReturnType<typeof listHpsItems>>, quotationItems: string | null) {
  const quoted = new Map((quotationItems === null ? [] : (JSON.parse(quotationItems) as { hpsItemId: string; unitPrice: string }[])).map((i) => [i.hpsItemId, i.unitPrice]));
  return lines.map((line) => {
    const unitPrice = quoted.get(line.id);
    return {
      id: line.id,
      position: line.position,
      description: line.description,
      unit: line.unit,
      quantity: quantityString(BigInt(line.quantity_milli)),
      quotedUnitPrice: unitPrice === undefined ? null : rupiahString(parseRupiah(unitPrice) as bigint),
    };
  });
}

/** The vendor's invitations to direct procurements, newest first. */
export async function listInvitations(db: Kysely<DB>, actor: Actor) {
  const vendorId = actor.role === "vendor" ? actor.vendorId : null;
  authorize(vendorId !== null);
  const rows = await db
    .selectFrom("direct_procurements")
    .innerJoin("packages", "packages.id", "direct_procurements.package_id")
    .select(["direct_procurements.package_id", "packages.name", "direct_procurements.status", "direct_procurements.quotation_due", "direct_procurements.invited_at"])
    .where("direct_procurements.vendor_id", "=", vendorId ?? "")
    .orderBy("direct_procurements.invited_at", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({ packageId: r.package_id, packageName: r.name, status: r.status, quotationDue: r.quotation_due, invitedAt: r.invited_at }));
}

async function step(trx: Tx, actor: Actor, packageId: string, type: string, payload: Record<string, unknown>, now: Date, visibility: "public" | "internal" = "internal") {
  await appendEvent(trx, { actorId: actor.id, type, subject: { type: "package", id: packageId }, payload, visibility }, now);
}

/**
 * The results of direct procurements, public once decided (as SPSE announces its non-tender results): the
 * package, its agency, the HPS, and the vendor with the agreed price, or the reason it failed. Newest first;
 * filtered by agency or fiscal year. What was quoted and negotiated stays with the official and the vendor.
 */
export async function publicDirectResults(db: Queryable, filter: { agencyId?: string | undefined; fiscalYear?: number | undefined; limit: number; offset: number }) {
  let query = db
    .selectFrom("direct_procurements")
    .innerJoin("packages", "packages.id", "direct_procurements.package_id")
    .innerJoin("agencies", "agencies.id", "packages.agency_id")
    .innerJoin("vendors", "vendors.id", "direct_procurements.vendor_id")
    .where("direct_procurements.status", "in", ["awarded", "failed"]);
  if (filter.agencyId !== undefined) query = query.where("packages.agency_id", "=", filter.agencyId);
  if (filter.fiscalYear !== undefined) query = query.where("packages.fiscal_year", "=", filter.fiscalYear);
  const total = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      "packages.id as package_id",
      "packages.rup_code",
      "packages.name",
      "packages.category",
      "packages.fiscal_year",
      "packages.hps_sen",
      "agencies.name as agency_name",
      "vendors.name as vendor_name",
      "direct_procurements.status",
      "direct_procurements.negotiated_sen",
      "direct_procurements.result_reason",
      "direct_procurements.decided_at",
    ])
    .orderBy("direct_procurements.decided_at", "desc")
    .orderBy("packages.id")
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      packageId: r.package_id,
      rupCode: r.rup_code,
      name: r.name,
      category: r.category,
      fiscalYear: r.fiscal_year,
      agencyName: r.agency_name,
      hps: rupiahString(BigInt(r.hps_sen)),
      status: r.status as "awarded" | "failed",
      vendorName: r.status === "awarded" ? r.vendor_name : null,
      price: r.status === "awarded" && r.negotiated_sen !== null ? rupiahString(BigInt(r.negotiated_sen)) : null,
      reason: r.status === "failed" ? r.result_reason : null,
      decidedAt: r.decided_at ?? "",
    })),
  };
}

/** The official invites one verified vendor to quote by a due time in the future. */
export async function invite(db: Kysely<DB>, actor: Actor, packageId: string, input: { vendorId: string; quotationDue: string }, now: Date, context: PublicationContext) {
  const pkg = await loadForOfficial(db, actor, packageId);
  const vendor = await findVendor(db, input.vendorId);
  if (!vendor) throw fieldError("body.vendorId", { id: "penyedia tidak ditemukan", en: "vendor not found" });
  assertVerified(vendor);
  const due = new Date(input.quotationDue);
  if (due <= now) throw fieldError("body.quotationDue", { id: "harus setelah sekarang", en: "must be in the future" });
  const { timeZone } = await getSettings(db);
  await db.transaction().execute(async (trx) => {
    await assertNotUnderWay(trx, pkg.id);
    await trx.insertInto("direct_procurements").values({
      package_id: pkg.id, vendor_id: vendor.id, status: "invited", invited_by: actor.id, invited_at: now.toISOString(), quotation_due: due.toISOString(),
      quotation_sen: null, quotation_items: null, quoted_at: null, negotiated_sen: null, negotiation_notes: null, negotiated_at: null, result_reason: null, decided_at: null,
    }).execute();
    await step(trx, actor, pkg.id, "direct.invited", { vendorId: vendor.id, quotationDue: due.toISOString() }, now);
    const users = await trx.selectFrom("users").select("id").where("vendor_id", "=", vendor.id).where("status", "=", "active").execute();
    for (const user of users) {
      await notifyUser(
        trx,
        {
          userId: user.id,
          kind: "direct.invited",
          title: { id: `Undangan Pengadaan Langsung — ${pkg.name}`, en: `Invitation to a direct procurement — ${pkg.name}` },
          body: { id: `Kirim penawaran paling lambat ${formatLocal(due, timeZone, "id")}.`, en: `Send your quotation by ${formatLocal(due, timeZone, "en")}.` },
          link: `/app/pengadaan-langsung/${pkg.id}`,
          email: true,
        },
        now,
        { publicUrl: context.publicUrl },
      );
    }
  });
  return directView(db, actor, pkg.id);
}

/** The invited vendor quotes unit prices for the bill of quantities, before the due time; the total follows. */
export async function quote(db: Kysely<DB>, actor: Actor, packageId: string, items: { hpsItemId: string; unitPrice: string }[], now: Date) {
  const row = await findDirect(db, packageId);
  if (!row || actor.role !== "vendor" || actor.vendorId !== row.vendor_id) throw new AppError("NOT_FOUND", { id: "Pengadaan Langsung tidak ditemukan", en: "Direct procurement not found" });
  if (row.status !== "invited" && row.status !== "quoted") throw new AppError("CONFLICT", { id: "Penawaran tidak dapat diubah lagi", en: "The quotation can no longer be changed" });
  if (now >= new Date(row.quotation_due)) {
    const { timeZone } = await getSettings(db);
    throw new AppError("OUT_OF_STAGE", { id: `Batas penawaran ${formatLocal(new Date(row.quotation_due), timeZone, "id")} sudah lewat`, en: `The quotation deadline ${formatLocal(new Date(row.quotation_due), timeZone, "en")} has passed` });
  }
  const bill = (await listHpsItems(db, packageId)).map((i) => ({ id: i.id, quantityMilli: BigInt(i.quantity_milli) }));
  const unknown = items.findIndex((i) => !bill.some((b) => b.id === i.hpsItemId));
  if (unknown >= 0) throw fieldError(`body.items.${unknown}.hpsItemId`, { id: "bukan baris HPS paket ini", en: "not a line of this package's bill of quantities" });
  const corrected = correctPrice(bill, "0", items);
  if (corrected.correctedSen === null) throw fieldError("body.items", { id: "setiap baris harus diberi harga satuan", en: "every line needs a unit price" });
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("direct_procurements").set({ status: "quoted", quotation_sen: Number(corrected.correctedSen), quotation_items: JSON.stringify(items), quoted_at: now.toISOString() }).where("package_id", "=", packageId).execute();
    await step(trx, actor, packageId, "direct.quoted", { vendorId: row.vendor_id, total: rupiahString(corrected.correctedSen as bigint) }, now);
  });
  return directView(db, actor, packageId);
}

/** Clarification and negotiation: the agreed price, at most the quotation and the HPS, with the minutes. */
export async function negotiate(db: Kysely<DB>, actor: Actor, packageId: string, input: { price: string; notes: string }, now: Date) {
  const pkg = await loadForOfficial(db, actor, packageId);
  const row = await findDirect(db, pkg.id);
  if (!row || row.quotation_sen === null) throw new AppError("CONFLICT", { id: "Penyedia belum mengirim penawaran", en: "The vendor has not sent a quotation yet" });
  if (row.status === "awarded" || row.status === "failed") throw new AppError("CONFLICT", { id: "Pengadaan Langsung ini sudah diputuskan", en: "This direct procurement has been decided already" });
  if (now < new Date(row.quotation_due)) throw new AppError("OUT_OF_STAGE", { id: "Negosiasi setelah batas penawaran", en: "Negotiation comes after the quotation deadline" });
  const price = parseRupiah(input.price) as bigint;
  const ceiling = BigInt(Math.min(row.quotation_sen, pkg.hps_sen));
  if (price > ceiling) throw fieldError("body.price", { id: `paling tinggi ${formatRupiah(ceiling)} (penawaran dan HPS)`, en: `at most ${formatRupiah(ceiling)} (the quotation and the HPS)` });
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("direct_procurements").set({ status: "negotiated", negotiated_sen: Number(price), negotiation_notes: input.notes, negotiated_at: now.toISOString() }).where("package_id", "=", pkg.id).execute();
    await step(trx, actor, pkg.id, "direct.negotiated", { price: rupiahString(price), notes: input.notes }, now);
  });
  return directView(db, actor, pkg.id);
}

/** The result: awarded at the negotiated price, or failed with the reason. */
export async function decide(db: Kysely<DB>, actor: Actor, packageId: string, input: { decision: "awarded" | "failed"; reason: string }, now: Date) {
  const pkg = await loadForOfficial(db, actor, packageId);
  const row = await findDirect(db, pkg.id);
  if (!row) throw new AppError("CONFLICT", { id: "Belum ada undangan", en: "No vendor has been invited yet" });
  if (row.status === "awarded" || row.status === "failed") throw new AppError("CONFLICT", { id: "Pengadaan Langsung ini sudah diputuskan", en: "This direct procurement has been decided already" });
  if (input.decision === "awarded" && row.status !== "negotiated") throw new AppError("CONFLICT", { id: "Klarifikasi dan negosiasi belum dicatat", en: "The clarification and negotiation have not been recorded" });
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("direct_procurements").set({ status: input.decision, result_reason: input.reason, decided_at: now.toISOString() }).where("package_id", "=", pkg.id).execute();
    // The result is public, like the list of results it joins.
    const payload = { vendorId: row.vendor_id, price: row.negotiated_sen === null ? null : rupiahString(BigInt(row.negotiated_sen)), reason: input.reason };
    await step(trx, actor, pkg.id, input.decision === "awarded" ? "direct.awarded" : "direct.failed", payload, now, "public");
  });
  return directView(db, actor, pkg.id);
}
