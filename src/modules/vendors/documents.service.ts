import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { appendEvent } from "../../log/event-log.js";
import type { AppDeps } from "../../server/app.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { storeCheckedDocument } from "../../storage/checked-upload.js";
import { DEFAULT_UPLOAD_LIMITS } from "../settings/settings.schemas.js";
import { getSettings } from "../settings/settings.service.js";
import * as repo from "./vendors.repository.js";

/** Store a vendor's document (checked by content) and record it with its event. */
export async function uploadVendorDocument(deps: AppDeps, actor: Actor, vendorId: string, input: { kind: string; name: string; body: Readable }) {
  const limits = (await getSettings(deps.database.db)).uploadLimits ?? DEFAULT_UPLOAD_LIMITS;
  const stored = await storeCheckedDocument(deps.fileStore, input.name, input.body, limits.vendorDocumentMegabytes);
  const detected = stored.contentType;
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await repo.findVendor(trx, vendorId))) throw new AppError("NOT_FOUND", { id: "Penyedia tidak ditemukan", en: "Vendor not found" });
    await repo.insertDocument(trx, { id, vendor_id: vendorId, kind: input.kind, original_name: input.name, content_type: detected, size: stored.size, sha256: stored.sha256, uploaded_by: actor.id, uploaded_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "vendor.document_uploaded", subject: { type: "vendor", id: vendorId }, payload: { documentId: id, kind: input.kind, name: input.name, contentType: detected, size: stored.size, sha256: stored.sha256 } }, now);
  });
  return id;
}
