import { createHash, createPublicKey, randomUUID, verify } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildUser, buildVendor, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { giveOpeningKeys, runCeremonyAs, sealEnvelope, TEST_ITERATIONS, unlockShare, uploadEnvelope } from "../../../test/support/sealed-bids.js";
import { actorOf, buildPublishedTender } from "../../../test/support/tenders.js";
import { runCli } from "../../cli/main.js";
import { canonicalJson, sha256Hex } from "../../log/canonical.js";
import { eventLeafHash } from "../../log/event-bytes.js";
import { toHex } from "../../log/merkle.js";
import { type BidReceipt, checkReceiptInLog, type InclusionEvidence, type OwnEvent, type PublishedLogKey, type ReceiptLogSource } from "../../log/verify-receipt.js";
import { createOpeningKey, runKeyCeremony } from "../../crypto/keys.js";
import type { BidDocument } from "../../crypto/envelope.js";
import { joinTender } from "../tenders/participation.service.js";
import { sweepAbandonedUploads } from "./bids.service.js";

type Vendor = TestUser & { vendorId: string };

const at = (iso: string) => new Date(iso);
/** Upload Dokumen Penawaran of the test schedule closes on 11 December 2026, 14:00 WIB. */
const DEADLINE = at("2026-12-11T07:00:00.000Z");

/** Marker texts that must never be readable anywhere before the opening. */
const SECRET_PRICE = "1634567890.55";
const SECRET_ITEM_NOTE = "Harga satuan rahasia aspal";
const SECRET_FILE_TEXT = "Metode pelaksanaan rahasia milik CV Uji";

function bid(price: string, note = SECRET_ITEM_NOTE): BidDocument {
  return { price, items: [{ hpsItemId: "struktur", unitPrice: price, quantity: "1" }], validityDays: 60, files: [{ name: `${note}.pdf`, kind: "teknis" }] };
}

describe("sealed bids: keys, upload, receipts, opening", () => {
  let t: TestApp;
  let tender: Awaited<ReturnType<typeof buildPublishedTender>>;
  let pokja: TestUser[];
  let a: Vendor;
  let b: Vendor;
  let c: Vendor;
  let wrongKey: Vendor;
  let publicKey: string;

  beforeAll(async () => {
    t = await createTestApp({ now: at("2026-11-26T03:00:00Z") });
    tender = await buildPublishedTender(t);
    pokja = tender.pokja;
    [a, b, c, wrongKey] = [await buildVendor(t, "verified", "CV Alfa"), await buildVendor(t, "verified", "CV Bravo"), await buildVendor(t, "verified", "CV Charlie"), await buildVendor(t, "verified", "CV Delta")];
    for (const v of [a, b, c, wrongKey]) await joinTender(t.deps.database.db, { ...actorOf(v), vendorId: v.vendorId }, tender.tenderCode, at("2026-12-01T03:00:00Z"));
  });
  afterAll(() => t.close());

  it("keeps each member's opening key only wrapped under the member's passphrase", async () => {
    const stored = await createOpeningKey("frasa sandi yang cukup panjang", TEST_ITERATIONS);
    expectProblem(await (await loginAs(t, a)).put("/api/v1/me/opening-key", stored), 403, "FORBIDDEN");
    const member = await loginAs(t, pokja[0] as TestUser);
    expectProblem(await member.get("/api/v1/me/opening-key"), 404, "NOT_FOUND");
    expectProblem(await member.put("/api/v1/me/opening-key", { ...stored, wrapped: { ...stored.wrapped, iterations: 1_000 } }), 400, "VALIDATION_FAILED", "body.wrapped.iterations");
    expectProblem(await member.put("/api/v1/me/opening-key", { ...stored, publicKey: "pendek" }), 400, "VALIDATION_FAILED", "body.publicKey");
  });

  it("takes the key ceremony's result once, for every member's opening key, and never the private key", async () => {
    const lead = await loginAs(t, pokja[0] as TestUser);
    await giveOpeningKeys(t, [pokja[0] as TestUser]);
    // The others have no opening key yet: no ceremony.
    const view = await lead.get<{ members: { userId: string; publicKey: string | null }[] }>(`/api/v1/tenders/${tender.tenderCode}/key-ceremony`);
    expect(view.body.members.filter((m) => m.publicKey === null)).toHaveLength(2);
    const known = view.body.members.find((m) => m.publicKey !== null)?.publicKey as string;
    const early = await runKeyCeremony(tender.tenderCode, view.body.members.map((m) => ({ userId: m.userId, publicKey: m.publicKey ?? known })));
    expect((await lead.put(`/api/v1/tenders/${tender.tenderCode}/tender-key`, early)).status).toBe(409);

    await giveOpeningKeys(t, pokja.slice(1));
    expectProblem(await (await loginAs(t, await buildUser(t, "pokja"))).get(`/api/v1/tenders/${tender.tenderCode}/key-ceremony`), 403, "FORBIDDEN");
    const partial = await runKeyCeremony(tender.tenderCode, (await lead.get<{ members: { userId: string; publicKey: string }[] }>(`/api/v1/tenders/${tender.tenderCode}/key-ceremony`)).body.members.slice(0, 2));
    expectProblem(await lead.put(`/api/v1/tenders/${tender.tenderCode}/tender-key`, partial), 400, "VALIDATION_FAILED", "body.shares");
    expectProblem(await t.client().get(`/api/v1/public/tenders/${tender.tenderCode}/key`), 404, "NOT_FOUND");
    expectProblem(await lead.get(`/api/v1/tenders/${tender.tenderCode}/opening/shares`), 404, "NOT_FOUND");

    const made = await runCeremonyAs(lead, tender.tenderCode);
    expect(made.threshold).toBe(2);
    publicKey = made.publicKey;
    expect((await lead.put(`/api/v1/tenders/${tender.tenderCode}/tender-key`, partial)).status).toBe(409);
    const pub = await t.client().get<{ publicKey: string; threshold: number; members: number }>(`/api/v1/public/tenders/${tender.tenderCode}/key`);
    expect(pub.body).toMatchObject({ publicKey, threshold: 2, members: 3 });
    // A member holding a share of an unopened tender cannot replace its opening key.
    expectProblem(await lead.put("/api/v1/me/opening-key", await createOpeningKey("frasa sandi pengganti yang panjang", TEST_ITERATIONS)), 409, "CONFLICT");
  });

  it("accepts sealed bids only from participants during Upload Dokumen Penawaran, with a signed receipt", async () => {
    const db = t.deps.database.db;
    const clientA = await loginAs(t, a);
    const envelopeA = await sealEnvelope(tender.tenderCode, a.vendorId, publicKey, bid("1700000000"), [new TextEncoder().encode(SECRET_FILE_TEXT)]);
    const early = expectProblem(await uploadEnvelope(clientA, tender.tenderCode, envelopeA), 409, "OUT_OF_STAGE");
    expect(early.messages.id).toContain("Upload Dokumen Penawaran (9 Des 2026, 08.00 WIB");

    t.clock.set(at("2026-12-09T03:00:00Z"));
    const a2 = await loginAs(t, a);
    const notJoined = await loginAs(t, await buildVendor(t));
    const logBefore = await t.deps.eventLog.size();
    expectProblem(await uploadEnvelope(notJoined, tender.tenderCode, envelopeA), 403, "FORBIDDEN");
    expectProblem(await a2.post(`/api/v1/tenders/${tender.tenderCode}/bids`, { price: "1" }), 415, "UNSUPPORTED_MEDIA_TYPE", "body");
    const forB = await sealEnvelope(tender.tenderCode, b.vendorId, publicKey, bid("1"), []);
    expect(expectProblem(await uploadEnvelope(a2, tender.tenderCode, forB), 400, "VALIDATION_FAILED", "body").messages.en).toContain("another vendor");
    expect(expectProblem(await uploadEnvelope(a2, tender.tenderCode, envelopeA.subarray(0, envelopeA.length - 7)), 400, "VALIDATION_FAILED", "body").messages.id).toContain("truncated");
    expectProblem(await uploadEnvelope(a2, tender.tenderCode, Buffer.from("%PDF-1.4 penawaran tanpa enkripsi")), 400, "VALIDATION_FAILED", "body");
    // Refused attempts change nothing.
    expect(await t.deps.eventLog.size()).toBe(logBefore);
    expect(await db.selectFrom("bids").selectAll().execute()).toEqual([]);

    const first = await uploadEnvelope(a2, tender.tenderCode, envelopeA);
    expect(first.status, first.text).toBe(201);
    // The receipt verifies with the log's public key, and names the hash of exactly what was sent.
    const logKey = (await t.client().get<{ publicKey: string }>("/api/v1/log/key")).body.publicKey;
    const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(logKey, "base64").toString("base64url") }, format: "jwk" });
    expect(verify(null, Buffer.from(first.body.receiptText), key, Buffer.from(first.body.signature, "base64"))).toBe(true);
    expect(first.body.sha256).toBe(createHash("sha256").update(envelopeA).digest("hex"));
    expect((await db.selectFrom("events").select("type").where("idx", "=", first.body.logIndex).executeTakeFirstOrThrow()).type).toBe("bid.submitted");

    // A new bid replaces the earlier one; both stay in the log.
    const replaced = await uploadEnvelope(a2, tender.tenderCode, await sealEnvelope(tender.tenderCode, a.vendorId, publicKey, bid(SECRET_PRICE), [new TextEncoder().encode(SECRET_FILE_TEXT)]));
    expect(replaced.status, replaced.text).toBe(201);
    expect((await a2.get<{ bidId: string }>(`/api/v1/tenders/${tender.tenderCode}/bids/mine`)).body.bidId).toBe(replaced.body.bidId);
    expect((await db.selectFrom("bids").select("status").where("id", "=", first.body.bidId).executeTakeFirstOrThrow()).status).toBe("replaced");

    const clientB = await loginAs(t, b);
    expect((await uploadEnvelope(clientB, tender.tenderCode, await sealEnvelope(tender.tenderCode, b.vendorId, publicKey, bid("1755000000"), []))).status).toBe(201);
    // Vendor B reads only its own receipt; A's bid is nowhere in B's answers.
    const mineB = await clientB.get<{ bidId: string; vendorId: string }>(`/api/v1/tenders/${tender.tenderCode}/bids/mine`);
    expect(mineB.body.vendorId).toBe(b.vendorId);
    expect(JSON.stringify(mineB.body)).not.toContain(replaced.body.bidId);

    // C bids and withdraws; D's envelope is well-formed but sealed to another key (its browser erred).
    const clientC = await loginAs(t, c);
    expect((await uploadEnvelope(clientC, tender.tenderCode, await sealEnvelope(tender.tenderCode, c.vendorId, publicKey, bid("1500000000"), []))).status).toBe(201);
    expect((await clientC.delete(`/api/v1/tenders/${tender.tenderCode}/bids/mine`)).status).toBe(204);
    expectProblem(await clientC.get(`/api/v1/tenders/${tender.tenderCode}/bids/mine`), 404, "NOT_FOUND");
    const stranger = await runKeyCeremony(tender.tenderCode, [
      { userId: "x", publicKey: (await createOpeningKey("frasa sandi orang lain 1", TEST_ITERATIONS)).publicKey },
      { userId: "y", publicKey: (await createOpeningKey("frasa sandi orang lain 2", TEST_ITERATIONS)).publicKey },
    ]);
    const clientD = await loginAs(t, wrongKey);
    expect((await uploadEnvelope(clientD, tender.tenderCode, await sealEnvelope(tender.tenderCode, wrongKey.vendorId, stranger.publicKey, bid("1"), []))).status).toBe(201);
  });

  it("gives a vendor the log events of its own bids, enough to check a receipt against a signed tree head", async () => {
    const db = t.deps.database.db;
    const [firstA, secondA] = await db.selectFrom("bids").selectAll().where("vendor_id", "=", a.vendorId).orderBy("submitted_at").execute();
    const withdrawnC = await db.selectFrom("bids").selectAll().where("vendor_id", "=", c.vendorId).executeTakeFirstOrThrow();
    if (!firstA || !secondA) throw new Error("vendor A has sent two bids in the test before");
    const eventsOf = (bidId: string) => `/api/v1/tenders/${tender.tenderCode}/bids/${bidId}/events`;
    const clientA = await loginAs(t, a);

    // A's first bid: its submission and the submission that replaced it, each leaf rebuilt from header and payload.
    const first = await clientA.get<{ items: (OwnEvent & { leafHash: string })[] }>(eventsOf(firstA.id));
    expect(first.status, first.text).toBe(200);
    expect(first.body.items.map((e) => [e.header.index, e.header.type])).toEqual([
      [firstA.log_index, "bid.submitted"],
      [secondA.log_index, "bid.submitted"],
    ]);
    expect(first.body.items[1]?.payload).toMatchObject({ bidId: secondA.id, replaces: firstA.id, vendorId: a.vendorId });
    for (const e of first.body.items) {
      expect(toHex(eventLeafHash(e.header))).toBe(e.leafHash);
      expect(sha256Hex(canonicalJson(e.payload))).toBe(e.header.payloadHash);
    }
    // C's withdrawn bid: submitted, then withdrawn.
    const clientC = await loginAs(t, c);
    const ofC = await clientC.get<{ items: OwnEvent[] }>(eventsOf(withdrawnC.id));
    expect(ofC.body.items.map((e) => e.header.type)).toEqual(["bid.submitted", "bid.withdrawn"]);

    // Bid events are internal: another vendor's bid does not exist for B, like an unknown one; the committee may not ask.
    const clientB = await loginAs(t, b);
    const foreign = expectProblem(await clientB.get(eventsOf(firstA.id)), 404, "NOT_FOUND");
    expect(foreign.messages).toEqual(expectProblem(await clientB.get(eventsOf(randomUUID())), 404, "NOT_FOUND").messages);
    expectProblem(await (await loginAs(t, pokja[0] as TestUser)).get(eventsOf(firstA.id)), 403, "FORBIDDEN");
    expectProblem(await t.client().get(eventsOf(firstA.id)), 401, "UNAUTHENTICATED");
    expectProblem(await clientA.get(eventsOf("bukan-uuid")), 400, "VALIDATION_FAILED", "params.bidId");

    // The receipt checked as the vendor's browser checks it: the public key and proof, and its own event.
    const anyone = t.client();
    const source = (client: typeof clientA): ReceiptLogSource => ({
      logKey: async () => (await anyone.get<PublishedLogKey>("/api/v1/log/key")).body,
      inclusionProof: async (index) => (await anyone.get<InclusionEvidence>(`/api/v1/log/proofs/inclusion?index=${index}`)).body,
      bidEvents: async (_code, bidId) => (await client.get<{ items: OwnEvent[] }>(eventsOf(bidId))).body.items ?? [],
    });
    const receipt = (await clientA.get<BidReceipt>(`/api/v1/tenders/${tender.tenderCode}/bids/mine`)).body;
    const checked = await checkReceiptInLog(receipt, source(clientA));
    expect(checked).toMatchObject({ status: "verified", logIndex: secondA.log_index });
    expect(checked.status === "verified" && checked.treeSize).toBe(await t.deps.eventLog.size());
    // B holding A's receipt learns nothing from the log about A's bid beyond its leaf hash.
    expect(await checkReceiptInLog(receipt, source(clientB))).toEqual({ status: "failed", step: "event" });
  });

  it("leaves nothing of a bid readable before the opening: not in any table, not in any stored file", async () => {
    const db = t.deps.database.db;
    const tables = ["bids", "events", "tender_keys", "tender_key_shares", "opening_keys", "notifications", "mail_outbox", "ocds_releases", "tender_participants"] as const;
    for (const table of tables) {
      const dump = JSON.stringify(await sql`select * from ${sql.table(table)}`.execute(db));
      for (const secret of [SECRET_PRICE, SECRET_ITEM_NOTE, SECRET_FILE_TEXT]) expect(dump, `${table} holds "${secret}"`).not.toContain(secret);
    }
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const stored = files(path.join(t.testDb.dataDir, "files"));
    expect(stored.length).toBeGreaterThanOrEqual(4);
    for (const file of stored) {
      const text = fs.readFileSync(file).toString("latin1");
      for (const secret of [SECRET_PRICE, SECRET_ITEM_NOTE, SECRET_FILE_TEXT]) expect(text, `${file} holds "${secret}"`).not.toContain(secret);
    }
  });

  it("takes a bid in pieces that continue where the last one stopped", async () => {
    const clientA = await loginAs(t, a);
    const envelope = await sealEnvelope(tender.tenderCode, a.vendorId, publicKey, bid(SECRET_PRICE), [new Uint8Array(300_000).fill(7)]);
    const base = `/api/v1/tenders/${tender.tenderCode}/bid-uploads`;
    expectProblem(await clientA.post(base, { size: 600 * 1_048_576 }), 413, "PAYLOAD_TOO_LARGE", "body.size");
    const started = await clientA.post<{ uploadId: string; offset: number }>(base, { size: envelope.length });
    expect(started.status, started.text).toBe(201);
    const upload = `${base}/${started.body.uploadId}`;
    const patch = async (offset: number, bytes: Buffer) =>
      clientA.raw<{ offset: number }>("PATCH", `${upload}?offset=${offset}`, { payload: bytes, headers: { "content-type": "application/octet-stream", "x-csrf-token": await clientA.csrfToken() } });
    const cut = Math.floor(envelope.length * 0.4);
    expect((await patch(0, envelope.subarray(0, cut))).body.offset).toBe(cut);
    // A piece sent from the wrong place is refused, naming where to continue.
    expect(expectProblem(await patch(0, envelope.subarray(0, 10)), 409, "CONFLICT", "query.offset").messages.en).toContain(`from byte ${cut}`);
    expectProblem(await clientA.post(`${upload}/complete`), 409, "CONFLICT");
    expect((await clientA.get<{ offset: number; size: number }>(upload)).body).toMatchObject({ offset: cut, size: envelope.length });
    // Another vendor's upload does not exist for B.
    expectProblem(await (await loginAs(t, b)).get(upload), 404, "NOT_FOUND");
    expect((await patch(cut, envelope.subarray(cut))).body.offset).toBe(envelope.length);
    const receipt = await clientA.post<{ sha256: string; bidId: string }>(`${upload}/complete`);
    expect(receipt.status, receipt.text).toBe(201);
    expect(receipt.body.sha256).toBe(createHash("sha256").update(envelope).digest("hex"));
    expect((await clientA.get<{ bidId: string }>(`/api/v1/tenders/${tender.tenderCode}/bids/mine`)).body.bidId).toBe(receipt.body.bidId);
    expect(await t.deps.database.db.selectFrom("bid_uploads").selectAll().execute()).toEqual([]);
  });

  it("takes a bid committed 1 ms before the deadline and refuses one 1 ms after", async () => {
    t.clock.set(new Date(DEADLINE.getTime() - 60_000));
    const clientB = await loginAs(t, b);
    const envelope = await sealEnvelope(tender.tenderCode, b.vendorId, publicKey, bid("1745000000"), [new TextEncoder().encode("Dokumen teknis CV Bravo")]);
    // A resumable upload that will not be finished in time.
    const started = await clientB.post<{ uploadId: string }>(`/api/v1/tenders/${tender.tenderCode}/bid-uploads`, { size: envelope.length });
    const piece = await clientB.raw("PATCH", `/api/v1/tenders/${tender.tenderCode}/bid-uploads/${started.body.uploadId}?offset=0`, {
      payload: envelope.subarray(0, 100),
      headers: { "content-type": "application/octet-stream", "x-csrf-token": await clientB.csrfToken() },
    });
    expect(piece.status, piece.text).toBe(200);
    t.clock.set(new Date(DEADLINE.getTime() - 1));
    expect((await uploadEnvelope(clientB, tender.tenderCode, envelope)).status).toBe(201);
    expect(await sweepAbandonedUploads(t.deps, t.clock.now())).toBe(0);
    t.clock.set(new Date(DEADLINE.getTime() + 1));
    expectProblem(await uploadEnvelope(clientB, tender.tenderCode, envelope), 409, "OUT_OF_STAGE");
    expectProblem(await clientB.delete(`/api/v1/tenders/${tender.tenderCode}/bids/mine`), 409, "OUT_OF_STAGE");
    // After the deadline the unfinished upload can never complete: the sweep drops it and what arrived.
    expect(await t.deps.fileStore.partialSize(started.body.uploadId)).toBe(100);
    expect(await sweepAbandonedUploads(t.deps, t.clock.now())).toBe(1);
    expect(await t.deps.fileStore.partialSize(started.body.uploadId)).toBeNull();
    expect(await t.deps.database.db.selectFrom("bid_uploads").selectAll().execute()).toEqual([]);
    expect((await clientB.get<{ bidId: string }>(`/api/v1/tenders/${tender.tenderCode}/bids/mine`)).status).toBe(200);
  });

  it("opens with k of n shares after the deadline only, checks every share, and publishes the opening record", async () => {
    // Before the deadline, even every share is refused. (Each staff login moves the test clock past the
    // last TOTP step used, so there is room before the deadline.)
    t.clock.set(new Date(DEADLINE.getTime() - 10 * 60_000));
    for (const member of pokja) {
      const { client, share } = await unlockShare(t, member, tender.tenderCode);
      expectProblem(await client.post(`/api/v1/tenders/${tender.tenderCode}/opening/shares`, { share }), 409, "OUT_OF_STAGE");
    }
    t.clock.set(new Date(DEADLINE.getTime() + 60 * 60_000));
    const first = await unlockShare(t, pokja[0] as TestUser, tender.tenderCode);
    const second = await unlockShare(t, pokja[1] as TestUser, tender.tenderCode);
    // Another member's share, or an altered one, is refused by its commitment.
    expectProblem(await first.client.post(`/api/v1/tenders/${tender.tenderCode}/opening/shares`, { share: second.share }), 400, "VALIDATION_FAILED", "body.share");
    expectProblem(await (await loginAs(t, a)).post(`/api/v1/tenders/${tender.tenderCode}/opening/shares`, { share: first.share }), 403, "FORBIDDEN");

    // Every member follows the opening; others do not.
    type Status = { received: number; threshold: number; opened: boolean; mine: boolean };
    const status = (client: typeof first.client) => client.get<Status>(`/api/v1/tenders/${tender.tenderCode}/opening/shares`);
    expect((await status(first.client)).body).toEqual({ received: 0, threshold: 2, opened: false, mine: false });
    expectProblem(await (await loginAs(t, a)).get(`/api/v1/tenders/${tender.tenderCode}/opening/shares`), 403, "FORBIDDEN");
    expectProblem(await t.client().get(`/api/v1/tenders/${tender.tenderCode}/opening/shares`), 401, "UNAUTHENTICATED");

    // k-1 shares open nothing.
    const one = await first.client.post<{ received: number; threshold: number; opened: boolean }>(`/api/v1/tenders/${tender.tenderCode}/opening/shares`, { share: first.share });
    expect(one.body).toEqual({ received: 1, threshold: 2, opened: false });
    expectProblem(await t.client().get(`/api/v1/public/tenders/${tender.tenderCode}/opening`), 404, "NOT_FOUND");
    expect(await t.deps.database.db.selectFrom("bid_openings").selectAll().execute()).toEqual([]);
    expect((await status(first.client)).body).toEqual({ received: 1, threshold: 2, opened: false, mine: true });
    expect((await status(second.client)).body).toEqual({ received: 1, threshold: 2, opened: false, mine: false });

    const two = await second.client.post<{ opened: boolean }>(`/api/v1/tenders/${tender.tenderCode}/opening/shares`, { share: second.share });
    expect(two.body).toMatchObject({ received: 2, opened: true });
    expect((await status(second.client)).body).toEqual({ received: 2, threshold: 2, opened: true, mine: true });
    const record = await t.client().get<{ bids: { vendorName: string; status: string; price: string | null; error: string | null }[] }>(`/api/v1/public/tenders/${tender.tenderCode}/opening`);
    expect(record.status, record.text).toBe(200);
    expect(record.body.bids.map((x) => [x.vendorName, x.status, x.price])).toEqual([
      ["CV Alfa", "valid", SECRET_PRICE],
      ["CV Bravo", "valid", "1745000000"],
      ["CV Delta", "invalid", null],
    ]);
    expect(record.body.bids[2]?.error).toContain("does not open with this tender's key");
    const opened = await t.deps.database.db.selectFrom("events").select("payload").where("type", "=", "tender.opened").executeTakeFirstOrThrow();
    expect(JSON.parse(opened.payload).bids).toHaveLength(3);
    // The third member's share is no longer needed.
    const third = await unlockShare(t, pokja[2] as TestUser, tender.tenderCode);
    expect((await third.client.post<{ opened: boolean }>(`/api/v1/tenders/${tender.tenderCode}/opening/shares`, { share: third.share })).body.opened).toBe(true);
  });

  it("has `openlpse verify` name an altered, swapped or repointed envelope", async () => {
    const env = { DATA_DIR: t.testDb.dataDir, DATABASE_URL: t.testDb.databaseUrl, LOG_LEVEL: "silent" };
    const run = async () => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(["verify"], { out: (x) => out.push(x), err: (x) => err.push(x), env, stdin: Readable.from([]) });
      return { code, out: out.join("\n"), err: err.join("\n") };
    };
    expect(await run()).toMatchObject({ code: 0, out: expect.stringContaining("Sealed bids OK") });

    const db = t.deps.database.db;
    const target = await db.selectFrom("bids").selectAll().where("vendor_id", "=", a.vendorId).where("status", "=", "active").executeTakeFirstOrThrow();
    const file = path.join(t.testDb.dataDir, "files", target.sha256.slice(0, 2), target.sha256);
    const original = fs.readFileSync(file);
    const altered = Buffer.from(original);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    fs.chmodSync(file, 0o600);
    fs.writeFileSync(file, altered);
    const afterEdit = await run();
    expect(afterEdit.code).toBe(1);
    expect(afterEdit.err).toContain(`bid ${target.id}`);
    expect(afterEdit.err).toContain("altered");
    fs.writeFileSync(file, original);

    const other = await db.selectFrom("bids").select("sha256").where("vendor_id", "=", b.vendorId).where("status", "=", "active").executeTakeFirstOrThrow();
    await db.updateTable("bids").set({ sha256: other.sha256 }).where("id", "=", target.id).execute();
    const repointed = await run();
    expect(repointed.code).toBe(1);
    expect(repointed.err).toContain(`bid ${target.id} differs from its event`);
    await db.updateTable("bids").set({ sha256: target.sha256 }).where("id", "=", target.id).execute();
    expect((await run()).code).toBe(0);
  });
});
