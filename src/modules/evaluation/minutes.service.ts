import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { authorize } from "../../server/http.js";
import * as bids from "../bids/bids.repository.js";
import { findAssignment, isCommitteeMember } from "../packages/assignment.repository.js";
import { SCORED_EVALUATION_METHODS, WEIGHTED_EVALUATION_METHODS } from "../packages/package-enums.js";
import { getSettings } from "../settings/settings.service.js";
import { loadTender } from "../tenders/participation.service.js";
import { formatLocal } from "../tenders/stages.js";
import { readSchedule } from "../tenders/tenders.repository.js";
import { canIssueMinutes, canReadMinutes } from "./evaluation.policy.js";
import { evaluationView } from "./evaluation.service.js";
import { type MinutesFacts, type MinutesKind, minutesDocument, minutesHash, renderMinutesContent } from "./minutes.document.js";
import * as repo from "./minutes.repository.js";

type Tender = Awaited<ReturnType<typeof loadTender>>;

/** The tender if the caller may read its minutes and they can exist yet (after the opening; the BAHP after the winner). */
async function loadForMinutes(db: Kysely<DB>, actor: Actor, tenderCode: string, kind: MinutesKind, allowed: typeof canReadMinutes) {
  const tender = await loadTender(db, tenderCode);
  authorize(allowed(actor, { agencyId: tender.agency_id, isCommitteeMember: await isCommitteeMember(db, tender.id, actor.id) }));
  if (!(await bids.findOpening(db, tender.id))) throw new AppError("CONFLICT", { id: "Penawaran belum dibuka: belum ada berita acara evaluasi", en: "The bids have not been opened yet: there are no evaluation minutes" });
  const result = await repo.findResult(db, tender.id);
  if (kind === "hasil_pemilihan" && !result) throw new AppError("CONFLICT", { id: "Pemenang belum ditetapkan: belum ada berita acara hasil pemilihan", en: "The winner has not been named yet: there are no selection minutes" });
  return { tender, result };
}

async function gatherFacts(db: Kysely<DB>, tender: Tender, kind: MinutesKind, result: Awaited<ReturnType<typeof repo.findResult>>, now: Date): Promise<MinutesFacts> {
  const settings = await getSettings(db);
  const view = await evaluationView(db, tender, now);
  const assignment = await findAssignment(db, tender.id);
  const winner = result ? view.find((b) => b.vendorId === result.winner_vendor_id) : undefined;
  return {
    kind,
    lpse: { name: settings.name, region: settings.region, timeZone: settings.timeZone },
    agencyName: tender.agency_name,
    workUnitName: tender.work_unit_name,
    packageName: tender.name,
    tenderCode: tender.tender_code ?? "",
    rupCode: tender.rup_code,
    fiscalYear: tender.fiscal_year,
    category: tender.category,
    method: tender.method,
    evaluationMethod: tender.evaluation_method,
    technicalWeight: tender.technical_weight,
    hpsSen: BigInt(tender.hps_sen),
    paguSen: BigInt(tender.pagu_sen),
    date: now,
    scored: (SCORED_EVALUATION_METHODS as readonly string[]).includes(tender.evaluation_method),
    combined: (WEIGHTED_EVALUATION_METHODS as readonly string[]).includes(tender.evaluation_method),
    findingsRequired: tender.method !== "tender_cepat",
    bidders: view.map((b) => ({ ...b, winner: b.vendorId === result?.winner_vendor_id })),
    winner: result && winner ? { vendorName: winner.vendorName, corrected: winner.corrected ?? "0", determinedAt: new Date(result.determined_at), namedBy: (await repo.namedByBudgetHolder(db, tender.id)) ? "pa_kpa" : "pokja" } : null,
    committee: { decreeNumber: assignment?.decree_number ?? null, members: assignment?.members.map((m) => m.name) ?? [] },
  };
}

/**
 * The minutes as HTML: the issued version, byte for byte with its SHA-256 printed, or a live draft
 * marked as such until the committee issues it.
 */
export async function minutesHtml(db: Kysely<DB>, actor: Actor, tenderCode: string, kind: MinutesKind, now: Date): Promise<{ html: string; sha256: string | null }> {
  const { tender, result } = await loadForMinutes(db, actor, tenderCode, kind, canReadMinutes);
  const { timeZone } = await getSettings(db);
  const issued = await repo.findMinutes(db, tender.id, kind);
  if (issued) return { html: minutesDocument(kind, issued.content, { sha256: issued.sha256, issuedAt: new Date(issued.issued_at), zone: timeZone }), sha256: issued.sha256 };
  return { html: minutesDocument(kind, renderMinutesContent(await gatherFacts(db, tender, kind, result, now)), null), sha256: null };
}

/** The evaluation is final once the winner is named or the evaluation windows (Evaluasi, Pembuktian) are over. */
async function assertEvaluationOver(db: Kysely<DB>, tender: Tender, hasResult: boolean, now: Date) {
  if (hasResult) return;
  const windows = (await readSchedule(db, tender.id)).filter((w) => w.stage === "evaluasi" || w.stage === "pembuktian");
  const end = windows.reduce<Date | null>((last, w) => (last === null || w.endsAt > last ? w.endsAt : last), null);
  if (end === null || now < end) {
    const { timeZone } = await getSettings(db);
    const when = end ? formatLocal(end, timeZone, "id") : "—";
    const whenEn = end ? formatLocal(end, timeZone, "en") : "—";
    throw new AppError("OUT_OF_STAGE", { id: `Berita acara evaluasi diterbitkan setelah evaluasi selesai (${when})`, en: `The evaluation minutes are issued once the evaluation is over (${whenEn})` });
  }
}

/**
 * The committee issues the final minutes: the body is stored as it is, and its SHA-256 goes into the log
 * (public), so every later view and every printed copy can be checked against it. Once per kind.
 */
export async function issueMinutes(db: Kysely<DB>, actor: Actor, tenderCode: string, kind: MinutesKind, now: Date) {
  const { tender, result } = await loadForMinutes(db, actor, tenderCode, kind, canIssueMinutes);
  if (kind === "evaluasi") await assertEvaluationOver(db, tender, result !== undefined, now);
  const content = renderMinutesContent(await gatherFacts(db, tender, kind, result, now));
  const sha256 = minutesHash(content);
  await db.transaction().execute(async (trx) => {
    if (await repo.findMinutes(trx, tender.id, kind)) throw new AppError("CONFLICT", { id: "Berita acara ini sudah diterbitkan", en: "These minutes have been issued already" });
    await repo.insertMinutes(trx, { package_id: tender.id, kind, content, sha256, issued_by: actor.id, issued_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "evaluation.minutes_issued", subject: { type: "package", id: tender.id }, payload: { tenderCode, kind, sha256 }, visibility: "public" }, now);
  });
  return { tenderCode, kind, sha256, issuedAt: now.toISOString() };
}

/** Whether each kind of minutes is issued, with its hash (the committee's page shows it). */
export async function minutesStatus(db: Kysely<DB>, actor: Actor, tenderCode: string) {
  const tender = await loadTender(db, tenderCode);
  authorize(canReadMinutes(actor, { agencyId: tender.agency_id, isCommitteeMember: await isCommitteeMember(db, tender.id, actor.id) }));
  const rows = await repo.listMinutes(db, tender.id);
  return { items: rows.map((r) => ({ kind: r.kind, sha256: r.sha256, issuedAt: r.issued_at })) };
}
