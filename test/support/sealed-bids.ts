import { expect } from "vitest";
import { concat } from "../../src/crypto/bytes.js";
import { type BidDocument, type BidPart, sealBid } from "../../src/crypto/envelope.js";
import { createOpeningKey, openShare, runKeyCeremony, type SealedShare, type StoredOpeningKey, unlockOpeningKey } from "../../src/crypto/keys.js";
import type { TestApp } from "./app.js";
import type { Client } from "./client.js";
import { loginAs, type TestUser } from "./factories.js";

/** The lowest iteration count the server accepts: the key derivation is not what these tests are about. */
export const TEST_ITERATIONS = 100_000;

export const passphraseOf = (user: TestUser) => `frasa sandi pembukaan ${user.email}`;

/** Each member makes its opening key as its browser would, and uploads it. */
export async function giveOpeningKeys(t: TestApp, members: readonly TestUser[]): Promise<Map<string, StoredOpeningKey>> {
  const keys = new Map<string, StoredOpeningKey>();
  for (const member of members) {
    const stored = await createOpeningKey(passphraseOf(member), TEST_ITERATIONS);
    const r = await (await loginAs(t, member)).put("/api/v1/me/opening-key", stored);
    expect(r.status, r.text).toBe(200);
    keys.set(member.id, stored);
  }
  return keys;
}

interface CeremonyView {
  tenderCode: string | null;
  members: { userId: string; publicKey: string | null }[];
  escrow: { userId: string; publicKey: string | null } | null;
  threshold: number;
}

/** The ceremony as the committee's browser or the CLI runs it: one share per member, and the escrow share if kept. */
function ceremonyFor(tenderCode: string, view: CeremonyView, threshold?: number) {
  const holders = view.escrow ? [...view.members, view.escrow] : view.members;
  return runKeyCeremony(
    tenderCode,
    holders.map((m) => ({ userId: m.userId, publicKey: m.publicKey ?? "" })),
    threshold ?? view.threshold,
  );
}

/** A member runs the key ceremony for a tender published without its key, and uploads its result. */
export async function runCeremonyAs(member: Client, tenderCode: string, threshold?: number) {
  const view = await member.get<CeremonyView>(`/api/v1/tenders/${tenderCode}/key-ceremony`);
  expect(view.status, view.text).toBe(200);
  const r = await member.put<{ publicKey: string; threshold: number }>(`/api/v1/tenders/${tenderCode}/tender-key`, await ceremonyFor(tenderCode, view.body, threshold));
  expect(r.status, r.text).toBe(201);
  return r.body;
}

/**
 * A member publishes a sealed-bid tender as the package page does: the tender code is reserved, the key
 * ceremony runs for it, and publication carries the result. Returns the publication's response.
 */
export async function publishWithCeremony(member: Client, packageId: string) {
  const reserved = await member.post<{ tenderCode: string }>(`/api/v1/packages/${packageId}/tender-code`);
  expect(reserved.status, reserved.text).toBe(200);
  const view = await member.get<CeremonyView>(`/api/v1/packages/${packageId}/key-ceremony`);
  expect(view.status, view.text).toBe(200);
  return member.post<{ status: string; tenderCode: string | null }>(`/api/v1/packages/${packageId}/publish`, { tenderKey: await ceremonyFor(reserved.body.tenderCode, view.body) });
}

/** A member fetches its sealed share, unlocks its opening key with its passphrase and opens the share. */
export async function unlockShare(t: TestApp, member: TestUser, tenderCode: string): Promise<{ client: Client; share: string }> {
  const client = await loginAs(t, member);
  const stored = (await client.get<StoredOpeningKey>("/api/v1/me/opening-key")).body;
  const sealed = (await client.get<SealedShare>(`/api/v1/tenders/${tenderCode}/key-share`)).body;
  const share = await openShare(sealed, tenderCode, await unlockOpeningKey(stored, passphraseOf(member)));
  return { client, share };
}

export function bufferPart(bytes: Uint8Array): BidPart {
  return {
    size: bytes.length,
    content: async function* () {
      yield bytes;
    },
  };
}

/** A whole envelope in memory (tests only; browsers and benchmarks stream it). */
export async function sealEnvelope(tenderCode: string, vendorId: string, tenderPublicKey: string, document: BidDocument, files: readonly Uint8Array[]): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  for await (const piece of sealBid({ tenderCode, vendorId, tenderPublicKey, document, files: files.map(bufferPart), chunkSize: 65_536 })) pieces.push(piece);
  return Buffer.from(concat(...pieces));
}

export async function uploadEnvelope(client: Client, tenderCode: string, envelope: Buffer) {
  return client.raw<{ sha256: string; logIndex: number; receivedAt: string; signature: string; receiptText: string; bidId: string }>("POST", `/api/v1/tenders/${tenderCode}/bids`, {
    payload: envelope,
    headers: { "content-type": "application/octet-stream", "x-csrf-token": await client.csrfToken() },
  });
}

export interface TestBid {
  vendor: TestUser & { vendorId: string };
  price: string;
  /** Unit price per bill-of-quantities line, in the announcement's order. */
  unitPrices: string[];
}

/**
 * A tender taken through the sealed-bid steps with the real routes: the committee's opening keys and the
 * ceremony, the vendors' bids during Upload Dokumen Penawaran, and the opening by two of three members
 * after the deadline (the test schedule's deadline: 11 December 2026, 14:00 WIB). `rebids` replace earlier
 * bids of the same vendors before the deadline. The clock ends one hour after the deadline.
 */
export async function buildOpenedTender(
  t: TestApp,
  tender: { tenderCode: string; pokja: TestUser[] },
  bids: readonly TestBid[],
  rebids: readonly TestBid[] = [],
  /** Whole weeks (in days) the schedule was moved by with `pascaSchedule(shiftDays)`; the steps move with it. */
  shiftDays = 0,
) {
  const at = (iso: string) => new Date(Date.parse(iso) + shiftDays * 86_400_000);
  await giveOpeningKeys(t, tender.pokja);
  const { publicKey } = await runCeremonyAs(await loginAs(t, tender.pokja[0] as TestUser), tender.tenderCode);
  const items = (await t.client().get<{ items: { id: string }[] }>(`/api/v1/public/tenders/${tender.tenderCode}`)).body.items;
  t.clock.set(at("2026-12-01T03:00:00Z"));
  for (const b of bids) expect((await (await loginAs(t, b.vendor)).post(`/api/v1/tenders/${tender.tenderCode}/participation`)).status).toBe(200);
  t.clock.set(at("2026-12-10T03:00:00Z"));
  for (const b of [...bids, ...rebids]) {
    const document: BidDocument = { price: b.price, items: items.map((item, i) => ({ hpsItemId: item.id, unitPrice: b.unitPrices[i] ?? "0", quantity: "1" })), validityDays: 60, files: [] };
    const r = await uploadEnvelope(await loginAs(t, b.vendor), tender.tenderCode, await sealEnvelope(tender.tenderCode, b.vendor.vendorId, publicKey, document, []));
    expect(r.status, r.text).toBe(201);
  }
  t.clock.set(at("2026-12-11T08:00:00Z"));
  for (const member of tender.pokja.slice(0, 2)) {
    const { client, share } = await unlockShare(t, member, tender.tenderCode);
    expect((await client.post(`/api/v1/tenders/${tender.tenderCode}/opening/shares`, { share })).status).toBe(200);
  }
  return { publicKey, items };
}
