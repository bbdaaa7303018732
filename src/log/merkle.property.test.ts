import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consistencyProof, inclusionProof, leafHash, MerkleAccumulator, MerkleTree, rootFromLeafHashes, verifyConsistency, verifyInclusion } from "./merkle.js";

const MAX_SIZE = 300;
const RUNS = { numRuns: 400 };

const leaves = Array.from({ length: MAX_SIZE }, (_, i) => leafHash(new TextEncoder().encode(`event ${i}`)));
/** roots[n] = MTH of the first n leaves. */
const roots = (() => {
  const acc = new MerkleAccumulator();
  const out = [acc.root()];
  for (const leaf of leaves) {
    acc.append(leaf);
    out.push(acc.root());
  }
  return out;
})();
const rootAt = (n: number) => roots[n]!;

/** A copy of the proof with one bit flipped, chosen by the two seeds. */
function flipBit(proof: readonly Uint8Array[], elementSeed: number, bitSeed: number): Uint8Array[] {
  const copy = proof.map((p) => p.slice());
  const target = copy[elementSeed % copy.length]!;
  const bit = bitSeed % (target.length * 8);
  target[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
}

const sizeAndIndex = fc.integer({ min: 1, max: MAX_SIZE }).chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 })));
const twoSizes = fc.integer({ min: 1, max: MAX_SIZE }).chain((second) => fc.tuple(fc.integer({ min: 1, max: second }), fc.constant(second)));
const seed = fc.nat();
const randomHash = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe("inclusion proofs (property)", () => {
  it("verify for every leaf of every tree", () => {
    fc.assert(
      fc.property(sizeAndIndex, ([size, index]) => {
        expect(verifyInclusion(leaves[index]!, index, size, inclusionProof(leaves, index, size), rootAt(size))).toBe(true);
      }),
      RUNS,
    );
  });

  it("fail with any single bit flipped", () => {
    fc.assert(
      fc.property(sizeAndIndex, seed, seed, ([size, index], e, b) => {
        fc.pre(size > 1);
        const proof = flipBit(inclusionProof(leaves, index, size), e, b);
        expect(verifyInclusion(leaves[index]!, index, size, proof, rootAt(size))).toBe(false);
      }),
      RUNS,
    );
  });

  it("fail for another index, whether or not its leaf is swapped in too", () => {
    fc.assert(
      fc.property(sizeAndIndex, seed, ([size, index], s) => {
        fc.pre(size > 1);
        const other = (index + 1 + (s % (size - 1))) % size;
        const proof = inclusionProof(leaves, index, size);
        expect(verifyInclusion(leaves[index]!, other, size, proof, rootAt(size))).toBe(false);
        expect(verifyInclusion(leaves[other]!, other, size, proof, rootAt(size))).toBe(false);
      }),
      RUNS,
    );
  });

  it("fail for another tree size, checked against that size's root", () => {
    fc.assert(
      fc.property(sizeAndIndex, fc.integer({ min: 1, max: MAX_SIZE }), ([size, index], otherSize) => {
        fc.pre(otherSize !== size && index < otherSize);
        const proof = inclusionProof(leaves, index, size);
        expect(verifyInclusion(leaves[index]!, index, otherSize, proof, rootAt(otherSize))).toBe(false);
      }),
      RUNS,
    );
  });

  it("fail against a wrong root", () => {
    fc.assert(
      fc.property(sizeAndIndex, randomHash, ([size, index], wrong) => {
        const proof = inclusionProof(leaves, index, size);
        expect(verifyInclusion(leaves[index]!, index, size, proof, wrong)).toBe(false);
        if (size > 1) expect(verifyInclusion(leaves[index]!, index, size, proof, rootAt(size - 1))).toBe(false);
      }),
      RUNS,
    );
  });

  it("bind the tree size only through the root: the same path can fit two sizes", () => {
    // Leaf 0 has the path [leaf 1, MTH(D[2:4])] in a tree of 4; read as size 3 it still climbs to
    // the size-4 root. RFC 9162 relies on the signed head pairing size and root, and so do we.
    const proof = inclusionProof(leaves, 0, 4);
    expect(verifyInclusion(leaves[0]!, 0, 3, proof, rootAt(4))).toBe(true);
    expect(verifyInclusion(leaves[0]!, 0, 3, proof, rootAt(3))).toBe(false);
  });
});

describe("consistency proofs (property)", () => {
  it("verify between any two sizes", () => {
    fc.assert(
      fc.property(twoSizes, ([first, second]) => {
        const proof = consistencyProof(leaves, first, second);
        expect(verifyConsistency(first, second, rootAt(first), rootAt(second), proof)).toBe(true);
        expect(proof.length === 0).toBe(first === second);
      }),
      RUNS,
    );
  });

  it("fail with any single bit flipped", () => {
    fc.assert(
      fc.property(twoSizes, seed, seed, ([first, second], e, b) => {
        fc.pre(first < second);
        const proof = flipBit(consistencyProof(leaves, first, second), e, b);
        expect(verifyConsistency(first, second, rootAt(first), rootAt(second), proof)).toBe(false);
      }),
      RUNS,
    );
  });

  it("fail for other sizes, checked against those sizes' roots", () => {
    fc.assert(
      fc.property(twoSizes, fc.integer({ min: 1, max: MAX_SIZE }), ([first, second], other) => {
        const proof = consistencyProof(leaves, first, second);
        if (other !== first && other <= second) {
          expect(verifyConsistency(other, second, rootAt(other), rootAt(second), proof)).toBe(false);
        }
        if (other !== second && other >= first) {
          expect(verifyConsistency(first, other, rootAt(first), rootAt(other), proof)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it("fail against a wrong first or second root", () => {
    fc.assert(
      fc.property(twoSizes, randomHash, ([first, second], wrong) => {
        const proof = consistencyProof(leaves, first, second);
        expect(verifyConsistency(first, second, wrong, rootAt(second), proof)).toBe(false);
        expect(verifyConsistency(first, second, rootAt(first), wrong, proof)).toBe(false);
      }),
      RUNS,
    );
  });

  it("fail for a prefix that was rewritten", () => {
    fc.assert(
      fc.property(twoSizes, seed, ([first, second], s) => {
        fc.pre(first < second);
        const forged = leaves.slice(0, second);
        forged[s % first] = leafHash(new TextEncoder().encode("forged"));
        const proof = consistencyProof(forged, first, second);
        expect(verifyConsistency(first, second, rootAt(first), rootFromLeafHashes(forged), proof)).toBe(false);
      }),
      RUNS,
    );
  });
});

describe("the cached tree (property)", () => {
  const tree = new MerkleTree();
  for (const leaf of leaves) tree.append(leaf);

  it("gives the same roots, audit paths and consistency proofs as the computation from the leaves", () => {
    fc.assert(
      fc.property(sizeAndIndex, twoSizes, ([size, index], [first, second]) => {
        expect(tree.root(size)).toEqual(rootAt(size));
        expect(tree.inclusionProof(index, size)).toEqual(inclusionProof(leaves, index, size));
        expect(tree.consistencyProof(first, second)).toEqual(consistencyProof(leaves, first, second));
      }),
      RUNS,
    );
    expect(tree.root(0)).toEqual(rootFromLeafHashes(leaves, 0));
  });

  it("refuses sizes and indices it does not hold", () => {
    expect(() => tree.root(MAX_SIZE + 1)).toThrow(RangeError);
    expect(() => tree.inclusionProof(5, 5)).toThrow(RangeError);
    expect(() => tree.consistencyProof(0, 5)).toThrow(RangeError);
  });
});
