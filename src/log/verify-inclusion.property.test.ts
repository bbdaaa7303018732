import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inclusionProof, leafHash, nodeHash, verifyInclusion } from "./merkle.js";
import { leafHashAsync, nodeHashAsync, verifyInclusionAsync } from "./verify-inclusion.js";

/*
 * The browser's verifier (WebCrypto, async) and the server's (node:crypto, sync) must give the same
 * answer on every input, genuine or forged: random trees of random leaves, with proofs intact,
 * altered, shortened, lengthened, or checked at the wrong index, size or root.
 */

const RUNS = { numRuns: 300 };

const tree = fc
  .array(fc.uint8Array({ maxLength: 40 }), { minLength: 1, maxLength: 70 })
  .chain((data) => fc.tuple(fc.constant(data.map((d) => leafHash(d))), fc.integer({ min: 0, max: data.length - 1 })));

function rootOf(leaves: readonly Uint8Array[]): Uint8Array {
  // MTH by the RFC's recursive definition, independent of the accumulator in merkle.ts.
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(rootOf(leaves.slice(0, k)), rootOf(leaves.slice(k)));
}

type Change = { kind: "none" } | { kind: "flip"; element: number; bit: number } | { kind: "drop"; element: number } | { kind: "add"; hash: Uint8Array } | { kind: "index"; delta: number } | { kind: "size"; delta: number } | { kind: "root"; hash: Uint8Array };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.constant<Change>({ kind: "none" }),
  fc.record({ kind: fc.constant("flip" as const), element: fc.nat(), bit: fc.nat() }),
  fc.record({ kind: fc.constant("drop" as const), element: fc.nat() }),
  fc.record({ kind: fc.constant("add" as const), hash: fc.uint8Array({ minLength: 32, maxLength: 32 }) }),
  fc.record({ kind: fc.constant("index" as const), delta: fc.integer({ min: -5, max: 5 }) }),
  fc.record({ kind: fc.constant("size" as const), delta: fc.integer({ min: -5, max: 5 }) }),
  fc.record({ kind: fc.constant("root" as const), hash: fc.uint8Array({ minLength: 32, maxLength: 32 }) }),
);

function apply(c: Change, input: { leaf: Uint8Array; index: number; size: number; proof: Uint8Array[]; root: Uint8Array }) {
  const proof = input.proof.map((p) => p.slice());
  switch (c.kind) {
    case "none":
      return input;
    case "flip": {
      if (proof.length === 0) return input;
      const target = proof[c.element % proof.length]!;
      const bit = c.bit % (target.length * 8);
      target[bit >> 3]! ^= 1 << (bit & 7);
      return { ...input, proof };
    }
    case "drop":
      if (proof.length === 0) return input;
      proof.splice(c.element % proof.length, 1);
      return { ...input, proof };
    case "add":
      return { ...input, proof: [...proof, c.hash] };
    case "index":
      return { ...input, index: input.index + c.delta };
    case "size":
      return { ...input, size: input.size + c.delta };
    case "root":
      return { ...input, root: c.hash };
  }
}

describe("the WebCrypto inclusion verifier agrees with merkle.ts (property)", () => {
  it("hashes leaves and nodes identically", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), async (data, other) => {
        expect(await leafHashAsync(data)).toEqual(new Uint8Array(leafHash(data)));
        expect(await nodeHashAsync(leafHash(data), other)).toEqual(new Uint8Array(nodeHash(leafHash(data), other)));
      }),
      RUNS,
    );
  });

  it("accepts every genuine proof of a random tree", async () => {
    await fc.assert(
      fc.asyncProperty(tree, async ([leaves, index]) => {
        const proof = inclusionProof(leaves, index, leaves.length);
        const root = rootOf(leaves);
        expect(verifyInclusion(leaves[index]!, index, leaves.length, proof, root)).toBe(true);
        expect(await verifyInclusionAsync(leaves[index]!, index, leaves.length, proof, root)).toBe(true);
      }),
      RUNS,
    );
  });

  it("gives the same answer as verifyInclusion for altered proofs, indices, sizes and roots", async () => {
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(tree, change, async ([leaves, index], c) => {
        const genuine = { leaf: leaves[index]!, index, size: leaves.length, proof: inclusionProof(leaves, index, leaves.length), root: rootOf(leaves) };
        const x = apply(c, genuine);
        const sync = verifyInclusion(x.leaf, x.index, x.size, x.proof, x.root);
        expect(await verifyInclusionAsync(x.leaf, x.index, x.size, x.proof, x.root)).toBe(sync);
        if (!sync) rejected++;
      }),
      RUNS,
    );
    // The property is only worth something if forgeries were among the cases.
    expect(rejected).toBeGreaterThan(RUNS.numRuns / 4);
  });

  it("gives the same answer on proofs of random hashes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1000 }).chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: -1, max: size }))),
        fc.array(fc.uint8Array({ minLength: 31, maxLength: 33 }), { maxLength: 12 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        async ([size, index], proof, leaf, root) => {
          expect(await verifyInclusionAsync(leaf, index, size, proof, root)).toBe(verifyInclusion(leaf, index, size, proof, root));
        },
      ),
      RUNS,
    );
  });
});
