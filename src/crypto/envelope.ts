import { concat, fromBase64Url, fromUtf8, randomBytes, sha256, toBase64Url, toHex, utf8, wipe } from "./bytes.js";
import { type KeyPair, suite } from "./keys.js";

/**
 * The sealed-bid envelope: what the vendor's browser uploads and the server stores, byte for byte.
 *
 *     "OLPSEBID" | version (1 byte) | header length (4 bytes, big-endian) | header (UTF-8 JSON) | parts
 *
 * The header holds only what the server must check without reading the bid: the tender and the vendor,
 * the HPKE-wrapped content key, the chunk size and each part's plaintext size. Part 0 is the bid document
 * (price, line items, validity, the files' names and kinds); parts 1… are the files. Each part is a run of
 * AES-256-GCM chunks under the content key, nonce = part index (4 bytes) ‖ chunk index (8 bytes), AAD =
 * SHA-256(header) ‖ last-chunk flag: chunks cannot be reordered, dropped, cut short or moved to another
 * bid. Sizes are not secret (they show in the upload anyway); names, prices and contents are.
 */

export const MAGIC = utf8("OLPSEBID");
export const ENVELOPE_VERSION = 1;
export const PREFIX_BYTES = MAGIC.length + 1 + 4;
export const TAG_BYTES = 16;
export const MAX_HEADER_BYTES = 64 * 1024;
export const MAX_PARTS = 32;
export const DEFAULT_CHUNK_BYTES = 1_048_576;
const CHUNK_SIZES = [65_536, 262_144, 1_048_576, 4_194_304];
const CONTENT_KEY_BYTES = 32;
const ENC_BYTES = 32;

export interface EnvelopeHeader {
  v: 1;
  tenderCode: string;
  vendorId: string;
  /** HPKE encapsulated key and the wrapped content key. */
  enc: string;
  wrappedKey: string;
  chunkSize: number;
  /** Plaintext size of each part; part 0 is the bid document. */
  parts: number[];
}

/** The bid as the vendor states it; it travels encrypted as part 0. */
export interface BidDocument {
  /** Total offer in Rupiah, canonical decimal string ("1250000.50"). */
  price: string;
  items: { hpsItemId: string; unitPrice: string; quantity: string }[];
  validityDays: number;
  files: { name: string; kind: string }[];
}

export class EnvelopeError extends Error {
  constructor(readonly reason: string) {
    super(`invalid bid envelope: ${reason}`);
    this.name = "EnvelopeError";
  }
}

export const chunksOf = (size: number, chunkSize: number) => Math.max(1, Math.ceil(size / chunkSize));

/** The exact envelope length a header commits to. */
export function envelopeLength(headerBytes: number, header: Pick<EnvelopeHeader, "parts" | "chunkSize">): number {
  return header.parts.reduce((n, size) => n + size + TAG_BYTES * chunksOf(size, header.chunkSize), PREFIX_BYTES + headerBytes);
}

function nonce(part: number, chunk: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(12);
  const view = new DataView(out.buffer);
  view.setUint32(0, part);
  view.setBigUint64(4, BigInt(chunk));
  return out;
}

const keyInfo = (tenderCode: string, vendorId: string) => utf8(`openlpse bid v1|${tenderCode}|${vendorId}`);

function isSafeSize(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
}

/** The header's own rules, checked the same way by the server at upload and by the opener. */
export function checkHeader(value: unknown): EnvelopeHeader {
  const h = value as Partial<EnvelopeHeader> | null;
  if (typeof h !== "object" || h === null || h.v !== 1) throw new EnvelopeError("unknown header version");
  if (typeof h.tenderCode !== "string" || !/^\d{9,12}$/.test(h.tenderCode)) throw new EnvelopeError("tenderCode");
  if (typeof h.vendorId !== "string" || h.vendorId.length === 0 || h.vendorId.length > 64) throw new EnvelopeError("vendorId");
  if (typeof h.chunkSize !== "number" || !CHUNK_SIZES.includes(h.chunkSize)) throw new EnvelopeError("chunkSize");
  if (!Array.isArray(h.parts) || h.parts.length < 1 || h.parts.length > MAX_PARTS || !h.parts.every(isSafeSize)) throw new EnvelopeError("parts");
  for (const [name, bytes] of [["enc", ENC_BYTES], ["wrappedKey", CONTENT_KEY_BYTES + TAG_BYTES]] as const) {
    const field = h[name];
    let decoded: Uint8Array | null = null;
    try {
      decoded = typeof field === "string" ? fromBase64Url(field) : null;
    } catch {
      decoded = null;
    }
    if (decoded?.length !== bytes) throw new EnvelopeError(name);
  }
  return { v: 1, tenderCode: h.tenderCode, vendorId: h.vendorId, enc: h.enc as string, wrappedKey: h.wrappedKey as string, chunkSize: h.chunkSize, parts: h.parts };
}

/** Splits a stream into pieces of exactly `size` bytes (the last one shorter). */
async function* rechunk(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for await (const piece of source) {
    let offset = 0;
    while (offset < piece.length) {
      const take = Math.min(size - pendingBytes, piece.length - offset);
      pending.push(piece.subarray(offset, offset + take));
      pendingBytes += take;
      offset += take;
      if (pendingBytes === size) {
        yield concat(...pending);
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  if (pendingBytes > 0) yield concat(...pending);
}

export interface BidPart {
  size: number;
  /** The plaintext, in pieces of any size (a browser File's stream, a Node stream, a buffer). */
  content: () => AsyncIterable<Uint8Array>;
}

export interface SealBidInput {
  tenderCode: string;
  vendorId: string;
  tenderPublicKey: string;
  document: BidDocument;
  files: readonly BidPart[];
  chunkSize?: number;
}

/** The envelope, produced piece by piece so no file is held whole in memory. */
export async function* sealBid(input: SealBidInput): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const chunkSize = input.chunkSize ?? DEFAULT_CHUNK_BYTES;
  const documentBytes = utf8(JSON.stringify(input.document));
  const parts: BidPart[] = [{ size: documentBytes.length, content: async function* () { yield documentBytes; } }, ...input.files];
  const contentKeyBytes = randomBytes(CONTENT_KEY_BYTES);
  try {
    const recipientPublicKey = await suite.kem.deserializePublicKey(fromBase64Url(input.tenderPublicKey));
    const wrapped = await suite.seal({ recipientPublicKey, info: keyInfo(input.tenderCode, input.vendorId) }, contentKeyBytes);
    const header: EnvelopeHeader = {
      v: 1,
      tenderCode: input.tenderCode,
      vendorId: input.vendorId,
      enc: toBase64Url(new Uint8Array(wrapped.enc)),
      wrappedKey: toBase64Url(new Uint8Array(wrapped.ct)),
      chunkSize,
      parts: parts.map((p) => p.size),
    };
    const headerBytes = utf8(JSON.stringify(checkHeader(header)));
    const prefix = new Uint8Array(PREFIX_BYTES);
    prefix.set(MAGIC, 0);
    prefix[MAGIC.length] = ENVELOPE_VERSION;
    new DataView(prefix.buffer).setUint32(MAGIC.length + 1, headerBytes.length);
    yield concat(prefix, headerBytes);

    const headerHash = await sha256(headerBytes);
    const key = await crypto.subtle.importKey("raw", contentKeyBytes, "AES-GCM", false, ["encrypt"]);
    for (const [p, part] of parts.entries()) {
      const total = chunksOf(part.size, chunkSize);
      let index = 0;
      let seen = 0;
      const encrypt = async (plain: Uint8Array<ArrayBuffer>) => {
        const last = index === total - 1;
        const aad = concat(headerHash, Uint8Array.of(last ? 1 : 0));
        const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv: nonce(p, index), additionalData: aad }, key, plain));
        index += 1;
        return sealed;
      };
      for await (const plain of rechunk(part.content(), chunkSize)) {
        seen += plain.length;
        if (seen > part.size || index >= total) throw new RangeError(`part ${p} is longer than its stated size`);
        yield await encrypt(plain);
      }
      if (part.size === 0) yield await encrypt(new Uint8Array(0));
      if (seen !== part.size) throw new RangeError(`part ${p} is shorter than its stated size`);
    }
  } finally {
    wipe(contentKeyBytes);
  }
}

/**
 * The server's check while the envelope streams in, before anything is stored: prefix, header rules,
 * the expected tender and vendor, and that the length is exactly what the header commits to. Nothing
 * here needs the tender key.
 */
export class EnvelopeCheck {
  private buffered: Uint8Array[] = [];
  private bufferedBytes = 0;
  private received = 0;
  private expected: number | null = null;
  header: EnvelopeHeader | null = null;

  constructor(private readonly expect: { tenderCode: string; vendorId: string; maxBytes: number }) {}

  push(chunk: Uint8Array): void {
    this.received += chunk.length;
    if (this.expected !== null) {
      if (this.received > this.expected) throw new EnvelopeError("longer than its header states");
      return;
    }
    this.buffered.push(chunk);
    this.bufferedBytes += chunk.length;
    if (this.bufferedBytes < PREFIX_BYTES) return;
    const head = concat(...this.buffered);
    this.buffered = [head];
    if (!MAGIC.every((b, i) => head[i] === b)) throw new EnvelopeError("not a bid envelope");
    if (head[MAGIC.length] !== ENVELOPE_VERSION) throw new EnvelopeError("unknown envelope version");
    const headerBytes = new DataView(head.buffer, head.byteOffset).getUint32(MAGIC.length + 1);
    if (headerBytes === 0 || headerBytes > MAX_HEADER_BYTES) throw new EnvelopeError("header length");
    if (head.length < PREFIX_BYTES + headerBytes) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(fromUtf8(head.subarray(PREFIX_BYTES, PREFIX_BYTES + headerBytes)));
    } catch {
      throw new EnvelopeError("header is not JSON");
    }
    const header = checkHeader(parsed);
    if (header.tenderCode !== this.expect.tenderCode) throw new EnvelopeError("sealed for another tender");
    if (header.vendorId !== this.expect.vendorId) throw new EnvelopeError("sealed for another vendor");
    this.expected = envelopeLength(headerBytes, header);
    if (this.expected > this.expect.maxBytes) throw new EnvelopeError("larger than the bid size limit");
    this.header = header;
    this.buffered = [];
    if (this.received > this.expected) throw new EnvelopeError("longer than its header states");
  }

  /** At the end of the body: the header was complete and the length exact. */
  finish(): EnvelopeHeader {
    if (!this.header || this.expected === null) throw new EnvelopeError("truncated header");
    if (this.received !== this.expected) throw new EnvelopeError("truncated: shorter than its header states");
    return this.header;
  }
}

export interface OpenedBid {
  header: EnvelopeHeader;
  document: BidDocument;
  /** SHA-256 (hex) and size of each file's plaintext, in order. */
  files: { size: number; sha256: string }[];
}

/** A running SHA-256: node:crypto's on the server; WebCrypto's, over the collected pieces, elsewhere. */
export interface Digest {
  update(bytes: Uint8Array): void;
  hex(): Promise<string> | string;
}

/** Decrypts and authenticates one AES-256-GCM chunk (ciphertext with its 16-byte tag); throws when it does not authenticate. */
export type ChunkDecrypter = (iv: Uint8Array, aad: Uint8Array, sealed: Uint8Array) => Promise<Uint8Array> | Uint8Array;

export interface OpenBidOptions {
  /** Receives each file's plaintext chunk by chunk, to store it. */
  onFile?: (fileIndex: number, plain: Uint8Array) => Promise<void> | void;
  newDigest?: () => Digest;
  /**
   * AES-256-GCM for a content key: WebCrypto's unless given. The server passes node:crypto's, which
   * decrypts on the calling thread instead of a round trip to the thread pool per chunk.
   */
  aesGcm?: (contentKey: Uint8Array) => ChunkDecrypter;
  /**
   * HPKE open of the wrapped content key (RFC 9180 base mode, the suite's): @hpke/core's unless given. The
   * server passes one on node:crypto made once per tender key.
   */
  unwrapKey?: (enc: Uint8Array, info: Uint8Array, wrapped: Uint8Array) => Promise<Uint8Array> | Uint8Array;
}

/**
 * Decrypts and checks a stored envelope with the recovered tender key; nothing is returned until every
 * chunk has authenticated.
 */
export async function openBid(
  source: AsyncIterable<Uint8Array>,
  tenderKey: KeyPair,
  expect: { tenderCode: string; vendorId: string },
  options: OpenBidOptions = {},
): Promise<OpenedBid> {
  const newDigest = options.newDigest ?? (() => new CollectedSha256());
  const check = new EnvelopeCheck({ ...expect, maxBytes: Number.MAX_SAFE_INTEGER });
  const iterator = source[Symbol.asyncIterator]();
  let leftover: Uint8Array = new Uint8Array(0);
  // The prefix and header first, through the same check the server ran at upload.
  while (!check.header) {
    const next = await iterator.next();
    if (next.done) throw new EnvelopeError("truncated header");
    leftover = concat(leftover, next.value);
    check.push(next.value);
  }
  const header = check.header;
  const headerLength = new DataView(leftover.buffer, leftover.byteOffset).getUint32(MAGIC.length + 1);
  const headerBytes = leftover.slice(PREFIX_BYTES, PREFIX_BYTES + headerLength);
  leftover = leftover.subarray(PREFIX_BYTES + headerLength);

  const enc = fromBase64Url(header.enc);
  const info = keyInfo(header.tenderCode, header.vendorId);
  const wrappedKey = fromBase64Url(header.wrappedKey);
  const unwrap = options.unwrapKey ?? (async (e: Uint8Array, i: Uint8Array, w: Uint8Array) => new Uint8Array(await suite.open({ recipientKey: tenderKey, enc: e as Uint8Array<ArrayBuffer>, info: i as Uint8Array<ArrayBuffer> }, w as Uint8Array<ArrayBuffer>)));
  let contentKeyBytes: Uint8Array<ArrayBuffer>;
  try {
    contentKeyBytes = new Uint8Array(await unwrap(enc, info, wrappedKey));
  } catch {
    throw new EnvelopeError("the content key does not open with this tender's key");
  }
  const decrypt: ChunkDecrypter = options.aesGcm ? options.aesGcm(contentKeyBytes) : await webCryptoAesGcm(contentKeyBytes);
  wipe(contentKeyBytes);
  const headerHash = await sha256(headerBytes);

  async function* rest(): AsyncGenerator<Uint8Array> {
    if (leftover.length > 0) yield leftover;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const stream = rest()[Symbol.asyncIterator]();
  // Pieces arrive in the reader's size (64 KiB from a file, anything from a browser); a chunk is joined
  // once when enough has arrived, not re-copied with every piece.
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const take = async (n: number): Promise<Uint8Array<ArrayBuffer>> => {
    while (pendingBytes < n) {
      const next = await stream.next();
      if (next.done) throw new EnvelopeError("truncated: shorter than its header states");
      pending.push(next.value);
      pendingBytes += next.value.length;
    }
    // A reader that hands over whole chunks (the opening's) needs no copy.
    const joined = pending.length === 1 ? (pending[0] as Uint8Array<ArrayBuffer>) : concat(...pending);
    const rest = joined.subarray(n);
    pending = rest.length > 0 ? [rest] : [];
    pendingBytes = rest.length;
    return joined.subarray(0, n);
  };

  let documentBytes: Uint8Array[] = [];
  const files: { size: number; sha256: string }[] = [];
  for (const [p, size] of header.parts.entries()) {
    const total = chunksOf(size, header.chunkSize);
    const hashParts: Uint8Array[] = [];
    const digest = p === 0 ? null : newDigest();
    for (let c = 0; c < total; c++) {
      const plainSize = c < total - 1 ? header.chunkSize : size - header.chunkSize * (total - 1);
      const sealed = await take(plainSize + TAG_BYTES);
      const aad = concat(headerHash, Uint8Array.of(c === total - 1 ? 1 : 0));
      let plain: Uint8Array;
      try {
        plain = await decrypt(nonce(p, c), aad, sealed);
      } catch {
        throw new EnvelopeError(`part ${p}, chunk ${c} does not authenticate`);
      }
      if (p === 0) hashParts.push(plain);
      else {
        digest?.update(plain);
        await options.onFile?.(p - 1, plain);
      }
    }
    if (p === 0) documentBytes = hashParts;
    else files.push({ size, sha256: await (digest as Digest).hex() });
  }
  if (pendingBytes > 0 || !(await stream.next()).done) throw new EnvelopeError("longer than its header states");
  let document: BidDocument;
  try {
    document = JSON.parse(fromUtf8(concat(...documentBytes))) as BidDocument;
  } catch {
    throw new EnvelopeError("the bid document is not JSON");
  }
  return { header, document, files };
}

async function webCryptoAesGcm(contentKey: Uint8Array<ArrayBuffer>): Promise<ChunkDecrypter> {
  const key = await crypto.subtle.importKey("raw", contentKey, "AES-GCM", false, ["decrypt"]);
  return async (iv, aad, sealed) =>
    new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: iv as Uint8Array<ArrayBuffer>, additionalData: aad as Uint8Array<ArrayBuffer> }, key, sealed as Uint8Array<ArrayBuffer>));
}

/** WebCrypto has no streaming digest: the pieces are kept and hashed at the end (one file in memory). */
class CollectedSha256 implements Digest {
  private pieces: Uint8Array[] = [];
  update(bytes: Uint8Array): void {
    this.pieces.push(bytes);
  }
  async hex(): Promise<string> {
    return toHex(await sha256(concat(...this.pieces)));
  }
}
