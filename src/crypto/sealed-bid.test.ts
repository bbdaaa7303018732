import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concat, fromBase64Url, toBase64Url } from "./bytes.js";
import { type BidDocument, EnvelopeCheck, EnvelopeError, openBid, sealBid } from "./envelope.js";
import { createOpeningKey, majority, shareHash, openShare, recoverTenderKey, runKeyCeremony, unlockOpeningKey, WrongPassphraseError, WrongSharesError } from "./keys.js";

/** Fast iterations for tests only; the default is 600,000. */
const ITERATIONS = 1_000;

async function committee(size: number) {
  const members = await Promise.all(
    Array.from({ length: size }, async (_, i) => {
      const passphrase = `kunci pembukaan anggota ${i + 1}`;
      return { userId: `user-${i + 1}`, passphrase, stored: await createOpeningKey(passphrase, ITERATIONS) };
    }),
  );
  return members;
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const pieces: Uint8Array[] = [];
  for await (const piece of stream) pieces.push(piece);
  return concat(...pieces);
}

async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const document: BidDocument = { price: "1750000000", items: [{ hpsItemId: "i1", unitPrice: "1750000000", quantity: "1" }], validityDays: 60, files: [{ name: "penawaran teknis.pdf", kind: "teknis" }, { name: "kosong.txt", kind: "lainnya" }] };
const nodeDigest = () => {
  const hash = createHash("sha256");
  return { update: (b: Uint8Array) => void hash.update(b), hex: () => hash.digest("hex") };
};

describe("opening keys", () => {
  it("unlock only with the member's passphrase", async () => {
    const stored = await createOpeningKey("kata sandi pembukaan yang panjang", ITERATIONS);
    expect(stored.wrapped.ciphertext).not.toContain(stored.publicKey);
    await expect(unlockOpeningKey(stored, "kata sandi pembukaan yang panjang")).resolves.toBeDefined();
    await expect(unlockOpeningKey(stored, "kata sandi yang lain sama sekali")).rejects.toBeInstanceOf(WrongPassphraseError);
    // A wrapped seed moved under another public key does not unlock.
    const other = await createOpeningKey("kata sandi pembukaan yang panjang", ITERATIONS);
    await expect(unlockOpeningKey({ ...other, wrapped: stored.wrapped }, "kata sandi pembukaan yang panjang")).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(createOpeningKey("pendek", ITERATIONS)).rejects.toThrow(RangeError);
  });
});

describe("key ceremony and opening", () => {
  it("rebuilds the tender key from any k of n shares, never from k-1, another tender's or altered shares", async () => {
    const members = await committee(5);
    const ceremony = await runKeyCeremony("202700001", members.map((m) => ({ userId: m.userId, publicKey: m.stored.publicKey })));
    expect(ceremony.threshold).toBe(majority(5));
    expect(ceremony.threshold).toBe(3);
    const opened = await Promise.all(
      members.map(async (m, i) => openShare(ceremony.shares[i] as (typeof ceremony.shares)[number], "202700001", await unlockOpeningKey(m.stored, m.passphrase))),
    );
    // Each opened share matches its commitment; a share does not match another member's.
    for (const [i, share] of opened.entries()) expect(await shareHash("202700001", `user-${i + 1}`, share)).toBe(ceremony.shares[i]?.shareHash);
    expect(await shareHash("202700001", "user-2", opened[0] as string)).not.toBe(ceremony.shares[1]?.shareHash);
    for (const chosen of [[0, 1, 2], [2, 3, 4], [0, 2, 4], [0, 1, 2, 3, 4]]) {
      await expect(recoverTenderKey(chosen.map((i) => opened[i] as string), ceremony.publicKey)).resolves.toBeDefined();
    }
    await expect(recoverTenderKey(opened.slice(0, 2), ceremony.publicKey)).rejects.toBeInstanceOf(WrongSharesError);
    const altered = fromBase64Url(opened[0] as string);
    altered[3] = (altered[3] ?? 0) ^ 1;
    await expect(recoverTenderKey([toBase64Url(altered), opened[1] as string, opened[2] as string], ceremony.publicKey)).rejects.toBeInstanceOf(WrongSharesError);
    // A share is sealed to one tender and one member: it does not open as another's.
    const key0 = await unlockOpeningKey(members[0]!.stored, members[0]!.passphrase);
    await expect(openShare(ceremony.shares[0]!, "202700002", key0)).rejects.toThrow();
    await expect(openShare({ ...ceremony.shares[0]!, userId: "user-2" }, "202700001", key0)).rejects.toThrow();
    await expect(openShare(ceremony.shares[1]!, "202700001", key0)).rejects.toThrow();
    const other = await runKeyCeremony("202700002", members.map((m) => ({ userId: m.userId, publicKey: m.stored.publicKey })));
    await expect(recoverTenderKey(opened.slice(0, 3), other.publicKey)).rejects.toBeInstanceOf(WrongSharesError);
  });
});

describe("the bid envelope", () => {
  async function sealed(chunkSize = 65_536) {
    const members = await committee(3);
    const ceremony = await runKeyCeremony("202700001", members.map((m) => ({ userId: m.userId, publicKey: m.stored.publicKey })));
    const technical = new Uint8Array(200_000).map((_, i) => (i * 7) % 251);
    const envelope = await collect(
      sealBid({
        tenderCode: "202700001",
        vendorId: "vendor-a",
        tenderPublicKey: ceremony.publicKey,
        document,
        files: [
          { size: technical.length, content: () => pieces(technical, 9_999) },
          { size: 0, content: () => pieces(new Uint8Array(0), 1) },
        ],
        chunkSize,
      }),
    );
    const shares = await Promise.all(members.slice(0, 2).map(async (m, i) => openShare(ceremony.shares[i]!, "202700001", await unlockOpeningKey(m.stored, m.passphrase))));
    const tenderKey = await recoverTenderKey(shares, ceremony.publicKey);
    return { envelope, technical, tenderKey, ceremony };
  }

  it("seals a bid that only the recovered tender key opens, with every file and the document intact", async () => {
    const { envelope, technical, tenderKey } = await sealed();
    // Neither the price nor the file names nor the contents appear in the stored bytes.
    const text = Buffer.from(envelope).toString("latin1");
    expect(text).not.toContain("1750000000");
    expect(text).not.toContain("penawaran teknis");
    const received: Uint8Array[] = [];
    const opened = await openBid(pieces(envelope, 4_096), tenderKey, { tenderCode: "202700001", vendorId: "vendor-a" }, { onFile: (i, b) => void (i === 0 && received.push(b.slice())), newDigest: nodeDigest });
    expect(opened.document).toEqual(document);
    expect(opened.files).toEqual([
      { size: technical.length, sha256: createHash("sha256").update(technical).digest("hex") },
      { size: 0, sha256: createHash("sha256").digest("hex") },
    ]);
    expect(Buffer.from(concat(...received)).equals(Buffer.from(technical))).toBe(true);
    // Without node:crypto, the WebCrypto digest gives the same answer.
    expect((await openBid(pieces(envelope, 65_536), tenderKey, { tenderCode: "202700001", vendorId: "vendor-a" })).files).toEqual(opened.files);
  });

  it("is checked at upload without the key: length, tender, vendor, header; and any altered byte fails at opening", async () => {
    const { envelope, tenderKey } = await sealed();
    const check = (bytes: Uint8Array, expect_ = { tenderCode: "202700001", vendorId: "vendor-a", maxBytes: 10_000_000 }) => {
      const c = new EnvelopeCheck(expect_);
      for (let i = 0; i < bytes.length; i += 1_000) c.push(bytes.subarray(i, i + 1_000));
      return c.finish();
    };
    expect(check(envelope).parts).toEqual([JSON.stringify(document).length, 200_000, 0]);
    expect(() => check(envelope.subarray(0, envelope.length - 1))).toThrow(EnvelopeError);
    expect(() => check(concat(envelope, Uint8Array.of(0)))).toThrow(EnvelopeError);
    expect(() => check(envelope, { tenderCode: "202700009", vendorId: "vendor-a", maxBytes: 10_000_000 })).toThrow("another tender");
    expect(() => check(envelope, { tenderCode: "202700001", vendorId: "vendor-b", maxBytes: 10_000_000 })).toThrow("another vendor");
    expect(() => check(envelope, { tenderCode: "202700001", vendorId: "vendor-a", maxBytes: 1_000 })).toThrow("size limit");
    expect(() => check(new TextEncoder().encode("%PDF-1.4 bukan amplop penawaran"))).toThrow(EnvelopeError);

    // Flipping any byte, in the header or the chunks, makes opening fail: it never yields another bid.
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: envelope.length - 1 }), async (position) => {
        const altered = envelope.slice();
        altered[position] = (altered[position] ?? 0) ^ 0x40;
        await expect(openBid(pieces(altered, 65_536), tenderKey, { tenderCode: "202700001", vendorId: "vendor-a" }, { newDigest: nodeDigest })).rejects.toThrow();
      }),
      { numRuns: 40 },
    );
  });
});
