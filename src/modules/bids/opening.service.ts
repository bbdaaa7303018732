import { openBid, EnvelopeError, type OpenBidOptions, type OpenedBid } from "../../crypto/envelope.js";
import { envelopePieces } from "../../crypto/envelope-pieces.js";
import { type KeyPair, recoverTenderKey, shareHash, WrongSharesError } from "../../crypto/keys.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError, fieldError } from "../../server/errors.js";
import { parseRupiah, rupiahString } from "../packages/money.js";
import { getSettings } from "../settings/settings.service.js";
import { loadTender } from "../tenders/participation.service.js";
import { formatLocal } from "../tenders/stages.js";
import { readSchedule } from "../tenders/tenders.repository.js";
import type { BidDeps } from "./bids.service.js";
import * as repo from "./bids.repository.js";
import { workerDigest } from "./hash-workers.js";
import { nodeHpkeOpener } from "./node-hpke.js";
import { nodeAesGcm } from "./node-crypto.js";
import { loadAsKeyHolder } from "./keys.service.js";
import { awardTenderCepat } from "../evaluation/evaluation.service.js";
import type { PublicationContext } from "../tenders/publication-context.js";

export type Outcome = { status: "valid"; priceSen: bigint; opened: OpenedBid } | { status: "invalid"; error: string };

/** Bids opened at once: one envelope's reads overlap another's decryption; each holds about two chunks in memory. */
const OPENING_CONCURRENCY = 4;

/**
 * Every bid decrypted and checked, in the order given; a bid that fails is recorded as invalid with the
 * reason, never skipped. (The benchmark in bench/opening.ts measures this function.)
 */
export async function openEnvelopes<B extends { sha256: string; vendor_id: string }>(fileStore: Pick<BidDeps["fileStore"], "reader">, bids: readonly B[], tenderCode: string, key: KeyPair): Promise<{ bid: B; outcome: Outcome }[]> {
  const outcomes: { bid: B; outcome: Outcome }[] = new Array(bids.length);
  const unwrapKey = nodeHpkeOpener(key);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < bids.length; i = next++) {
      const bid = bids[i] as B;
      outcomes[i] = { bid, outcome: await openOne(fileStore, bid, tenderCode, key, unwrapKey) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(OPENING_CONCURRENCY, bids.length) }, worker));
  return outcomes;
}

async function openOne(fileStore: Pick<BidDeps["fileStore"], "reader">, bid: { sha256: string; vendor_id: string }, tenderCode: string, key: KeyPair, unwrapKey: OpenBidOptions["unwrapKey"]): Promise<Outcome> {
  try {
    const reader = await fileStore.reader(bid.sha256);
    let opened: OpenedBid;
    try {
      opened = await openBid(envelopePieces((n) => reader.read(n)), key, { tenderCode, vendorId: bid.vendor_id }, { newDigest: workerDigest, aesGcm: nodeAesGcm, unwrapKey });
    } finally {
      await reader.close();
    }
    const priceSen = typeof opened.document.price === "string" ? parseRupiah(opened.document.price) : null;
    if (priceSen === null) return { status: "invalid", error: "the bid document has no valid price" };
    if (opened.document.files?.length !== opened.files.length) return { status: "invalid", error: "the bid document does not list its files" };
    return { status: "valid", priceSen, opened };
  } catch (error) {
    if (error instanceof EnvelopeError) return { status: "invalid", error: error.reason };
    throw error;
  }
}

/**
 * A committee member submits its share, after the deadline only. Each share is checked against the
 * commitment made at the ceremony; once the threshold is reached, the key is rebuilt, every active bid
 * decrypted and checked, and the opening recorded in the log with its public record.
 */
export async function submitShare(deps: BidDeps, actor: Actor, tenderCode: string, share: string, context: PublicationContext) {
  const db = deps.database.db;
  const tender = await loadAsKeyHolder(db, actor, tenderCode);
  const key = await repo.findTenderKey(db, tender.id);
  if (!key) throw new AppError("CONFLICT", { id: "Tender ini tidak memiliki kunci tender", en: "This tender has no tender key" });
  const now = deps.clock.now();
  const deadline = (await readSchedule(db, tender.id)).find((w) => w.stage === "upload_penawaran")?.endsAt;
  if (!deadline || now < deadline) {
    const { timeZone } = await getSettings(db);
    const when = deadline ? { id: formatLocal(deadline, timeZone, "id"), en: formatLocal(deadline, timeZone, "en") } : { id: "-", en: "-" };
    throw new AppError("OUT_OF_STAGE", { id: `Penawaran dibuka setelah batas akhir penawaran (${when.id})`, en: `Bids are opened after the bid deadline (${when.en})` });
  }
  if (await repo.findOpening(db, tender.id)) return progress(deps, tender.id, key.threshold);
  const sealed = await repo.findShare(db, tender.id, actor.id);
  if (!sealed) throw new AppError("FORBIDDEN", { id: "Anda tidak memegang bagian kunci tender ini", en: "You hold no key share of this tender" });
  if ((await shareHash(tenderCode, actor.id, share)) !== sealed.share_hash) {
    throw fieldError("body.share", { id: "bukan bagian kunci Anda untuk tender ini", en: "not your key share for this tender" });
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("opening_shares").where("package_id", "=", tender.id).where("user_id", "=", actor.id).execute();
    await trx.insertInto("opening_shares").values({ package_id: tender.id, user_id: actor.id, share, submitted_at: now.toISOString() }).execute();
    await appendEvent(trx, { actorId: actor.id, type: "opening.share_submitted", subject: { type: "package", id: tender.id }, payload: { tenderCode, userId: actor.id }, visibility: "public" }, now);
  });
  const shares = await repo.submittedShares(db, tender.id);
  if (shares.length >= key.threshold) {
    await openTender(deps, actor, { id: tender.id, code: tenderCode }, key, shares.map((s) => s.share));
    await awardTenderCepat(db, actor, { ...tender, code: tenderCode }, deps.clock.now(), context);
  }
  return progress(deps, tender.id, key.threshold);
}

/**
 * Where the opening stands, for the committee: shares received of the threshold, whether the caller's
 * is among them, and whether the bids are open. Lets every member follow the opening, not only the one
 * who just submitted.
 */
export async function openingProgress(deps: BidDeps, actor: Actor, tenderCode: string) {
  const db = deps.database.db;
  const tender = await loadAsKeyHolder(db, actor, tenderCode);
  const key = await repo.findTenderKey(db, tender.id);
  if (!key) throw new AppError("NOT_FOUND", { id: "Kunci tender belum dibuat oleh Pokja", en: "The committee has not made the tender key yet" });
  const shares = await repo.submittedShares(db, tender.id);
  return { ...(await progress(deps, tender.id, key.threshold)), mine: shares.some((s) => s.user_id === actor.id) };
}

async function progress(deps: BidDeps, packageId: string, threshold: number) {
  const db = deps.database.db;
  return { received: (await repo.submittedShares(db, packageId)).length, threshold, opened: (await repo.findOpening(db, packageId)) !== undefined };
}

async function openTender(deps: BidDeps, actor: Actor, tender: { id: string; code: string }, key: { public_key: string }, shares: string[]) {
  const db = deps.database.db;
  let tenderKey;
  try {
    tenderKey = await recoverTenderKey(shares, key.public_key);
  } catch (error) {
    // Every share matched its commitment, so this cannot happen short of a broken ceremony client.
    if (error instanceof WrongSharesError) throw new AppError("CONFLICT", { id: "Bagian kunci tidak membentuk kunci tender", en: "The key shares do not rebuild the tender key" });
    throw error;
  }
  const bids = await repo.activeBids(db, tender.id);
  const outcomes = await openEnvelopes(deps.fileStore, bids, tender.code, tenderKey);

  const now = deps.clock.now();
  await db.transaction().execute(async (trx) => {
    // Two members submitting the last share at once: the first transaction opens, the second finds it done.
    if (await repo.findOpening(trx, tender.id)) return;
    await trx.insertInto("tender_openings").values({ package_id: tender.id, opened_at: now.toISOString(), opened_by: actor.id }).execute();
    for (const { bid, outcome } of outcomes) {
      await trx
        .insertInto("bid_openings")
        .values(
          outcome.status === "valid"
            ? {
                bid_id: bid.id,
                package_id: tender.id,
                vendor_id: bid.vendor_id,
                status: "valid",
                price_sen: Number(outcome.priceSen),
                document: JSON.stringify(outcome.opened.document),
                files: JSON.stringify(outcome.opened.files.map((f, i) => ({ ...outcome.opened.document.files[i], ...f }))),
                error: null,
              }
            : { bid_id: bid.id, package_id: tender.id, vendor_id: bid.vendor_id, status: "invalid", price_sen: null, document: null, files: null, error: outcome.error },
        )
        .execute();
    }
    await appendEvent(
      trx,
      {
        actorId: actor.id,
        type: "tender.opened",
        subject: { type: "package", id: tender.id },
        payload: {
          tenderCode: tender.code,
          bids: outcomes.map(({ bid, outcome }) => ({
            vendor: bid.vendor_name,
            sha256: bid.sha256,
            status: outcome.status,
            price: outcome.status === "valid" ? rupiahString(outcome.priceSen) : null,
            error: outcome.status === "invalid" ? outcome.error : null,
          })),
        },
        visibility: "public",
      },
      now,
    );
  });
}

/** The public opening record: every bidder, whether its envelope opened, and the price read out. */
export async function openingRecord(deps: BidDeps, tenderCode: string) {
  const db = deps.database.db;
  const tender = await loadTender(db, tenderCode);
  const opening = await repo.findOpening(db, tender.id);
  if (!opening) throw new AppError("NOT_FOUND", { id: "Penawaran tender ini belum dibuka", en: "The bids of this tender have not been opened yet" });
  const rows = await repo.openingResults(db, tender.id);
  return {
    tenderCode,
    openedAt: opening.opened_at,
    bids: rows.map((r) => ({ vendorName: r.vendor_name, status: r.status, price: r.price_sen === null ? null : rupiahString(BigInt(r.price_sen)), error: r.error, sha256: r.sha256 })),
  };
}
