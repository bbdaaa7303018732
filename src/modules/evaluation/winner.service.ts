import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { authorize } from "../../server/http.js";
import { assertNotFailed } from "../award/failure.service.js";
import { notifyUser } from "../notifications/notifications.service.js";
import { isCommitteeMember } from "../packages/assignment.repository.js";
import { parseRupiah, rupiahString } from "../packages/money.js";
import { DEFAULT_PROCUREMENT_RULES, type ProcurementRules } from "../settings/settings.schemas.js";
import { getSettings } from "../settings/settings.service.js";
import { loadTender } from "../tenders/participation.service.js";
import type { PublicationContext } from "../tenders/publication-context.js";
import { assertInStage } from "../tenders/stages.js";
import { readSchedule } from "../tenders/tenders.repository.js";
import { canDecideWinner, canReadMinutes } from "./evaluation.policy.js";
import { committeeEvaluation, type EvaluatedTender, firstRanked, loadOpenedForCommittee, nameWinner } from "./evaluation.service.js";
import * as repo from "./winner.repository.js";

const DETERMINING = { id: "Menetapkan pemenang", en: "Determining the winner" };
const DECIDING = { id: "Memutuskan usulan penetapan pemenang", en: "Deciding on the proposed winner" };
const CONSULTANCY = "jasa_konsultansi";

export type WinnerAuthority = "pokja" | "pa_kpa";

/**
 * Who names the winner: the PA/KPA when the pagu is above Rp100 billion (goods, works, other services) or
 * Rp10 billion (consultancy), on the Pokja's proposal; the Pokja up to them (Perpres 16/2018 art. 9 and 13).
 * The ceilings are LPSE settings with these defaults.
 */
export function winnerAuthority(tender: { category: string; pagu_sen: number }, rules: ProcurementRules): WinnerAuthority {
  const limit = tender.category === CONSULTANCY
    ? (rules.paKpaWinnerConsultancyLimit ?? DEFAULT_PROCUREMENT_RULES.paKpaWinnerConsultancyLimit ?? "10000000000")
    : (rules.paKpaWinnerLimit ?? DEFAULT_PROCUREMENT_RULES.paKpaWinnerLimit ?? "100000000000");
  return BigInt(tender.pagu_sen) > BigInt(limit) * 100n ? "pa_kpa" : "pokja";
}

async function authorityOf(db: Kysely<DB>, tender: { category: string; pagu_sen: number }) {
  const rules = (await getSettings(db)).procurementRules ?? DEFAULT_PROCUREMENT_RULES;
  return winnerAuthority(tender, rules);
}

/**
 * The committee's step during Penetapan Pemenang: up to the ceilings it names the first in the ranking;
 * above them it proposes that bidder to the PA/KPA (usulan penetapan pemenang).
 */
export async function determineWinner(db: Kysely<DB>, actor: Actor, tenderCode: string, now: Date, context: PublicationContext) {
  const tender = await loadOpenedForCommittee(db, actor, tenderCode);
  const { timeZone } = await getSettings(db);
  assertInStage(await readSchedule(db, tender.id), ["penetapan_pemenang"], now, timeZone, DETERMINING);
  if ((await authorityOf(db, tender)) === "pokja") await nameWinner(db, actor, { ...tender, code: tenderCode }, now, context);
  else await proposeWinner(db, actor, { ...tender, code: tenderCode }, now, context);
  return committeeEvaluation(db, actor, tenderCode, now);
}

type ProposedTender = EvaluatedTender & { code: string; name: string; agency_id: string };

async function proposeWinner(db: Kysely<DB>, actor: Actor, tender: ProposedTender, now: Date, context: PublicationContext): Promise<void> {
  await assertNotFailed(db, tender.id);
  const { view, winner } = await firstRanked(db, tender, now);
  await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom("tender_results").select("package_id").where("package_id", "=", tender.id).executeTakeFirst()) {
      throw new AppError("CONFLICT", { id: "Pemenang sudah ditetapkan", en: "The winner has been determined already" });
    }
    if (await repo.pendingProposal(trx, tender.id)) {
      throw new AppError("CONFLICT", { id: "Usulan penetapan pemenang masih menunggu keputusan PA/KPA", en: "The proposed winner still waits for the PA/KPA's decision" });
    }
    const id = randomUUID();
    const correctedSen = parseRupiah(winner.corrected) ?? 0n;
    await repo.insertProposal(trx, { id, package_id: tender.id, vendor_id: winner.vendorId, corrected_price_sen: Number(correctedSen), proposed_by: actor.id, proposed_at: now.toISOString(), decision: null, decision_reason: null, decided_by: null, decided_at: null });
    await appendEvent(
      trx,
      {
        actorId: actor.id,
        type: "tender.winner_proposed",
        subject: { type: "package", id: tender.id },
        payload: { tenderCode: tender.code, proposalId: id, vendorId: winner.vendorId, winner: winner.vendorName, corrected: winner.corrected, ranking: view.filter((b) => b.rank !== null).map((b) => ({ vendor: b.vendorName, rank: b.rank, corrected: b.corrected })) },
      },
      now,
    );
    for (const { id: userId } of await repo.agencyBudgetHolders(trx, tender.agency_id)) {
      await notifyUser(
        trx,
        {
          userId,
          kind: "tender.winner_proposed",
          title: { id: `Usulan penetapan pemenang — ${tender.name}`, en: `Proposed winner — ${tender.name}` },
          body: { id: `Pokja mengusulkan ${winner.vendorName} sebagai pemenang; mohon ditetapkan atau dikembalikan.`, en: `The committee proposes ${winner.vendorName} as the winner; please name it or return the proposal.` },
          link: `/tender/${tender.code}`,
          email: true,
        },
        now,
        { publicUrl: context.publicUrl },
      );
    }
  });
}

/** Who may see the proposal: the committee, the agency's PPK and PA/KPA, auditors. */
async function loadForProposal(db: Kysely<DB>, actor: Actor, tenderCode: string) {
  const tender = await loadTender(db, tenderCode);
  authorize(canReadMinutes(actor, { agencyId: tender.agency_id, isCommitteeMember: await isCommitteeMember(db, tender.id, actor.id) }));
  return tender;
}

/** Who names the winner of this tender, and the committee's proposals with the PA/KPA's decisions. */
export async function winnerProposals(db: Kysely<DB>, actor: Actor, tenderCode: string) {
  const tender = await loadForProposal(db, actor, tenderCode);
  const authority = await authorityOf(db, tender);
  const rows = await repo.listProposals(db, tender.id);
  return {
    tenderCode,
    authority,
    pagu: rupiahString(BigInt(tender.pagu_sen)),
    canDecide: canDecideWinner(actor, { agencyId: tender.agency_id }),
    items: rows.map((r) => ({
      id: r.id,
      vendorId: r.vendor_id,
      vendorName: r.vendor_name,
      corrected: rupiahString(BigInt(r.corrected_price_sen)),
      proposedAt: r.proposed_at,
      decision: r.decision,
      reason: r.decision_reason,
      decidedAt: r.decided_at,
    })),
  };
}

export interface WinnerDecision {
  decision: "named" | "returned";
  reason: string;
}

/**
 * The PA/KPA of the package's agency names the proposed winner or returns the proposal with a reason,
 * during Penetapan Pemenang; the committee is told either way.
 */
export async function decideWinner(db: Kysely<DB>, actor: Actor, tenderCode: string, input: WinnerDecision, now: Date, context: PublicationContext) {
  const tender = await loadTender(db, tenderCode);
  authorize(canDecideWinner(actor, { agencyId: tender.agency_id }));
  const { timeZone } = await getSettings(db);
  assertInStage(await readSchedule(db, tender.id), ["penetapan_pemenang"], now, timeZone, DECIDING);
  const proposal = await repo.pendingProposal(db, tender.id);
  if (!proposal) throw new AppError("CONFLICT", { id: "Tidak ada usulan penetapan pemenang yang menunggu keputusan", en: "No proposed winner waits for a decision" });
  const vendor = await db.selectFrom("vendors").select("name").where("id", "=", proposal.vendor_id).executeTakeFirstOrThrow();
  const record = async (trx: Transaction<DB>) => {
    if (!(await repo.decideProposal(trx, proposal.id, { decision: input.decision, reason: input.reason, by: actor.id, at: now.toISOString() }))) {
      throw new AppError("CONFLICT", { id: "Usulan ini sudah diputuskan", en: "This proposal has been decided already" });
    }
    await appendEvent(
      trx,
      { actorId: actor.id, type: input.decision === "named" ? "tender.winner_proposal_approved" : "tender.winner_proposal_returned", subject: { type: "package", id: tender.id }, payload: { tenderCode, proposalId: proposal.id, vendorId: proposal.vendor_id, reason: input.reason } },
      now,
    );
    const title = input.decision === "named"
      ? { id: `PA/KPA menetapkan ${vendor.name} sebagai pemenang — ${tender.name}`, en: `The PA/KPA named ${vendor.name} the winner — ${tender.name}` }
      : { id: `PA/KPA mengembalikan usulan penetapan pemenang — ${tender.name}`, en: `The PA/KPA returned the proposed winner — ${tender.name}` };
    for (const { user_id } of await repo.committeeMemberIds(trx, tender.id)) {
      await notifyUser(trx, { userId: user_id, kind: `tender.winner_proposal_${input.decision}`, title, body: { id: input.reason || title.id, en: input.reason || title.en }, link: `/tender/${tenderCode}`, email: true }, now, { publicUrl: context.publicUrl });
    }
  };
  if (input.decision === "named") {
    await nameWinner(db, actor, { ...tender, code: tenderCode }, now, context, { proposalId: proposal.id, vendorId: proposal.vendor_id, record });
  } else {
    await db.transaction().execute(record);
  }
  return winnerProposals(db, actor, tenderCode);
}
