import type { Kysely } from "kysely";
import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError, fieldError } from "../../server/errors.js";
import { authorize } from "../../server/http.js";
import { isCommitteeMember } from "../packages/assignment.repository.js";
import { loadTender } from "../tenders/participation.service.js";
import { readSchedule } from "../tenders/tenders.repository.js";
import { canRunSelection } from "../tenders/tenders.policy.js";
import * as repo from "./bids.repository.js";
import type { OpeningKeyInput, TenderKeyInput } from "./bids.schemas.js";

/** Only committee roles hold opening keys. */
export function assertCommitteeRole(actor: Actor): void {
  authorize(actor.role === "pokja" || actor.role === "pejabat_pengadaan");
}

/** The tender, and 403 unless the caller sits on its committee. */
export async function loadAsCommittee(db: Queryable, actor: Actor, tenderCode: string) {
  const tender = await loadTender(db, tenderCode);
  authorize(canRunSelection(actor, { isCommitteeMember: await isCommitteeMember(db, tender.id, actor.id) }));
  return tender;
}

/**
 * A member sets (or replaces) its opening key: the public key and the seed wrapped in the member's
 * browser under a passphrase the server never sees. Replacing is refused while the member holds a share
 * of a tender not opened yet: that share could no longer be opened.
 */
export async function setOpeningKey(db: Kysely<DB>, actor: Actor, input: OpeningKeyInput, now: Date) {
  assertCommitteeRole(actor);
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

export async function ceremonyView(db: Kysely<DB>, actor: Actor, tenderCode: string) {
  const tender = await loadAsCommittee(db, actor, tenderCode);
  const members = await repo.committeeKeys(db, tender.id);
  const key = await repo.findTenderKey(db, tender.id);
  return {
    tenderCode,
    threshold: Math.floor(members.length / 2) + 1,
    members: members.map((m) => ({ userId: m.user_id, name: m.name, publicKey: m.public_key })),
    tenderKey: key ? { tenderCode, publicKey: key.public_key, threshold: key.threshold, members: members.length, createdAt: key.created_at } : null,
  };
}

/**
 * The result of the key ceremony, uploaded by the member whose browser (or CLI) ran it: the tender's
 * public key and one sealed share per member, for the members' current opening keys. Once, before the
 * bid deadline; the server never sees the tender's private key.
 */
export async function publishTenderKey(db: Kysely<DB>, actor: Actor, tenderCode: string, input: TenderKeyInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const tender = await loadAsCommittee(trx, actor, tenderCode);
    if (await repo.findTenderKey(trx, tender.id)) throw new AppError("CONFLICT", { id: "Kunci tender sudah dibuat", en: "The tender key exists already" });
    const deadline = (await readSchedule(trx, tender.id)).find((w) => w.stage === "upload_penawaran")?.endsAt;
    if (!deadline || deadline <= now) throw new AppError("OUT_OF_STAGE", { id: "Kunci tender dibuat sebelum batas akhir penawaran", en: "The tender key is made before the bid deadline" });
    const members = await repo.committeeKeys(trx, tender.id);
    const missing = members.filter((m) => m.public_key === null).map((m) => m.name);
    if (missing.length > 0) {
      throw new AppError("CONFLICT", { id: `Anggota belum membuat kunci pembukaan: ${missing.join(", ")}`, en: `Members without an opening key yet: ${missing.join(", ")}` });
    }
    const shareUsers = input.shares.map((s) => s.userId).sort();
    const memberUsers = members.map((m) => m.user_id).sort();
    if (shareUsers.length !== memberUsers.length || shareUsers.some((u, i) => u !== memberUsers[i])) {
      throw fieldError("body.shares", { id: "harus tepat satu bagian untuk setiap anggota panitia", en: "must hold exactly one share for each committee member" });
    }
    if (input.threshold > members.length) throw fieldError("body.threshold", { id: `paling banyak ${members.length}`, en: `at most ${members.length}` });
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
        payload: { tenderCode, publicKey: input.publicKey, threshold: input.threshold, members: members.map((m) => ({ userId: m.user_id, openingKey: m.public_key })) },
        visibility: "public",
      },
      now,
    );
    return { tenderCode, publicKey: input.publicKey, threshold: input.threshold, members: members.length, createdAt: now.toISOString() };
  });
}

export async function publicTenderKey(db: Kysely<DB>, tenderCode: string) {
  const tender = await loadTender(db, tenderCode);
  const key = await repo.findTenderKey(db, tender.id);
  if (!key) throw new AppError("NOT_FOUND", { id: "Kunci tender belum dibuat oleh Pokja", en: "The committee has not made the tender key yet" });
  return { tenderCode, publicKey: key.public_key, threshold: key.threshold, members: await repo.countShares(db, tender.id), createdAt: key.created_at };
}

export async function myShare(db: Kysely<DB>, actor: Actor, tenderCode: string) {
  const tender = await loadAsCommittee(db, actor, tenderCode);
  const share = await repo.findShare(db, tender.id, actor.id);
  if (!share) throw new AppError("NOT_FOUND", { id: "Anda tidak memegang bagian kunci tender ini", en: "You hold no key share of this tender" });
  return { userId: share.user_id, enc: share.enc, ct: share.ct, shareHash: share.share_hash };
}
