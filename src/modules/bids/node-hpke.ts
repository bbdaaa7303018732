import { createDecipheriv, createHmac, createPublicKey, diffieHellman, KeyObject, type webcrypto } from "node:crypto";
import type { KeyPair } from "../../crypto/keys.js";

/*
 * RFC 9180 (HPKE) base-mode single-shot open of the content key, for DHKEM(X25519, HKDF-SHA256), HKDF-SHA256
 * and AES-256-GCM (the suite in src/crypto/keys.ts), on node:crypto. The browser seals with @hpke/core; the
 * opening unwraps a thousand keys in a row, and @hpke/core's WebCrypto path sends every HKDF step to the thread
 * pool and back (the opening profile's largest cost after AES itself). Tested against @hpke/core.
 */

const KEM_ID = 0x0020;
const KDF_ID = 0x0001;
const AEAD_ID = 0x0002;
const N_SECRET = 32;
const N_K = 32;
const N_N = 12;
const TAG_BYTES = 16;
const HPKE_V1 = Buffer.from("HPKE-v1");
const i2osp = (n: number, bytes: number) => {
  const out = Buffer.alloc(bytes);
  out.writeUIntBE(n, 0, bytes);
  return out;
};
const KEM_SUITE = Buffer.concat([Buffer.from("KEM"), i2osp(KEM_ID, 2)]);
const HPKE_SUITE = Buffer.concat([Buffer.from("HPKE"), i2osp(KEM_ID, 2), i2osp(KDF_ID, 2), i2osp(AEAD_ID, 2)]);

const extract = (salt: Buffer, ikm: Buffer) => createHmac("sha256", salt.length > 0 ? salt : Buffer.alloc(32)).update(ikm).digest();

function expand(prk: Buffer, info: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  let previous = Buffer.alloc(0);
  for (let i = 1; blocks.length * 32 < length; i++) {
    previous = createHmac("sha256", prk).update(Buffer.concat([previous, info, Buffer.of(i)])).digest();
    blocks.push(previous);
  }
  return Buffer.concat(blocks).subarray(0, length);
}

const labeledExtract = (suite: Buffer, salt: Buffer, label: string, ikm: Buffer) => extract(salt, Buffer.concat([HPKE_V1, suite, Buffer.from(label), ikm]));
const labeledExpand = (suite: Buffer, prk: Buffer, label: string, info: Buffer, length: number) =>
  expand(prk, Buffer.concat([i2osp(length, 2), HPKE_V1, suite, Buffer.from(label), info]), length);

const rawX25519 = (key: KeyObject) => Buffer.from(key.export({ format: "jwk" }).x ?? "", "base64url");

/** An opener for one tender key: the key's node:crypto forms are made once, then each envelope's content key is unwrapped. */
export function nodeHpkeOpener(tenderKey: KeyPair): (enc: Uint8Array, info: Uint8Array, ciphertext: Uint8Array) => Uint8Array {
  const privateKey = KeyObject.from(tenderKey.privateKey as unknown as webcrypto.CryptoKey);
  const recipientPublic = rawX25519(KeyObject.from(tenderKey.publicKey as unknown as webcrypto.CryptoKey));
  const pskIdHash = labeledExtract(HPKE_SUITE, Buffer.alloc(0), "psk_id_hash", Buffer.alloc(0));
  return (enc, info, ciphertext) => {
    const ephemeral = createPublicKey({ key: { kty: "OKP", crv: "X25519", x: Buffer.from(enc).toString("base64url") }, format: "jwk" });
    const dh = diffieHellman({ privateKey, publicKey: ephemeral });
    const eaePrk = labeledExtract(KEM_SUITE, Buffer.alloc(0), "eae_prk", dh);
    const sharedSecret = labeledExpand(KEM_SUITE, eaePrk, "shared_secret", Buffer.concat([Buffer.from(enc), recipientPublic]), N_SECRET);
    const context = Buffer.concat([Buffer.of(0), pskIdHash, labeledExtract(HPKE_SUITE, Buffer.alloc(0), "info_hash", Buffer.from(info))]);
    const secret = labeledExtract(HPKE_SUITE, sharedSecret, "secret", Buffer.alloc(0));
    const key = labeledExpand(HPKE_SUITE, secret, "key", context, N_K);
    const nonce = labeledExpand(HPKE_SUITE, secret, "base_nonce", context, N_N);
    if (ciphertext.length < TAG_BYTES) throw new Error("wrapped key shorter than its tag");
    const decipher = createDecipheriv("aes-256-gcm", key, nonce);
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - TAG_BYTES)), decipher.final()]);
    key.fill(0);
    return new Uint8Array(plain);
  };
}
