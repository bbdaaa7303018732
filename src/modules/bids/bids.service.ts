import { randomUUID, sign } from "node:crypto";
import { Readable } from "node:stream";
import type { Kysely } from "kysely";
import { EnvelopeCheck, EnvelopeError } from "../../crypto/envelope.js";
import type { Tx } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent, type SigningKey } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import type { FileStore } from "../../storage/file-store.js";
import { DEFAULT_UPLOAD_LIMITS } from "../settings/settings.schemas.js";
import { getSettings } from "../settings/settings.service.js";
import { findParticipant } from "../tenders/participation.repository.js";
import { loadTender } from "../tenders/participation.service.js";
import { assertInStage } from "../tenders/stages.js";
import { readSchedule } from "../tenders/tenders.repository.js";
import { findVendor } from "../vendors/vendors.repository.js";
import { assertVerified } from "../vendors/vendors.service.js";
import * as repo from "./bids.repository.js";
import type { Receipt } from "./bids.schemas.js";
import { receiptText } from "./receipt-text.js";

const SUBMITTING = { id: "Mengunggah penawaran", en: "Submitting a bid" };
const WITHDRAWING = { id: "Menarik penawaran", en: "Withdrawing a bid" };

/** The vendor may bid: verified, a participant, and the committee has made the tender key. */
async function assertMayBid(db: Kysely<DB> | Tx, actor: Actor, tender: { id: string }) {
  const vendor = actor.vendorId ? await findVendor(db, actor.vendorId) : undefined;
  if (!vendor || actor.role !== "vendor") throw new AppError("FORBIDDEN");
  assertVerified(vendor);
  if (!(await findParticipant(db, tender.id, vendor.id))) {
    throw new AppError("FORBIDDEN", { id: "Daftar sebagai peserta tender ini terlebih dahulu", en: "Join this tender first" });
  }
  return vendor;
}

async function assertBiddingOpen(db: Kysely<DB> | Tx, packageId: string, now: Date, action: { id: string; en: string }) {
  const { timeZone } = await getSettings(db);
  assertInStage(await readSchedule(db, packageId), ["upload_penawaran"], now, timeZone, action);
}

export function makeReceipt(key: SigningKey, bid: { id: string; vendor_id: string; sha256: string; size: number; submitted_at: string; log_index: number }, tenderCode: string): Receipt {
  const fields = { bidId: bid.id, tenderCode, vendorId: bid.vendor_id, sha256: bid.sha256, size: Number(bid.size), receivedAt: bid.submitted_at, logIndex: bid.log_index };
  const text = receiptText(fields);
  return { ...fields, keyId: key.keyId, signature: sign(null, Buffer.from(text), key.privateKey).toString("base64"), receiptText: text };
}

async function* checked(body: Readable, check: EnvelopeCheck): AsyncGenerator<Buffer> {
  for await (const chunk of body) {
    check.push(chunk as Buffer);
    yield chunk as Buffer;
  }
}

export interface BidDeps {
  database: { db: Kysely<DB> };
  fileStore: FileStore;
  clock: { now(): Date };
  eventLog: { key: SigningKey };
}

function envelopeProblem(error: EnvelopeError): AppError {
  return new AppError("VALIDATION_FAILED", { id: `Amplop penawaran tidak valid: ${error.reason}`, en: `The bid envelope is not valid: ${error.reason}` }, [
    { field: "body", message: { id: `amplop penawaran tidak valid: ${error.reason}`, en: `not a valid bid envelope: ${error.reason}` } },
  ]);
}

/** Everything checked before any byte is taken: the vendor may bid now, the tender key exists; the size limit. */
async function prepareBid(deps: BidDeps, actor: Actor, tenderCode: string) {
  const db = deps.database.db;
  const tender = await loadTender(db, tenderCode);
  const vendor = await assertMayBid(db, actor, tender);
  await assertBiddingOpen(db, tender.id, deps.clock.now(), SUBMITTING);
  if (!(await repo.findTenderKey(db, tender.id))) {
    throw new AppError("CONFLICT", { id: "Pokja belum membuat kunci tender: penawaran belum dapat dikirim", en: "The committee has not made the tender key yet: bids cannot be sent" });
  }
  const limits = (await getSettings(db)).uploadLimits ?? DEFAULT_UPLOAD_LIMITS;
  return { tender, vendor, maxBytes: limits.bidMegabytes * 1_048_576 };
}

/**
 * The stored, checked envelope becomes the vendor's bid: one transaction checks the deadline on the
 * server's clock at this moment, replaces the earlier bid, stores the new one and appends the log event.
 * Only then is the receipt given.
 */
async function commitBid(deps: BidDeps, actor: Actor, tender: { id: string }, tenderCode: string, vendorId: string, stored: { sha256: string; size: number }, after?: (trx: Tx) => Promise<void>): Promise<Receipt> {
  return deps.database.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await assertBiddingOpen(trx, tender.id, now, SUBMITTING);
    await assertMayBid(trx, actor, tender);
    const previous = await repo.activeBid(trx, tender.id, vendorId);
    const id = randomUUID();
    const at = now.toISOString();
    if (previous) await trx.updateTable("bids").set({ status: "replaced", ended_at: at }).where("id", "=", previous.id).execute();
    const { index } = await appendEvent(
      trx,
      { actorId: actor.id, type: "bid.submitted", subject: { type: "package", id: tender.id }, payload: { tenderCode, vendorId, bidId: id, sha256: stored.sha256, size: stored.size, replaces: previous?.id ?? null } },
      now,
    );
    const row = { id, package_id: tender.id, vendor_id: vendorId, sha256: stored.sha256, size: stored.size, status: "active" as const, submitted_by: actor.id, submitted_at: at, log_index: index, ended_at: null };
    await trx.insertInto("bids").values(row).execute();
    await after?.(trx);
    return makeReceipt(deps.eventLog.key, row, tenderCode);
  });
}

/** A sealed bid in one request: the envelope streams to the file store (hashed, checked, fsynced), then commits. */
export async function submitBid(deps: BidDeps, actor: Actor, tenderCode: string, body: Readable): Promise<Receipt> {
  const { tender, vendor, maxBytes } = await prepareBid(deps, actor, tenderCode);
  const check = new EnvelopeCheck({ tenderCode, vendorId: vendor.id, maxBytes });
  let stored;
  try {
    stored = await deps.fileStore.put(Readable.from(checked(body, check)), maxBytes);
    check.finish();
  } catch (error) {
    if (error instanceof EnvelopeError) throw envelopeProblem(error);
    throw error;
  }
  return commitBid(deps, actor, tender, tenderCode, vendor.id, stored);
}

// ---------------------------------------------------------------------------------------------------
// Resumable uploads: near a deadline connections drop; what arrived stays, and the upload continues.

async function loadUpload(deps: BidDeps, actor: Actor, tenderCode: string, uploadId: string) {
  const db = deps.database.db;
  const tender = await loadTender(db, tenderCode);
  const upload = await db.selectFrom("bid_uploads").selectAll().where("id", "=", uploadId).where("package_id", "=", tender.id).executeTakeFirst();
  // Another vendor's upload does not exist for this caller.
  if (!upload || upload.vendor_id !== actor.vendorId) throw new AppError("NOT_FOUND", { id: "Unggahan tidak ditemukan", en: "Upload not found" });
  return { tender, upload };
}

/** Starts an upload of `size` bytes; the envelope follows in pieces, each appended where the last ended. */
export async function startUpload(deps: BidDeps, actor: Actor, tenderCode: string, size: number) {
  const { tender, vendor, maxBytes } = await prepareBid(deps, actor, tenderCode);
  if (size > maxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", { id: `Penawaran melebihi batas ${maxBytes / 1_048_576} MB`, en: `The bid exceeds the ${maxBytes / 1_048_576} MB limit` }, [
      { field: "body.size", message: { id: `paling besar ${maxBytes} byte`, en: `at most ${maxBytes} bytes` } },
    ]);
  }
  const id = randomUUID();
  await deps.database.db.insertInto("bid_uploads").values({ id, package_id: tender.id, vendor_id: vendor.id, size, created_by: actor.id, created_at: deps.clock.now().toISOString() }).execute();
  return { uploadId: id, offset: 0, size };
}

export async function uploadStatus(deps: BidDeps, actor: Actor, tenderCode: string, uploadId: string) {
  const { upload } = await loadUpload(deps, actor, tenderCode, uploadId);
  return { uploadId, offset: (await deps.fileStore.partialSize(uploadId)) ?? 0, size: Number(upload.size) };
}

export async function appendUpload(deps: BidDeps, actor: Actor, tenderCode: string, uploadId: string, offset: number, body: Readable) {
  const { tender, upload } = await loadUpload(deps, actor, tenderCode, uploadId);
  await assertBiddingOpen(deps.database.db, tender.id, deps.clock.now(), SUBMITTING);
  const reached = await deps.fileStore.appendPartial(uploadId, offset, body, Number(upload.size));
  return { uploadId, offset: reached, size: Number(upload.size) };
}

/** The whole envelope has arrived: checked like a single upload, moved into the store, committed. */
export async function completeUpload(deps: BidDeps, actor: Actor, tenderCode: string, uploadId: string): Promise<Receipt> {
  const { upload } = await loadUpload(deps, actor, tenderCode, uploadId);
  const { tender, vendor, maxBytes } = await prepareBid(deps, actor, tenderCode);
  const received = (await deps.fileStore.partialSize(uploadId)) ?? 0;
  if (received !== Number(upload.size)) {
    throw new AppError("CONFLICT", { id: `Unggahan belum lengkap: ${received} dari ${upload.size} byte`, en: `The upload is incomplete: ${received} of ${upload.size} bytes` });
  }
  const check = new EnvelopeCheck({ tenderCode, vendorId: vendor.id, maxBytes });
  let stored;
  try {
    stored = await deps.fileStore.promotePartial(uploadId, (chunk) => check.push(chunk));
    check.finish();
  } catch (error) {
    if (error instanceof EnvelopeError) {
      await deps.fileStore.removePartial(uploadId);
      await deps.database.db.deleteFrom("bid_uploads").where("id", "=", uploadId).execute();
      throw envelopeProblem(error);
    }
    throw error;
  }
  return commitBid(deps, actor, tender, tenderCode, vendor.id, stored, async (trx) => {
    await trx.deleteFrom("bid_uploads").where("id", "=", uploadId).execute();
  });
}

/**
 * Uploads that can never complete — their tender's bid deadline has passed — are dropped with what arrived
 * of them. Nothing acknowledged is touched: a receipt is given only for a committed bid, never for an
 * upload. Run by the server's maintenance tick; returns how many were dropped.
 */
export async function sweepAbandonedUploads(deps: Pick<BidDeps, "database" | "fileStore">, now: Date): Promise<number> {
  const db = deps.database.db;
  const stale = await db
    .selectFrom("bid_uploads")
    .innerJoin("package_schedules", "package_schedules.package_id", "bid_uploads.package_id")
    .select("bid_uploads.id")
    .where("package_schedules.stage", "=", "upload_penawaran")
    .where("package_schedules.ends_at", "<", now.toISOString())
    .execute();
  for (const { id } of stale) {
    await deps.fileStore.removePartial(id);
    await db.deleteFrom("bid_uploads").where("id", "=", id).execute();
  }
  return stale.length;
}

export async function myBid(deps: BidDeps, actor: Actor, tenderCode: string): Promise<Receipt> {
  const db = deps.database.db;
  const tender = await loadTender(db, tenderCode);
  if (actor.role !== "vendor" || !actor.vendorId) throw new AppError("FORBIDDEN");
  const bid = await repo.activeBid(db, tender.id, actor.vendorId);
  if (!bid) throw new AppError("NOT_FOUND", { id: "Anda belum mengirim penawaran untuk tender ini", en: "You have not sent a bid for this tender" });
  return makeReceipt(deps.eventLog.key, bid, tenderCode);
}

/** Withdrawal before the deadline; the envelope stays stored and in the log. */
export async function withdrawBid(deps: BidDeps, actor: Actor, tenderCode: string): Promise<void> {
  const db = deps.database.db;
  await db.transaction().execute(async (trx) => {
    const tender = await loadTender(trx, tenderCode);
    const vendor = await assertMayBid(trx, actor, tender);
    const now = deps.clock.now();
    await assertBiddingOpen(trx, tender.id, now, WITHDRAWING);
    const bid = await repo.activeBid(trx, tender.id, vendor.id);
    if (!bid) throw new AppError("NOT_FOUND", { id: "Tidak ada penawaran yang dapat ditarik", en: "There is no bid to withdraw" });
    await trx.updateTable("bids").set({ status: "withdrawn", ended_at: now.toISOString() }).where("id", "=", bid.id).execute();
    await appendEvent(trx, { actorId: actor.id, type: "bid.withdrawn", subject: { type: "package", id: tender.id }, payload: { tenderCode, vendorId: vendor.id, bidId: bid.id } }, now);
  });
}
