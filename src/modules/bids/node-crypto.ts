import { createDecipheriv, createSecretKey } from "node:crypto";
import type { ChunkDecrypter } from "../../crypto/envelope.js";

/*
 * node:crypto for opening bids on the server: the same AES-256-GCM and SHA-256 the browser's WebCrypto
 * does, on the calling thread and streaming. src/crypto stays free of Node APIs; the server passes these in.
 */

const TAG_BYTES = 16;


/** A content key kept as a KeyObject (a copy: the caller wipes its bytes), decrypting chunk by chunk. */
export function nodeAesGcm(contentKey: Uint8Array): ChunkDecrypter {
  const key = createSecretKey(Buffer.from(contentKey));
  return (iv, aad, sealed) => {
    if (sealed.length < TAG_BYTES) throw new Error("chunk shorter than its tag");
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
    decipher.final();
    return plain;
  };
}
