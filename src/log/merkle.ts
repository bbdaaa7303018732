import { hash } from "node:crypto";

/*
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1, over SHA-256.
 * Sizes and indices are plain numbers: safe integers go far beyond any log we will hold, and the
 * arithmetic below avoids 32-bit bitwise operators so it stays correct past 2^31 entries.
 */

/** Domain-separation prefixes, so a leaf can never be passed off as an interior node (RFC 9162 2.1.1). */
const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;
const HASH_BYTES = 32;

/** SHA-256 of the empty string: the root of a tree with no leaves. */
export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0));

function sha256(data: Uint8Array): Uint8Array {
  const d = hash("sha256", data, "buffer");
  // A plain Uint8Array, not a Buffer, so callers comparing values are not tripped by the subclass.
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}

/** MTH({d}) = SHA-256(0x00 || d). */
export function leafHash(data: Uint8Array): Uint8Array {
  const buf = new Uint8Array(1 + data.length);
  buf[0] = LEAF_PREFIX;
  buf.set(data, 1);
  return sha256(buf);
}

/** Reused input for nodeHash: hashing is synchronous, and allocating per node doubled the cost. */
const nodeInput = new Uint8Array(1 + 2 * HASH_BYTES);

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  // This runs about once per leaf and dominates the cost of every tree operation.
  const buf = left.length === HASH_BYTES && right.length === HASH_BYTES ? nodeInput : new Uint8Array(1 + left.length + right.length);
  buf[0] = NODE_PREFIX;
  buf.set(left, 1);
  buf.set(right, 1 + left.length);
  return sha256(buf);
}

/**
 * A growing tree kept as the roots of its perfect subtrees, largest first (one per set bit of the
 * size). Appending costs amortised one hash, and the root of the current size is a fold of at most
 * log2(size) roots, so the roots at many sizes can be read off in a single pass over the leaves.
 */
export class MerkleAccumulator {
  private readonly stack: Uint8Array[] = [];
  private count = 0;

  /** Number of leaves appended so far. */
  get size(): number {
    return this.count;
  }

  /** Add the next leaf hash. */
  append(leaf: Uint8Array): void {
    let node = leaf;
    // Each trailing 1 bit of the old size is a perfect subtree of equal size that the new node completes.
    for (let n = this.count; n % 2 === 1; n = Math.floor(n / 2)) node = nodeHash(this.stack.pop()!, node);
    this.stack.push(node);
    this.count++;
  }

  /** MTH of the leaves appended so far. */
  root(): Uint8Array {
    const last = this.stack.length - 1;
    if (last < 0) return EMPTY_ROOT.slice();
    // The RFC splits at the largest power of two below n: that left part is the biggest perfect subtree.
    let acc = this.stack[last]!;
    for (let i = last - 1; i >= 0; i--) acc = nodeHash(this.stack[i]!, acc);
    return last === 0 ? acc.slice() : acc;
  }
}

/** MTH(D[size]): the root over the first `size` leaf hashes (RFC 9162 2.1.1). */
export function rootFromLeafHashes(leafHashes: readonly Uint8Array[], size: number = leafHashes.length): Uint8Array {
  checkSize(leafHashes, size);
  return subtreeRoot(leafHashes, 0, size);
}

/** PATH(m, D[n]): the audit path proving leaf `index` is in the tree of `size` leaves (RFC 9162 2.1.3.1). */
export function inclusionProof(leafHashes: readonly Uint8Array[], index: number, size: number): Uint8Array[] {
  checkSize(leafHashes, size);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`leaf index ${index} is outside a tree of size ${size}`);
  }
  return auditPath(index, size, (start, end) => subtreeRoot(leafHashes, start, end));
}

/** Subtree roots MTH(D[start:end]) as the proofs need them: from the leaves, or from a cached tree. */
type SubtreeRoot = (start: number, end: number) => Uint8Array;

function auditPath(index: number, size: number, subtree: SubtreeRoot): Uint8Array[] {
  // Walk down from the root; the RFC lists the siblings bottom-up, so reverse at the end.
  const path: Uint8Array[] = [];
  let start = 0;
  let n = size;
  let m = index;
  while (n > 1) {
    const k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path.push(subtree(start + k, start + n));
      n = k;
    } else {
      path.push(subtree(start, start + k));
      start += k;
      m -= k;
      n -= k;
    }
  }
  return path.reverse();
}

/** PROOF(m, D[n]): proves the tree of `first` leaves is a prefix of the tree of `second` (RFC 9162 2.1.4.1). */
export function consistencyProof(leafHashes: readonly Uint8Array[], first: number, second: number): Uint8Array[] {
  checkSize(leafHashes, second);
  if (!Number.isSafeInteger(first) || first < 1 || first > second) {
    throw new RangeError(`cannot prove consistency from size ${first} to size ${second}: need 1 <= first <= second`);
  }
  return consistencyPath(first, second, (start, end) => subtreeRoot(leafHashes, start, end));
}

function consistencyPath(first: number, second: number, subtree: SubtreeRoot): Uint8Array[] {
  // SUBPROOF(m, D[n], b), unrolled from the top; like PATH, its nodes come out in reverse order.
  const proof: Uint8Array[] = [];
  let start = 0;
  let n = second;
  let m = first;
  let startsAtOldRoot = true;
  while (m < n) {
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      proof.push(subtree(start + k, start + n));
      n = k;
    } else {
      proof.push(subtree(start, start + k));
      start += k;
      m -= k;
      n -= k;
      startsAtOldRoot = false;
    }
  }
  // SUBPROOF(m, D[m], false) = {MTH(D[m])}; with b still true the verifier already has that root.
  if (!startsAtOldRoot) proof.push(subtree(start, start + n));
  return proof.reverse();
}

/**
 * The whole tree kept in memory: every level of complete, aligned subtrees over the leaves appended so
 * far (about two hashes per leaf). Any subtree root the RFC's algorithms ask for is a lookup, or a fold of
 * at most log2(size) lookups along the ragged right edge, so a root, an audit path or a consistency proof
 * at any size costs O(log² size) hashes instead of a pass over every leaf.
 */
export class MerkleTree {
  /** Level 0 holds the leaf hashes, level k the roots of the complete subtrees of 2^k leaves, 32 bytes each, packed. */
  private readonly levels: HashList[] = [new HashList()];

  get size(): number {
    return this.levels[0]!.length;
  }

  leaf(index: number): Uint8Array | undefined {
    return index >= 0 && index < this.size ? this.levels[0]!.get(index) : undefined;
  }

  append(leaf: Uint8Array): void {
    this.levels[0]!.push(leaf);
    // Each completed pair makes a node one level up, as far as the new leaf closes subtrees.
    for (let level = 0, index = this.size - 1; isOdd(index); level++, index = half(index)) {
      const nodes = this.levels[level]!;
      (this.levels[level + 1] ??= new HashList()).push(nodeHash(nodes.get(index - 1), nodes.get(index)));
    }
  }

  /** MTH(D[size]). */
  root(size: number = this.size): Uint8Array {
    this.checkSize(size);
    return size === 0 ? EMPTY_ROOT.slice() : this.subtree(0, size);
  }

  /** PATH(m, D[n]), as inclusionProof computes it from the leaves. */
  inclusionProof(index: number, size: number): Uint8Array[] {
    this.checkSize(size);
    if (!Number.isSafeInteger(index) || index < 0 || index >= size) throw new RangeError(`leaf index ${index} is outside a tree of size ${size}`);
    return auditPath(index, size, (start, end) => this.subtree(start, end));
  }

  /** PROOF(m, D[n]), as consistencyProof computes it from the leaves. */
  consistencyProof(first: number, second: number): Uint8Array[] {
    this.checkSize(second);
    if (!Number.isSafeInteger(first) || first < 1 || first > second) {
      throw new RangeError(`cannot prove consistency from size ${first} to size ${second}: need 1 <= first <= second`);
    }
    return consistencyPath(first, second, (start, end) => this.subtree(start, end));
  }

  private subtree(start: number, end: number): Uint8Array {
    const n = end - start;
    if (n === 1) return this.levels[0]!.get(start);
    if (isPowerOfTwo(n) && start % n === 0) return this.levels[Math.log2(n)]!.get(start / n);
    const k = largestPowerOfTwoBelow(n);
    return nodeHash(this.subtree(start, start + k), this.subtree(start + k, end));
  }

  private checkSize(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) throw new RangeError(`tree size ${size} is not between 0 and the ${this.size} leaves held`);
  }
}

/** SHA-256 hashes packed in one growing buffer: a million of them take 32 MB, not a million objects. */
class HashList {
  private bytes = new Uint8Array(HASH_BYTES * 1024);
  length = 0;

  push(hash: Uint8Array): void {
    if (hash.length !== HASH_BYTES) throw new RangeError("not a SHA-256 hash");
    if ((this.length + 1) * HASH_BYTES > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes.set(hash, this.length * HASH_BYTES);
    this.length++;
  }

  /** A copy, so a caller can keep or change it without touching the tree. */
  get(index: number): Uint8Array {
    return this.bytes.slice(index * HASH_BYTES, (index + 1) * HASH_BYTES);
  }
}

/** Checks an audit path with the algorithm of RFC 9162 2.1.3.2, without needing any other leaves. */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  if (!isHash(leaf) || !isHash(root) || !proof.every(isHash)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && equalBytes(r, root);
}

/** Checks a consistency proof with the algorithm of RFC 9162 2.1.4.2. */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  // The RFC needs 0 < first; like consistencyProof we do not treat the empty tree as provable.
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 1 || first > second) return false;
  if (!isHash(firstRoot) || !isHash(secondRoot) || !proof.every(isHash)) return false;
  // Equal sizes have the empty proof (RFC 9162 2.1.4.1); the trees are consistent iff the roots agree.
  if (first === second) return proof.length === 0 && equalBytes(firstRoot, secondRoot);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : proof;
  let fn = first - 1;
  let sn = second - 1;
  while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr = path[0]!;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && equalBytes(fr, firstRoot) && equalBytes(sr, secondRoot);
}

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

/** Bytes of a hex string; TypeError on odd length or a non-hex character (Buffer would silently truncate). */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0) throw new TypeError(`not a hex string: odd length ${hex.length}`);
  if (!/^[0-9a-fA-F]*$/.test(hex)) throw new TypeError(`not a hex string: ${JSON.stringify(hex.slice(0, 80))}`);
  return new Uint8Array(Buffer.from(hex, "hex"));
}

/** Byte-wise equality. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function subtreeRoot(leafHashes: readonly Uint8Array[], start: number, end: number): Uint8Array {
  const acc = new MerkleAccumulator();
  for (let i = start; i < end; i++) acc.append(leafHashes[i]!);
  return acc.root();
}

function checkSize(leafHashes: readonly Uint8Array[], size: number): void {
  if (!Number.isSafeInteger(size) || size < 0 || size > leafHashes.length) {
    throw new RangeError(`tree size ${size} is not between 0 and the ${leafHashes.length} leaves given`);
  }
}

/** The k of RFC 9162: the largest power of two strictly smaller than n (n >= 2). */
function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n >= 1 && largestPowerOfTwoBelow(n + 1) === n;
}

function isOdd(n: number): boolean {
  return n % 2 === 1;
}

function half(n: number): number {
  return Math.floor(n / 2);
}

function isHash(h: Uint8Array): boolean {
  return h.length === HASH_BYTES;
}
