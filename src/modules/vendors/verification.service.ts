import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { appendEvent } from "../../log/event-log.js";
import type { AppDeps } from "../../server/app.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { notifyUser } from "../notifications/notifications.service.js";
import { formatNpwp } from "./identifiers.js";
import * as repo from "./vendors.repository.js";
import type { VerificationDecisionSchema, VendorStatus } from "./vendors.schemas.js";

/** The Verifikator's queue: vendors in a status, oldest submission first, with changes since verification. */
export async function verificationQueue(deps: AppDeps, status: VendorStatus) {
  const db = deps.database.db;
  const rows = await repo.listVendorsByStatus(db, status);
  return Promise.all(
    rows.map(async (v) => ({
      id: v.id,
      name: v.name,
      businessForm: v.business_form,
      npwpFormatted: formatNpwp(v.npwp),
      status: v.status as VendorStatus,
      submittedAt: v.submitted_at,
      verifiedAt: v.verified_at,
      changesSinceVerification: await repo.countChangesSince(db, v.id, v.verified_at),
    })),
  );
}

/**
 * Approve or reject a submitted vendor after checking the originals in person or by video call.
 * The decision, its mode and reason are kept as history; the vendor's users are told by inbox and email.
 */
export async function decideVerification(deps: AppDeps, actor: Actor, vendorId: string, input: z.infer<typeof VerificationDecisionSchema>) {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const vendor = await repo.findVendor(trx, vendorId);
    if (!vendor) throw new AppError("NOT_FOUND", { id: "Penyedia tidak ditemukan", en: "Vendor not found" });
    if (vendor.status !== "submitted") {
      throw new AppError("CONFLICT", {
        id: `Penyedia tidak sedang menunggu verifikasi (status: ${vendor.status})`,
        en: `The vendor is not waiting for verification (status: ${vendor.status})`,
      });
    }
    const approved = input.decision === "approve";
    const at = now.toISOString();
    await repo.insertVerification(trx, { id: randomUUID(), vendor_id: vendorId, verifier_id: actor.id, decision: approved ? "approved" : "rejected", mode: input.mode, reason: input.reason, created_at: at });
    await repo.updateVendor(trx, vendorId, approved ? { status: "verified", verified_at: at, rejection_reason: null, updated_at: at } : { status: "rejected", rejection_reason: input.reason, updated_at: at });
    await appendEvent(
      trx,
      { actorId: actor.id, type: approved ? "vendor.verified" : "vendor.rejected", subject: { type: "vendor", id: vendorId }, payload: { mode: input.mode, reason: input.reason, name: vendor.name }, visibility: approved ? "public" : "internal" },
      now,
    );
    const title = approved
      ? { id: "Pendaftaran penyedia disetujui", en: "Vendor registration approved" }
      : { id: "Pendaftaran penyedia ditolak", en: "Vendor registration rejected" };
    const reason = input.reason.replace(/[.\s]+$/, "");
    const body = approved
      ? { id: `${vendor.name} sudah terverifikasi dan dapat mengikuti tender.`, en: `${vendor.name} is verified and can take part in tenders.` }
      : { id: `Alasan: ${reason}. Perbaiki data lalu ajukan lagi.`, en: `Reason: ${reason}. Correct the data and submit again.` };
    for (const user of await repo.listVendorUserIds(trx, vendorId)) {
      await notifyUser(trx, { userId: user.id, kind: approved ? "vendor.verified" : "vendor.rejected", title, body, link: "/app/penyedia", email: true }, now, { publicUrl: deps.config.publicUrl });
    }
    return (await repo.findVendor(trx, vendorId)) ?? vendor;
  });
}

/** Verification history of one vendor, newest first. */
export async function verificationHistory(deps: AppDeps, vendorId: string) {
  const rows = await repo.listVerifications(deps.database.db, vendorId);
  return rows.map((r) => ({ id: r.id, decision: r.decision as "approved" | "rejected", mode: r.mode as "in_person" | "video_call", reason: r.reason, verifierName: r.verifier_name, createdAt: r.created_at }));
}

/** Changes to the vendor's data since it was last verified (all changes if never verified). */
export async function vendorChanges(deps: AppDeps, vendorId: string) {
  const vendor = await repo.findVendor(deps.database.db, vendorId);
  if (!vendor) throw new AppError("NOT_FOUND", { id: "Penyedia tidak ditemukan", en: "Vendor not found" });
  const events = await repo.vendorChangeEvents(deps.database.db, vendorId, vendor.verified_at);
  return events.map((e) => ({ index: e.idx, time: e.time, type: e.type, actorId: e.actor_id, changes: JSON.parse(e.payload) as unknown }));
}
