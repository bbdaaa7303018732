import type { Kysely } from "kysely";
import type { Queryable, Tx } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError, fieldError } from "../../server/errors.js";
import { authorize } from "../../server/http.js";
import { isCommitteeMember } from "../packages/assignment.repository.js";
import { loadTender } from "../tenders/participation.service.js";
import { getSettings } from "../settings/settings.service.js";
import { readSchedule } from "../tenders/tenders.repository.js";
import { canRunSelection } from "../tenders/tenders.policy.js";
import * as repo from "./bids.repository.js";
import type { OpeningKeyInput, TenderKeyInput } from "./bids.schemas.js";

/** Committee roles hold opening keys, and the head of the LPSE for the escrow share. */
export function assertKeyHolderRole(actor: Actor): void {
  authorize(actor.role === "pokja" || actor.role === "pejabat_pengadaan" || actor.role === "kepala_lpse");
}

/** The tender, and 403 unless the caller sits on its committee. */
export async function loadAsCommittee(db: Queryable, actor: Actor, tenderCode: string) {
  const tender = await loadTender(db, tenderCode);
  authorize(canRunSelection(actor, { isCommitteeMember: await isCommitteeMember(db, tender.id, actor.id) }));
  return tender;
}

/** The tender, and 403 unless the caller sits on its committee or holds a share of its key (the escrow share). */
export async function loadAsKeyHolder(db: Queryable, actor: Actor, tenderCode: string) {
  const tender = await loadTender(db, tenderCode);
  const member = canRunSelection(actor, { isCommitteeMember: await isCommitteeMember(db, tender.id, actor.id) });
  authorize(member || (actor.role === "kepala_lpse" && (await repo.findShare(db, tender.id, actor.id)) !== undefined));
  return tender;
}

/**
 * A member sets (or replaces) its opening key: the public key and the seed wrapped in the member's
 * browser under a passphrase the server never sees. Replacing is refused while the member holds a share
 * of a tender not opened yet: that share could no longer be opened.
 */
export async function setOpeningKey(db: Kysely<DB>, actor: Actor, input: OpeningKeyInput, now: Date) {
  assertKeyHolderRole(actor);
  return db.transaction().execute(async (trx) => {
    if (await repo.holdsPendingShare(trx, actor.id)) {
      throw new AppError("CONFLICT", {
        id: "Kunci pembukaan tidak dapat diganti selama Anda memegang bagian kunci tender yang belum dibuka",
        en: "The opening key cannot be replaced while you hold a key share of a tender not yet opened",
      });
    }
    const taken = await trx.selectFrom("opening_keys").select("user_id").where("public_key", "=", input.publicKey).executeTakeFirst();
    if (taken && taken.user_id !== actor.id) throw fieldError("body.publicKey", { id: "kunci publik sudah dipakai", en: "this public key is already in use" });
    const row = { user_id: actor.id, public_key: input.publicKey, wrapped: JSON.stringify(input.wrapped), created_at: now.toISOString() };
    await repo.saveOpeningKey(trx, row);
    await appendEvent(trx, { actorId: actor.id, type: "opening_key.set", subject: { type: "user", id: actor.id }, payload: { publicKey: input.publicKey } }, now);
    return { ...input, createdAt: row.created_at };
  });
}

interface KeyHolder {
  userId: string;
  name: string;
  publicKey: string | null;
}

/**
 * Who receives a share: every committee member and, when the LPSE keeps an escrow share, its head. The
 * threshold stays a majority of the committee, so the escrow share stands in for one member who lost
 * the passphrase but never opens the bids alone.
 */
async function keyHolders(db: Queryable, packageId: string) {
  const members: KeyHolder[] = (await repo.committeeKeys(db, packageId)).map((m) => ({ userId: m.user_id, name: m.name, publicKey: m.public_key }));
  const { security } = await getSettings(db);
  if (!security.tenderKeyEscrow) return { members, escrow: null };
  const heads = await repo.activeHeads(db);
  if (heads.length !== 1) {
    throw new AppError("CONFLICT", {
      id: `Titipan bagian kunci memerlukan tepat satu akun Kepala LPSE yang aktif (sekarang ${heads.length})`,
      en: `The escrow share needs exactly one active head-of-LPSE account (now ${heads.length})`,
    });
  }
  const head = heads[0] as (typeof heads)[number];
  return { members, escrow: { userId: head.user_id, name: head.name, publicKey: head.public_key } satisfies KeyHolder };
}

const defaultThreshold = (members: number) => Math.floor(members / 2) + 1;

async function presentCeremony(db: Queryable, packageId: string, tenderCode: string | null) {
  const { members, escrow } = await keyHolders(db, packageId);
  const key = await repo.findTenderKey(db, packageId);
  return {
    tenderCode,
    threshold: defaultThreshold(members.length),
    members,
    escrow,
    tenderKey: key && tenderCode ? { tenderCode, publicKey: key.public_key, threshold: key.threshold, ...(await repo.countShares(db, packageId)), createdAt: key.created_at } : null,
  };
}

export async function ceremonyView(db: Kysely<DB>, actor: Actor, tenderCode: string) {
  const tender = await loadAsCommittee(db, actor, tenderCode);
  return presentCeremony(db, tender.id, tenderCode);
}

/** Before publication: who will hold the shares, and the tender code if it is reserved already. */
export async function draftCeremonyView(db: Kysely<DB>, packageId: string) {
  const pkg = await db.selectFrom("packages").select(["tender_code", "status"]).where("id", "=", packageId).executeTakeFirstOrThrow();
  return presentCeremony(db, packageId, pkg.tender_code);
}

/**
 * Checks the ceremony's result against the holders and stores the tender's public key and the sealed
 * shares, in the caller's transaction (publication, or the later ceremony of a tender published without).
 */
export async function storeTenderKey(trx: Tx, actor: Actor, tender: { id: string; code: string }, input: TenderKeyInput, now: Date, field = "body") {
  if (await repo.findTenderKey(trx, tender.id)) throw new AppError("CONFLICT", { id: "Kunci tender sudah dibuat", en: "The tender key exists already" });
  const deadline = (await readSchedule(trx, tender.id)).find((w) => w.stage === "upload_penawaran")?.endsAt;
  if (!deadline || deadline <= now) throw new AppError("OUT_OF_STAGE", { id: "Kunci tender dibuat sebelum batas akhir penawaran", en: "The tender key is made before the bid deadline" });
  const { members, escrow } = await keyHolders(trx, tender.id);
  const holders = escrow ? [...members, escrow] : members;
  const missing = holders.filter((m) => m.publicKey === null).map((m) => m.name);
  if (missing.length > 0) {
    throw new AppError("CONFLICT", { id: `Pemegang kunci belum membuat kunci pembukaan: ${missing.join(", ")}`, en: `Key holders without an opening key yet: ${missing.join(", ")}` });
  }
  const shareUsers = input.shares.map((s) => s.userId).sort();
  const holderUsers = holders.map((m) => m.userId).sort();
  if (shareUsers.length !== holderUsers.length || shareUsers.some((u, i) => u !== holderUsers[i])) {
    throw fieldError(`${field}.shares`, {
      id: escrow ? "harus tepat satu bagian untuk setiap anggota panitia dan satu titipan untuk Kepala LPSE" : "harus tepat satu bagian untuk setiap anggota panitia",
      en: escrow ? "must hold exactly one share for each committee member and the escrow share for the head of the LPSE" : "must hold exactly one share for each committee member",
    });
  }
  // At most the committee's size: the escrow share adds a holder, never a required one.
  if (input.threshold > members.length) throw fieldError(`${field}.threshold`, { id: `paling banyak ${members.length}`, en: `at most ${members.length}` });
  await trx.insertInto("tender_keys").values({ package_id: tender.id, public_key: input.publicKey, threshold: input.threshold, created_by: actor.id, created_at: now.toISOString() }).execute();
  await trx
    .insertInto("tender_key_shares")
    .values(input.shares.map((s) => ({ package_id: tender.id, user_id: s.userId, enc: s.enc, ct: s.ct, share_hash: s.shareHash })))
    .execute();
  await appendEvent(
    trx,
    {
      actorId: actor.id,
      type: "tender.key_published",
      subject: { type: "package", id: tender.id },
      payload: {
        tenderCode: tender.code,
        publicKey: input.publicKey,
        threshold: input.threshold,
        members: members.map((m) => ({ userId: m.userId, openingKey: m.publicKey })),
        escrow: escrow ? { userId: escrow.userId, openingKey: escrow.publicKey } : null,
      },
      visibility: "public",
    },
    now,
  );
  return { tenderCode: tender.code, publicKey: input.publicKey, threshold: input.threshold, members: members.length, escrow: escrow !== null, createdAt: now.toISOString() };
}

/**
 * The result of the key ceremony for a tender published without its key, uploaded by the member whose
 * browser (or CLI) ran it: the tender's public key and one sealed share per holder. Once, before the bid
 * deadline; the server never sees the tender's private key.
 */
export async function publishTenderKey(db: Kysely<DB>, actor: Actor, tenderCode: string, input: TenderKeyInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const tender = await loadAsCommittee(trx, actor, tenderCode);
    return storeTenderKey(trx, actor, { id: tender.id, code: tenderCode }, input, now);
  });
}

export async function publicTenderKey(db: Kysely<DB>, tenderCode: string) {
  const tender = await loadTender(db, tenderCode);
  const key = await repo.findTenderKey(db, tender.id);
  if (!key) throw new AppError("NOT_FOUND", { id: "Kunci tender belum dibuat oleh Pokja", en: "The committee has not made the tender key yet" });
  return { tenderCode, publicKey: key.public_key, threshold: key.threshold, ...(await repo.countShares(db, tender.id)), createdAt: key.created_at };
}

export async function myShare(db: Kysely<DB>, actor: Actor, tenderCode: string) {
  const tender = await loadAsKeyHolder(db, actor, tenderCode);
  const share = await repo.findShare(db, tender.id, actor.id);
  if (!share) throw new AppError("NOT_FOUND", { id: "Anda tidak memegang bagian kunci tender ini", en: "You hold no key share of this tender" });
  return { userId: share.user_id, enc: share.enc, ct: share.ct, shareHash: share.share_hash };
}
