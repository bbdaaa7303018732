import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashWorkerThreadsForTest, workerDigest } from "./hash-workers.js";

const sha256 = (...pieces: Uint8Array[]) => {
  const hash = createHash("sha256");
  for (const p of pieces) hash.update(p);
  return hash.digest("hex");
};

describe("SHA-256 on worker threads", () => {
  it("hashes pieces in order, for several files at once, whether a piece owns its memory or is a view", async () => {
    const files = Array.from({ length: 6 }, (_, i) => Array.from({ length: 4 + i }, () => new Uint8Array(randomBytes(70_000 + i))));
    const expected = files.map((pieces) => sha256(...pieces));
    const digests = files.map(() => workerDigest());
    // Interleaved, as four bids opened at once interleave their chunks.
    for (let c = 0; c < 10; c++) {
      for (const [f, pieces] of files.entries()) {
        const piece = pieces[c];
        if (!piece) continue;
        // Every other piece is a view into a larger buffer, which must be copied, not handed over.
        digests[f]?.update(c % 2 === 0 ? piece.slice() : new Uint8Array(Buffer.concat([Buffer.alloc(3), piece]).buffer, 3, piece.length));
      }
    }
    expect(await Promise.all(digests.map((d) => d.hex()))).toEqual(expected);
  });

  it("hashes an empty file", async () => {
    expect(await workerDigest().hex()).toBe(sha256());
  });

  it("fails the digests of a worker that stopped, instead of waiting for ever, and works again after", async () => {
    const digests = hashWorkerThreadsForTest().map(() => workerDigest());
    for (const d of digests) d.update(new Uint8Array(randomBytes(1000)));
    await Promise.all(hashWorkerThreadsForTest().map((thread) => thread.terminate()));
    for (const d of digests) await expect(d.hex()).rejects.toThrow(/exited/);
    const again = workerDigest();
    const bytes = new Uint8Array(randomBytes(5000));
    again.update(bytes.slice());
    expect(await again.hex()).toBe(sha256(bytes));
  });
});
