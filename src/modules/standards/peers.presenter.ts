import type { Queryable } from "../../db/database.js";
import { getSettings } from "../settings/settings.service.js";
import { CURRENT_CATALOG_VERSION, catalogVersion, STANDARD_COUNT } from "./catalog/index.js";
import * as peers from "./peers.repository.js";
import type { ComparisonView, VisitView } from "./peers.schemas.js";
import type { SummaryStandard } from "./peers.summary.js";
import { metStandards } from "./results.js";
import * as repo from "./standards.repository.js";
import { catalogOf } from "./standards.service.js";

/** The peers with their summaries, newest period first. */
export async function presentPeers(db: Queryable) {
  const [rows, summaries] = await Promise.all([peers.listPeers(db), peers.listSummaries(db)]);
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    region: p.region,
    keyId: p.key_id,
    summaries: summaries
      .filter((s) => s.peer_id === p.id)
      .map((s) => ({ id: s.id, period: s.period, catalogVersion: s.catalog_version, signedOffAt: s.signed_off_at, metCount: s.met_count, standardCount: s.standard_count, source: s.source, keyId: s.source === "signed" ? p.key_id : null, importedAt: s.imported_at })),
  }));
}

/** This LPSE's latest signed-off result next to each peer's latest summary, standard by standard. */
export async function presentComparison(db: Queryable): Promise<ComparisonView> {
  const [settings, own, peerRows, summaries] = await Promise.all([getSettings(db), peers.latestSignedOffCycle(db), peers.listPeers(db), peers.listSummaries(db)]);
  const catalog = own ? catalogOf(own) : catalogVersion(CURRENT_CATALOG_VERSION);
  const standards = (catalog?.standards ?? []).map((s) => ({ code: s.code, number: s.number, name: { id: s.name.id, en: s.name.en } }));
  let ownMet: Record<string, boolean> = {};
  if (own) {
    const assessments = await repo.listAssessments(db, own.id);
    const met = metStandards(catalogOf(own), new Map(assessments.map((a) => [a.criterion_code, a.status])));
    ownMet = Object.fromEntries(standards.map((s) => [s.code, met.has(s.code)]));
  }
  const ownLine = {
    id: "own", own: true, name: settings.name, region: settings.region, period: own?.period ?? null, signedOffAt: own?.signed_off_at ?? null,
    metCount: own ? Object.values(ownMet).filter(Boolean).length : null, standardCount: standards.length || STANDARD_COUNT, met: ownMet,
  };
  const peerLines = peerRows.map((p) => {
    // listSummaries gives the newest period of each peer first.
    const latest = summaries.find((s) => s.peer_id === p.id);
    const met = latest ? Object.fromEntries((JSON.parse(latest.standards) as SummaryStandard[]).map((s) => [s.code, s.met])) : {};
    return { id: p.id, own: false, name: p.name, region: p.region, period: latest?.period ?? null, signedOffAt: latest?.signed_off_at ?? null, metCount: latest?.met_count ?? null, standardCount: latest?.standard_count ?? STANDARD_COUNT, met };
  });
  return { standards, lpses: [ownLine, ...peerLines] };
}

/** The study visits, newest first, with their follow-up actions and the findings they are linked to. */
export async function presentVisits(db: Queryable): Promise<VisitView[]> {
  const [visits, actions, peerRows] = await Promise.all([peers.listVisits(db), peers.listVisitActions(db), peers.listPeers(db)]);
  const findings = await peers.findingsByIds(db, [...new Set(actions.flatMap((a) => (a.finding_id ? [a.finding_id] : [])))]);
  const names = await repo.namesOf(db, visits.map((v) => v.recorded_by));
  return visits.map((v) => ({
    id: v.id,
    direction: v.direction,
    peer: { id: v.peer_id, name: peerRows.find((p) => p.id === v.peer_id)?.name ?? "—" },
    visitedOn: v.visited_on,
    participants: v.participants,
    standards: JSON.parse(v.standards) as string[],
    notes: v.notes,
    actions: actions
      .filter((a) => a.visit_id === v.id)
      .map((a) => {
        const f = findings.find((x) => x.id === a.finding_id);
        return { id: a.id, description: a.description, finding: f ? { id: f.id, cycleId: f.cycle_id, number: f.number, standardCode: f.standard_code, status: f.status } : null };
      }),
    recordedBy: { id: v.recorded_by, name: names.get(v.recorded_by) ?? "—" },
    recordedAt: v.recorded_at,
  }));
}
