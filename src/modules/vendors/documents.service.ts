import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { appendEvent } from "../../log/event-log.js";
import type { AppDeps } from "../../server/app.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { DOCUMENT_TYPES, detectType, SNIFF_BYTES, typeClaimedByName } from "../../storage/content-type.js";
import { DEFAULT_UPLOAD_LIMITS } from "../settings/settings.schemas.js";
import { getSettings } from "../settings/settings.service.js";
import * as repo from "./vendors.repository.js";

const MEGABYTE = 1_048_576;

function unsupported(message: { id: string; en: string }): AppError {
  return new AppError("UNSUPPORTED_MEDIA_TYPE", message, [{ field: "body", message }]);
}

/**
 * Store an uploaded document: streamed to disk with its hash (never held whole in memory), then its type is
 * read from the content. A PDF named .jpg, or an executable named .pdf, is refused and nothing is recorded.
 */
export async function uploadVendorDocument(deps: AppDeps, actor: Actor, vendorId: string, input: { kind: string; name: string; body: Readable }) {
  const claimed = typeClaimedByName(input.name);
  if (!claimed) {
    throw new AppError("VALIDATION_FAILED", { id: "Nama berkas harus berakhiran .pdf, .png, .jpg atau .jpeg", en: "The file name must end in .pdf, .png, .jpg or .jpeg" }, [
      { field: "query.name", message: { id: "jenis berkas tidak diterima", en: "file type not accepted" } },
    ]);
  }
  const limits = (await getSettings(deps.database.db)).uploadLimits ?? DEFAULT_UPLOAD_LIMITS;
  const stored = await deps.fileStore.put(input.body, limits.vendorDocumentMegabytes * MEGABYTE);
  if (stored.size === 0) throw unsupported({ id: "Berkas kosong", en: "The file is empty" });
  const detected = await detectType(await deps.fileStore.head(stored.sha256, SNIFF_BYTES));
  if (!detected || !(detected in DOCUMENT_TYPES)) {
    throw unsupported({ id: `Isi berkas bukan PDF, PNG atau JPEG (terdeteksi: ${detected ?? "tidak dikenal"})`, en: `The content is not a PDF, PNG or JPEG (detected: ${detected ?? "unknown"})` });
  }
  if (detected !== claimed) {
    throw unsupported({ id: `Isi berkas adalah ${detected}, tetapi namanya menunjukkan ${claimed}`, en: `The content is ${detected}, but the name says ${claimed}` });
  }
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await repo.findVendor(trx, vendorId))) throw new AppError("NOT_FOUND", { id: "Penyedia tidak ditemukan", en: "Vendor not found" });
    await repo.insertDocument(trx, { id, vendor_id: vendorId, kind: input.kind, original_name: input.name, content_type: detected, size: stored.size, sha256: stored.sha256, uploaded_by: actor.id, uploaded_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "vendor.document_uploaded", subject: { type: "vendor", id: vendorId }, payload: { documentId: id, kind: input.kind, name: input.name, contentType: detected, size: stored.size, sha256: stored.sha256 } }, now);
  });
  return id;
}
