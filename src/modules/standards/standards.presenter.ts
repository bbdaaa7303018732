import type { Queryable } from "../../db/database.js";
import type { Actor } from "../../server/actor.js";
import { registersFor } from "./platform-registers.js";
import { metStandards } from "./results.js";
import { canAssess, canManageStandards, canMarkActionDone, canVerifyAction, type CycleInvolvement } from "./standards.policy.js";
import * as repo from "./standards.repository.js";
import type { CycleView, EvidenceView, FindingView } from "./standards.schemas.js";
import { catalogOf, currentMetCount } from "./standards.service.js";

const person = (names: Map<string, string>, id: string) => ({ id, name: names.get(id) ?? "—" });

/** One line of the cycle list. */
export async function presentCycleSummary(db: Queryable, cycle: repo.CycleRow) {
  const lkpp = await repo.listLkpp(db, cycle.id);
  return {
    id: cycle.id,
    period: cycle.period,
    catalogVersion: cycle.catalog_version,
    status: cycle.status,
    metCount: await currentMetCount(db, cycle),
    standardCount: catalogOf(cycle).standards.length,
    openedAt: cycle.opened_at,
    signedOffAt: cycle.signed_off_at,
    lkppMetCount: lkpp.filter((l) => l.result === "met").length,
  };
}

/** The whole cycle as the caller may see it, with the actions the policies allow them. */
export async function presentCycle(db: Queryable, actor: Actor, cycle: repo.CycleRow, involvement: CycleInvolvement): Promise<CycleView> {
  const catalog = catalogOf(cycle);
  const [team, coordinators, assessments, evidence, findings, lkpp] = await Promise.all([
    repo.listTeam(db, cycle.id),
    repo.listCoordinators(db, cycle.id),
    repo.listAssessments(db, cycle.id),
    repo.listEvidence(db, cycle.id),
    repo.listFindings(db, cycle.id),
    repo.listLkpp(db, cycle.id),
  ]);
  const names = await repo.namesOf(db, [
    cycle.opened_by, cycle.signed_off_by, ...coordinators.map((c) => c.user_id), ...assessments.map((a) => a.assessed_by), ...evidence.map((e) => e.added_by),
    ...findings.flatMap((f) => [f.owner_id, f.raised_by, f.verified_by]),
  ]);
  const statuses = new Map(assessments.map((a) => [a.criterion_code, a.status]));
  const met = metStandards(catalog, statuses);
  const open = cycle.status === "open";
  const presentEvidence = (e: repo.EvidenceRow): EvidenceView => ({ id: e.id, kind: e.kind, title: e.title, url: e.url, contentType: e.content_type, size: e.size, sha256: e.sha256, addedBy: person(names, e.added_by), addedAt: e.added_at });
  const presentFinding = (f: repo.FindingRow): FindingView => ({
    id: f.id, number: f.number, standardCode: f.standard_code, criterionCode: f.criterion_code, description: f.description, action: f.action, priority: f.priority, owner: person(names, f.owner_id),
    dueDate: f.due_date, status: f.status, raisedBy: person(names, f.raised_by), raisedAt: f.raised_at, doneNote: f.done_note, doneAt: f.done_at,
    verifiedBy: f.verified_by ? person(names, f.verified_by) : null, verifiedAt: f.verified_at, verifyNote: f.verify_note,
    mayMarkDone: open && f.status === "open" && canMarkActionDone(actor, { ownerId: f.owner_id }),
    mayVerify: open && f.status === "done" && canVerifyAction(actor, { ownerId: f.owner_id }, involvement),
  });
  const assessedCount = catalog.standards.reduce((n, s) => n + s.criteria.filter((k) => statuses.has(k.code)).length, 0);
  return {
    ...(await presentCycleSummary(db, cycle)),
    openedBy: person(names, cycle.opened_by),
    signedOffBy: cycle.signed_off_by ? person(names, cycle.signed_off_by) : null,
    signOffNote: cycle.sign_off_note,
    catalogTitle: catalog.title,
    team,
    assessedCount,
    criterionCount: catalog.standards.reduce((n, s) => n + s.criteria.length, 0),
    standards: catalog.standards.map((s) => {
      const coordinator = coordinators.find((c) => c.standard_code === s.code);
      const verdict = lkpp.find((l) => l.standard_code === s.code);
      return {
        number: s.number,
        code: s.code,
        name: s.name,
        met: met.has(s.code),
        coordinator: coordinator ? person(names, coordinator.user_id) : null,
        lkpp: verdict ? { result: verdict.result, letterNumber: verdict.letter_number, letterDate: verdict.letter_date } : null,
        criteria: s.criteria.map((k) => {
          const a = assessments.find((x) => x.criterion_code === k.code);
          return {
            code: k.code,
            text: k.text,
            expects: [...k.evidence],
            registers: registersFor(k.code).map((x) => ({ title: x.title, path: x.path })),
            assessment: a ? { status: a.status, reason: a.reason, notes: a.notes, assessedBy: person(names, a.assessed_by), assessedAt: a.assessed_at } : null,
            evidence: evidence.filter((e) => e.criterion_code === k.code).map(presentEvidence),
          };
        }),
      };
    }),
    findings: findings.map(presentFinding),
    viewer: {
      mayManage: open && canManageStandards(actor),
      mayAssess: open && canAssess(actor, involvement),
      maySignOff: open && canManageStandards(actor),
      mayRecordLkpp: !open && canManageStandards(actor),
    },
  };
}
