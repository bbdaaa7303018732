import { sha256, toHex } from "../../../../src/crypto/bytes.js";
import { type BidDocument, type BidPart, sealBid } from "../../../../src/crypto/envelope.js";

/**
 * The bid sealed in this browser with the server's own envelope code (HPKE to the tender key, then
 * AES-256-GCM chunks): the server only ever receives the envelope.
 */

/** A file's bytes as the envelope reads them, piece by piece (not every browser iterates a ReadableStream). */
function filePart(file: File): BidPart {
  return {
    size: file.size,
    content: async function* () {
      const reader = file.stream().getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    },
  };
}

export interface SealInput {
  tenderCode: string;
  vendorId: string;
  tenderPublicKey: string;
  document: BidDocument;
  /** In the order of `document.files`. */
  files: readonly File[];
}

/**
 * Up to this size the browser also hashes the envelope it sends, to compare with the receipt's SHA-256.
 * WebCrypto has no streaming digest, so the hash needs the whole envelope in one buffer.
 */
const HASH_CHECK_MAX_BYTES = 64 * 1_048_576;

export interface SealedEnvelope {
  envelope: Blob;
  /** Hex SHA-256 of the envelope, or null when it is too large to hash here. */
  sha256: string | null;
}

export async function sealInBrowser(input: SealInput): Promise<SealedEnvelope> {
  const pieces: BlobPart[] = [];
  for await (const piece of sealBid({ ...input, files: input.files.map(filePart) })) pieces.push(piece);
  const envelope = new Blob(pieces, { type: "application/octet-stream" });
  const hash = envelope.size <= HASH_CHECK_MAX_BYTES ? toHex(await sha256(new Uint8Array(await envelope.arrayBuffer()))) : null;
  return { envelope, sha256: hash };
}

/** The first bytes of the types a bid file may have; the committee reads them after the opening. */
const SIGNATURES: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
];

/**
 * Whether the file's content is a PDF, PNG or JPEG. The server cannot check what it cannot read, so the
 * browser does, before a wrong file is sealed where nobody will notice it until the opening.
 */
export async function isAcceptedBidFile(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  return SIGNATURES.some((signature) => signature.every((byte, i) => head[i] === byte));
}
