import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { concat } from "./bytes.js";
import { envelopePieces } from "./envelope-pieces.js";
import { openBid, sealBid } from "./envelope.js";
import { keyPairFromSeed, publicKeyOf } from "./keys.js";

/** A reader over bytes that, like the server's, fills one buffer again on every read. */
function reusingReader(bytes: Uint8Array) {
  let at = 0;
  let buffer = new Uint8Array(0);
  const reads: number[] = [];
  return {
    reads,
    read: async (n: number) => {
      if (buffer.length < n) buffer = new Uint8Array(n);
      const take = Math.min(n, bytes.length - at);
      buffer.set(bytes.subarray(at, at + take));
      at += take;
      reads.push(n);
      return buffer.subarray(0, take);
    },
  };
}

describe("an envelope read in its own pieces", () => {
  it("reads the header, then each sealed chunk exactly, and opens from a reader that reuses its buffer", async () => {
    const key = await keyPairFromSeed(new Uint8Array(randomBytes(32)));
    const files = [new Uint8Array(randomBytes(200_000)), new Uint8Array(0), new Uint8Array(randomBytes(70_000))];
    const sealed: Uint8Array[] = [];
    const document = { price: "1000000", items: [], validityDays: 30, files: files.map((_, i) => ({ name: `f${i}.pdf`, kind: "teknis" })) };
    for await (const piece of sealBid({ tenderCode: "202700001", vendorId: "v1", tenderPublicKey: await publicKeyOf(key), document, files: files.map((f) => ({ size: f.length, content: async function* () { yield f; } })), chunkSize: 65_536 })) sealed.push(piece);
    const envelope = concat(...sealed);
    const reader = reusingReader(envelope);
    const opened = await openBid(envelopePieces(reader.read), key, { tenderCode: "202700001", vendorId: "v1" }, {
      newDigest: () => {
        const hash = createHash("sha256");
        return { update: (b) => void hash.update(b), hex: () => hash.digest("hex") };
      },
    });
    expect(opened.document.price).toBe("1000000");
    expect(opened.files.map((f) => f.sha256)).toEqual(files.map((f) => createHash("sha256").update(f).digest("hex")));
    // The document, 4 chunks of the 200,000 bytes, the empty file's chunk, 2 of the 70,000, each with its 16-byte tag; then one read that finds the end.
    expect(reader.reads.slice(2)).toEqual([expect.any(Number), 65_552, 65_552, 65_552, 3_392 + 16, 16, 65_552, 4_464 + 16, 1_048_576]);
  });

  it("reads nothing past a prefix that announces a header over the limit", async () => {
    const prefix = new Uint8Array(13);
    prefix.set(new TextEncoder().encode("OLPSEBID"), 0);
    new DataView(prefix.buffer).setUint32(9, 0xffff_ffff);
    const reader = reusingReader(concat(prefix, new Uint8Array(100)));
    const pieces: Uint8Array[] = [];
    for await (const p of envelopePieces(reader.read)) pieces.push(p);
    expect(reader.reads).toEqual([13]);
    expect(pieces).toHaveLength(1);
  });
});
