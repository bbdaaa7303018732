import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  consistencyProof,
  EMPTY_ROOT,
  fromHex,
  inclusionProof,
  leafHash,
  MerkleAccumulator,
  nodeHash,
  rootFromLeafHashes,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from "./merkle.js";

// The eight leaves used throughout the Certificate Transparency test suites (RFC 6962 / RFC 9162).
const CT_LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map(fromHex);
const CT_ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
const ctLeafHashes = CT_LEAVES.map(leafHash);

/** RFC 9162 2.1.1, word for word: the reference the fast versions must agree with. */
function referenceMth(d: readonly Uint8Array[]): Uint8Array {
  if (d.length === 0) return createHash("sha256").digest();
  if (d.length === 1) return d[0]!;
  const k = 2 ** Math.floor(Math.log2(d.length - 1));
  return nodeHash(referenceMth(d.slice(0, k)), referenceMth(d.slice(k)));
}

/** RFC 9162 2.1.3.1 PATH(m, D[n]), recursively. */
function referencePath(m: number, d: readonly Uint8Array[]): Uint8Array[] {
  if (d.length <= 1) return [];
  const k = 2 ** Math.floor(Math.log2(d.length - 1));
  if (m < k) return [...referencePath(m, d.slice(0, k)), referenceMth(d.slice(k))];
  return [...referencePath(m - k, d.slice(k)), referenceMth(d.slice(0, k))];
}

/** RFC 9162 2.1.4.1 SUBPROOF(m, D[n], b), recursively. */
function referenceSubproof(m: number, d: readonly Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [referenceMth(d)];
  const k = 2 ** Math.floor(Math.log2(d.length - 1));
  if (m <= k) return [...referenceSubproof(m, d.slice(0, k), b), referenceMth(d.slice(k))];
  return [...referenceSubproof(m - k, d.slice(k), false), referenceMth(d.slice(0, k))];
}

function syntheticLeaves(n: number): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => leafHash(new TextEncoder().encode(`leaf ${i}`)));
}

const hex = (hs: readonly Uint8Array[]) => hs.map(toHex);

describe("RFC 9162 hashing", () => {
  it("hashes the empty tree, leaves and nodes with their domain prefixes", () => {
    expect(toHex(EMPTY_ROOT)).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(toHex(rootFromLeafHashes([]))).toBe(toHex(EMPTY_ROOT));
    expect(toHex(leafHash(new Uint8Array(0)))).toBe(createHash("sha256").update(Uint8Array.of(0)).digest("hex"));
    const [a, b] = [ctLeafHashes[0]!, ctLeafHashes[1]!];
    expect(toHex(nodeHash(a, b))).toBe(createHash("sha256").update(Uint8Array.of(1)).update(a).update(b).digest("hex"));
  });

  it("reproduces the Certificate Transparency roots for sizes 1 to 8", () => {
    for (let size = 1; size <= 8; size++) expect(toHex(rootFromLeafHashes(ctLeafHashes, size)), `size ${size}`).toBe(CT_ROOTS[size - 1]);
  });

  it("reproduces the Certificate Transparency audit paths and consistency proofs", () => {
    // From the certificate-transparency test suites; independent of the reference code below.
    expect(hex(inclusionProof(ctLeafHashes, 0, 8))).toEqual([
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ]);
    expect(hex(consistencyProof(ctLeafHashes, 6, 8))).toEqual([
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
    expect(hex(consistencyProof(ctLeafHashes, 2, 5))).toEqual([
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ]);
  });

  it("verifies every audit path and consistency proof over the CT leaves", () => {
    for (let n = 1; n <= 8; n++) {
      const root = fromHex(CT_ROOTS[n - 1]!);
      for (let m = 0; m < n; m++) expect(verifyInclusion(ctLeafHashes[m]!, m, n, inclusionProof(ctLeafHashes, m, n), root)).toBe(true);
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(ctLeafHashes, m, n);
        expect(verifyConsistency(m, n, fromHex(CT_ROOTS[m - 1]!), root, proof), `${m} -> ${n}`).toBe(true);
      }
    }
  });
});

describe("agreement with the recursive definitions", () => {
  const leaves = syntheticLeaves(70);

  it("computes the same root as the recursive MTH for every size 0..70", () => {
    for (let n = 0; n <= 70; n++) expect(toHex(rootFromLeafHashes(leaves, n)), `size ${n}`).toBe(toHex(referenceMth(leaves.slice(0, n))));
  });

  it("computes the same audit paths and consistency proofs for every size up to 40", () => {
    for (let n = 1; n <= 40; n++) {
      const d = leaves.slice(0, n);
      for (let m = 0; m < n; m++) expect(hex(inclusionProof(leaves, m, n)), `PATH(${m}, D[${n}])`).toEqual(hex(referencePath(m, d)));
      for (let m = 1; m <= n; m++) expect(hex(consistencyProof(leaves, m, n)), `PROOF(${m}, D[${n}])`).toEqual(hex(referenceSubproof(m, d, true)));
    }
  });

  it("gives the root at every size while appending", () => {
    const acc = new MerkleAccumulator();
    expect(toHex(acc.root())).toBe(toHex(EMPTY_ROOT));
    for (const [i, leaf] of leaves.entries()) {
      acc.append(leaf);
      expect(acc.size).toBe(i + 1);
      expect(toHex(acc.root())).toBe(toHex(referenceMth(leaves.slice(0, i + 1))));
    }
  });

  it("hands out roots that callers can modify without corrupting shared state", () => {
    const root = rootFromLeafHashes([]);
    root.fill(0);
    expect(toHex(rootFromLeafHashes([]))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const one = rootFromLeafHashes(leaves, 1);
    one.fill(0);
    expect(toHex(leaves[0]!)).not.toBe(toHex(one));
  });
});

describe("argument checks", () => {
  const leaves = syntheticLeaves(5);

  it("rejects indices outside the tree and sizes beyond the leaves given", () => {
    expect(() => rootFromLeafHashes(leaves, 6)).toThrow(RangeError);
    expect(() => rootFromLeafHashes(leaves, -1)).toThrow(RangeError);
    expect(() => inclusionProof(leaves, 5, 5)).toThrow(RangeError);
    expect(() => inclusionProof(leaves, -1, 5)).toThrow(RangeError);
    expect(() => inclusionProof(leaves, 0, 6)).toThrow(RangeError);
    expect(() => inclusionProof(leaves, 0, 0)).toThrow(RangeError);
    expect(() => inclusionProof(leaves, 1.5, 5)).toThrow(RangeError);
  });

  it("only proves consistency for 1 <= first <= second <= leaves", () => {
    expect(() => consistencyProof(leaves, 0, 3)).toThrow(RangeError);
    expect(() => consistencyProof(leaves, 4, 3)).toThrow(RangeError);
    expect(() => consistencyProof(leaves, 3, 6)).toThrow(RangeError);
    expect(consistencyProof(leaves, 5, 5)).toEqual([]);
  });

  it("returns false rather than throwing for nonsense given to the verifiers", () => {
    const root = rootFromLeafHashes(leaves);
    expect(verifyInclusion(leaves[0]!, 5, 5, [], root)).toBe(false);
    expect(verifyInclusion(leaves[0]!, -1, 5, [], root)).toBe(false);
    expect(verifyInclusion(leaves[0]!, 0, 5, [new Uint8Array(31)], root)).toBe(false);
    expect(verifyInclusion(leaves[0]!, 0, 1, [], root.subarray(1))).toBe(false);
    expect(verifyConsistency(0, 5, EMPTY_ROOT, root, [])).toBe(false);
    expect(verifyConsistency(6, 5, root, root, [])).toBe(false);
    expect(verifyConsistency(3, 5, root, root, [])).toBe(false);
  });

  it("accepts a single leaf as its own root and equal sizes only with equal roots", () => {
    expect(verifyInclusion(leaves[0]!, 0, 1, [], leaves[0]!)).toBe(true);
    const root = rootFromLeafHashes(leaves);
    expect(verifyConsistency(5, 5, root, root, [])).toBe(true);
    expect(verifyConsistency(5, 5, root, leaves[0]!, [])).toBe(false);
    expect(verifyConsistency(5, 5, root, root, [root])).toBe(false);
  });
});

describe("hex", () => {
  it("round-trips and rejects malformed input", () => {
    expect(toHex(fromHex("00ff10Ab"))).toBe("00ff10ab");
    expect(fromHex("")).toEqual(new Uint8Array(0));
    expect(() => fromHex("abc")).toThrow(TypeError);
    expect(() => fromHex("zz")).toThrow(TypeError);
    expect(() => fromHex("0x00")).toThrow(TypeError);
    expect(toHex(fromHex("deadbeef").subarray(1, 3))).toBe("adbe");
  });
});
