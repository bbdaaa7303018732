import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { fieldError, notFound } from "../../server/errors.js";
import { authorize } from "../../server/http.js";
import { CURRENT_CATALOG_VERSION, catalogVersion, findCriterion } from "./catalog/index.js";
import { canManagePeers } from "./peers.policy.js";
import * as peers from "./peers.repository.js";
import * as repo from "./templates.repository.js";
import { addEvidence } from "./standards.service.js";

export interface NewTemplate {
  peerId: string | null;
  title: string;
  criterionCode: string;
  description: string;
  file: { name: string; contentType: string; size: number; sha256: string };
}

/** Check who may publish before the file is stored. */
export function assertMayPublish(actor: Actor): void {
  authorize(canManagePeers(actor));
}

/** Publish a template (this LPSE's own, or one a peer published, recorded here for copying). */
export async function publishTemplate(db: Kysely<DB>, actor: Actor, input: NewTemplate, now: Date): Promise<string> {
  assertMayPublish(actor);
  const found = findCriterion(catalogVersion(CURRENT_CATALOG_VERSION) ?? { version: 0, title: { id: "", en: "" }, basis: "", standards: [] }, input.criterionCode);
  if (!found) throw fieldError("query.criterionCode", { id: "tidak ada dalam katalog", en: "is not in the catalog" });
  return db.transaction().execute(async (trx) => {
    if (input.peerId && !(await peers.findPeer(trx, input.peerId))) throw fieldError("query.peerId", { id: "LPSE mitra tidak dikenal", en: "is not a known peer LPSE" });
    const id = randomUUID();
    await repo.insertTemplate(trx, {
      id, peer_id: input.peerId, title: input.title, standard_code: found.standard.code, criterion_code: input.criterionCode, description: input.description,
      file_name: input.file.name, content_type: input.file.contentType, size: input.file.size, sha256: input.file.sha256, published_by: actor.id, published_at: now.toISOString(),
    });
    await appendEvent(trx, { actorId: actor.id, type: "standards.template_published", subject: { type: "standard_template", id }, payload: { peerId: input.peerId, title: input.title, criterionCode: input.criterionCode, sha256: input.file.sha256 } }, now);
    return id;
  });
}

/**
 * Copy a template into one of this LPSE's open cycles as evidence for the matching criterion. The file is
 * content-addressed, so the copy shares its bytes; the criterion's status is untouched: the team still
 * decides whether the adopted document meets it.
 */
export async function copyTemplate(db: Kysely<DB>, actor: Actor, templateId: string, cycleId: string, now: Date) {
  const template = await repo.findTemplate(db, templateId);
  if (!template) throw notFound({ id: "Templat tidak ditemukan", en: "Template not found" });
  const source = template.peer_name ?? "LPSE sendiri";
  const row = await addEvidence(
    db, actor, cycleId, template.criterion_code,
    { kind: "file", title: `Templat ${source}: ${template.title}`, url: null, contentType: template.content_type, size: template.size, sha256: template.sha256 },
    now,
  );
  return { ...template, evidenceId: row.id };
}
