/*
 * RFC 9162 inclusion proofs checked with WebCrypto, so the same code runs in a vendor's browser and in
 * Node. It follows merkle.ts `verifyInclusion` step for step (a property test holds the two together);
 * that one stays synchronous with node:crypto because the server hashes whole trees with it.
 */

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;
const HASH_BYTES = 32;

async function sha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", data));
}

/** MTH({d}) = SHA-256(0x00 || d). */
export async function leafHashAsync(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const buf = new Uint8Array(1 + data.length);
  buf[0] = LEAF_PREFIX;
  buf.set(data, 1);
  return sha256(buf);
}

/** SHA-256(0x01 || left || right). */
export async function nodeHashAsync(left: Uint8Array, right: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const buf = new Uint8Array(1 + left.length + right.length);
  buf[0] = NODE_PREFIX;
  buf.set(left, 1);
  buf.set(right, 1 + left.length);
  return sha256(buf);
}

/** Checks an audit path with the algorithm of RFC 9162 2.1.3.2; false (never a throw) for malformed input. */
export async function verifyInclusionAsync(leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): Promise<boolean> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  if (!isHash(leaf) || !isHash(root) || !proof.every(isHash)) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = await nodeHashAsync(p, r);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = await nodeHashAsync(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && equalBytes(r, root);
}

/** Byte-wise equality. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
