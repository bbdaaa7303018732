import { concat, fromUtf8 } from "./bytes.js";
import { checkHeader, chunksOf, DEFAULT_CHUNK_BYTES, MAGIC, MAX_HEADER_BYTES, PREFIX_BYTES, TAG_BYTES } from "./envelope.js";

/**
 * A stored envelope read in its own pieces: the prefix with the header, then each sealed chunk exactly, so
 * the opening decrypts every chunk in place instead of joining reads that straddle chunk boundaries.
 * `read(n)` returns the next n bytes (fewer only at the end), valid until the next read; each sealed chunk is
 * consumed before the next is read. A malformed header is left to openBid's check:
 * the rest is then passed on in pieces of the default chunk size.
 */
export async function* envelopePieces(read: (n: number) => Promise<Uint8Array>): AsyncGenerator<Uint8Array> {
  // A reader may fill the same buffer on every read (the server's does): what is kept is copied.
  const prefix = (await read(PREFIX_BYTES)).slice();
  if (prefix.length < PREFIX_BYTES) {
    yield prefix;
    return;
  }
  const headerLength = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength).getUint32(MAGIC.length + 1);
  if (headerLength > MAX_HEADER_BYTES) {
    // Refused by openBid's check from the prefix alone: nothing more is read.
    yield prefix;
    return;
  }
  const headerBytes = (await read(headerLength)).slice();
  yield concat(prefix, headerBytes);
  let sizes: number[] = [];
  try {
    const header = checkHeader(JSON.parse(fromUtf8(headerBytes)));
    sizes = header.parts.flatMap((size) => Array.from({ length: chunksOf(size, header.chunkSize) }, (_, c) => Math.min(header.chunkSize, size - c * header.chunkSize) + TAG_BYTES));
  } catch {
    // Not a header this version reads: openBid refuses it from the bytes above.
  }
  for (const size of sizes) {
    const piece = await read(size);
    if (piece.length > 0) yield piece;
    if (piece.length < size) return;
  }
  for (;;) {
    const rest = await read(DEFAULT_CHUNK_BYTES);
    if (rest.length === 0) return;
    yield rest.slice();
  }
}
