import { randomUUID } from "node:crypto";
import type { KeyObject } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError, fieldError } from "../../server/errors.js";
import { authorize } from "../../server/http.js";
import { getSettings } from "../settings/settings.service.js";
import { catalogVersion } from "./catalog/index.js";
import { canManagePeers } from "./peers.policy.js";
import * as peers from "./peers.repository.js";
import type { RecordVisitSchema, SignedSummarySchema } from "./peers.schemas.js";
import { type AssessmentSummary, keyIdOfRaw, publicKeyFromRaw, type SignedSummary, SUMMARY_FORMAT, signSummary, summaryDocument, verifySummary } from "./peers.summary.js";
import { metStandards } from "./results.js";
import * as repo from "./standards.repository.js";
import { catalogOf, loadVisibleCycle } from "./standards.service.js";

/** The signed summary of one of this LPSE's signed-off cycles, for another installation to import. */
export async function exportSummary(db: Queryable, actor: Actor, cycleId: string, key: KeyObject): Promise<SignedSummary> {
  const { cycle } = await loadVisibleCycle(db, actor, cycleId);
  if (cycle.status !== "signed_off" || !cycle.signed_off_at) {
    throw new AppError("CONFLICT", { id: "Ringkasan hanya tersedia untuk siklus yang sudah disahkan", en: "A summary exists only for a signed-off cycle" });
  }
  const catalog = catalogOf(cycle);
  const [assessments, lkpp, settings] = await Promise.all([repo.listAssessments(db, cycle.id), repo.listLkpp(db, cycle.id), getSettings(db)]);
  const met = metStandards(catalog, new Map(assessments.map((a) => [a.criterion_code, a.status])));
  const summary: AssessmentSummary = {
    format: SUMMARY_FORMAT,
    lpse: { name: settings.name, region: settings.region },
    period: cycle.period,
    catalogVersion: cycle.catalog_version,
    signedOffAt: cycle.signed_off_at,
    metCount: met.size,
    standardCount: catalog.standards.length,
    standards: catalog.standards.map((s) => {
      const l = lkpp.find((v) => v.standard_code === s.code);
      return { code: s.code, met: met.has(s.code), lkpp: l ? { result: l.result, letterNumber: l.letter_number, letterDate: l.letter_date } : null };
    }),
  };
  return signSummary(summary, key);
}

const refused = (field: string, id: string, en: string) => fieldError(field, { id, en });

/** Every check a summary must pass before it is stored; each refusal names the field at fault. */
function checkSignedSummary(input: SignedSummary, ownName: string): void {
  const key = publicKeyFromRaw(input.publicKey);
  if (!key) throw refused("body.publicKey", "bukan kunci publik Ed25519 (32 bita, base64)", "is not an Ed25519 public key (32 bytes, base64)");
  if (keyIdOfRaw(input.publicKey) !== input.keyId) throw refused("body.keyId", "tidak sesuai dengan kunci publik", "does not match the public key");
  if (!verifySummary(input.summary, key, input.signature)) {
    throw refused("body.signature", "tidak cocok dengan ringkasan: ringkasan diubah setelah ditandatangani atau ditandatangani kunci lain", "does not match the summary: it was changed after signing or signed with another key");
  }
  const { summary } = input;
  const catalog = catalogVersion(summary.catalogVersion);
  if (!catalog) throw refused("body.summary.catalogVersion", "versi katalog tidak dikenal", "is not a known catalog version");
  const codes = summary.standards.map((s) => s.code);
  if (codes.length !== catalog.standards.length || catalog.standards.some((s) => !codes.includes(s.code))) {
    throw refused("body.summary.standards", "harus memuat setiap standar katalog tepat satu kali", "must list every standard of the catalog exactly once");
  }
  if (summary.standardCount !== catalog.standards.length) throw refused("body.summary.standardCount", "tidak sama dengan jumlah standar katalog", "differs from the catalog's number of standards");
  if (summary.metCount !== summary.standards.filter((s) => s.met).length) throw refused("body.summary.metCount", "tidak sama dengan jumlah standar yang terpenuhi", "differs from the number of standards met");
  if (summary.lpse.name === ownName) throw refused("body.summary.lpse.name", "adalah LPSE instalasi ini sendiri", "is this installation's own LPSE");
}

/**
 * Store a peer's signed summary. The first signed summary of a peer pins its key; later ones must be signed
 * with the same key, so nobody can speak for a known LPSE with a key of their own.
 */
export async function importSummary(db: Kysely<DB>, actor: Actor, input: z.infer<typeof SignedSummarySchema>, now: Date): Promise<string> {
  authorize(canManagePeers(actor));
  const settings = await getSettings(db);
  checkSignedSummary(input, settings.name);
  const { summary } = input;
  return db.transaction().execute(async (trx) => {
    let peer = await peers.findPeerByName(trx, summary.lpse.name);
    if (peer?.key_id && peer.key_id !== input.keyId) {
      throw refused("body.publicKey", "bukan kunci yang menandatangani ringkasan LPSE ini sebelumnya", "is not the key this LPSE's earlier summaries were signed with");
    }
    if (!peer) {
      peer = { id: randomUUID(), name: summary.lpse.name, region: summary.lpse.region, key_id: null, public_key: null, added_by: actor.id, added_at: now.toISOString() };
      await peers.insertPeer(trx, peer);
      await appendEvent(trx, { actorId: actor.id, type: "standards.peer_added", subject: { type: "lpse_peer", id: peer.id }, payload: { name: peer.name, region: peer.region } }, now);
    }
    if (!peer.key_id) await peers.pinPeerKey(trx, peer.id, input.keyId, input.publicKey);
    if (await peers.findSummary(trx, peer.id, summary.period)) {
      throw new AppError("CONFLICT", { id: `Ringkasan periode ${summary.period} untuk LPSE ini sudah diimpor`, en: `A summary for period ${summary.period} of this LPSE was imported already` });
    }
    const id = randomUUID();
    await peers.insertSummary(trx, {
      id, peer_id: peer.id, period: summary.period, catalog_version: summary.catalogVersion, signed_off_at: summary.signedOffAt, met_count: summary.metCount,
      standard_count: summary.standardCount, standards: JSON.stringify(summary.standards), source: "signed", signed_document: summaryDocument(summary),
      signature: input.signature, imported_by: actor.id, imported_at: now.toISOString(),
    });
    await appendEvent(trx, { actorId: actor.id, type: "standards.peer_summary_imported", subject: { type: "lpse_peer", id: peer.id }, payload: { period: summary.period, metCount: summary.metCount, keyId: input.keyId } }, now);
    return peer.id;
  });
}

/** Record a study visit and the follow-up actions it produced; a linked finding must exist. */
export async function recordVisit(db: Kysely<DB>, actor: Actor, input: z.infer<typeof RecordVisitSchema>, now: Date): Promise<string> {
  authorize(canManagePeers(actor));
  return db.transaction().execute(async (trx) => {
    if (!(await peers.findPeer(trx, input.peerId))) throw refused("body.peerId", "LPSE mitra tidak dikenal", "is not a known peer LPSE");
    const findingIds = input.actions.flatMap((a) => (a.findingId ? [a.findingId] : []));
    const found = await peers.findingsByIds(trx, findingIds);
    const missing = input.actions.findIndex((a) => a.findingId && !found.some((f) => f.id === a.findingId));
    if (missing >= 0) throw refused(`body.actions.${missing}.findingId`, "temuan tidak ditemukan", "is not a finding of any cycle");
    const id = randomUUID();
    const at = now.toISOString();
    await peers.insertVisit(
      trx,
      { id, direction: input.direction, peer_id: input.peerId, visited_on: input.visitedOn, participants: input.participants, standards: JSON.stringify([...new Set(input.standards)]), notes: input.notes, recorded_by: actor.id, recorded_at: at },
      input.actions.map((a, position) => ({ id: randomUUID(), visit_id: id, position, description: a.description, finding_id: a.findingId ?? null, recorded_at: at })),
    );
    await appendEvent(trx, { actorId: actor.id, type: "standards.study_visit_recorded", subject: { type: "study_visit", id }, payload: { peerId: input.peerId, direction: input.direction, visitedOn: input.visitedOn, standards: input.standards, actions: input.actions.length } }, now);
    return id;
  });
}
