import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from "@hpke/core";
import { combine, split } from "shamir-secret-sharing";
import { concat, fromBase64Url, randomBytes, sha256, toBase64Url, toHex, utf8, wipe } from "./bytes.js";

/**
 * Keys of the sealed-bid protocol, the same code in the browser and in Node (CLI, tests, benchmarks).
 *
 * Every key pair is derived from a 32-byte seed (RFC 9180 DeriveKeyPair), so a recovered seed can be
 * checked against the public key it must give. HPKE suite: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
 * AES-256-GCM.
 */
export const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });

export const SEED_BYTES = 32;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; WebCrypto has no memory-hard KDF. */
export const PASSPHRASE_ITERATIONS = 600_000;
export const MIN_PASSPHRASE_LENGTH = 12;

export type KeyPair = Awaited<ReturnType<typeof suite.kem.deriveKeyPair>>;

export async function keyPairFromSeed(seed: Uint8Array<ArrayBuffer>): Promise<KeyPair> {
  return suite.kem.deriveKeyPair(seed);
}

export async function publicKeyOf(pair: KeyPair): Promise<string> {
  return toBase64Url(new Uint8Array(await suite.kem.serializePublicKey(pair.publicKey)));
}

// ---------------------------------------------------------------------------------------------------
// Opening keys: one per committee member, its seed stored only encrypted under the member's passphrase.

/** A member's opening key as the server keeps it: the public key, and the seed sealed by the passphrase. */
export interface StoredOpeningKey {
  publicKey: string;
  wrapped: { kdf: "PBKDF2-SHA256"; iterations: number; salt: string; iv: string; ciphertext: string };
}

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const base = await crypto.subtle.importKey("raw", utf8(passphrase.normalize("NFC")), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, base, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

/** The AAD binds a wrapped seed to its public key: a seed moved to another record does not unlock. */
const openingAad = (publicKey: string) => utf8(`openlpse opening key v1|${publicKey}`);

export async function createOpeningKey(passphrase: string, iterations = PASSPHRASE_ITERATIONS): Promise<StoredOpeningKey> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new RangeError(`passphrase shorter than ${MIN_PASSPHRASE_LENGTH} characters`);
  const seed = randomBytes(SEED_BYTES);
  try {
    const publicKey = await publicKeyOf(await keyPairFromSeed(seed));
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const key = await passphraseKey(passphrase, salt, iterations);
    const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: openingAad(publicKey) }, key, seed));
    return { publicKey, wrapped: { kdf: "PBKDF2-SHA256", iterations, salt: toBase64Url(salt), iv: toBase64Url(iv), ciphertext: toBase64Url(ciphertext) } };
  } finally {
    wipe(seed);
  }
}

export class WrongPassphraseError extends Error {
  constructor() {
    super("wrong passphrase");
    this.name = "WrongPassphraseError";
  }
}

/** The member's key pair, unlocked with the passphrase (in the member's browser, or the CLI). */
export async function unlockOpeningKey(stored: StoredOpeningKey, passphrase: string): Promise<KeyPair> {
  const { wrapped } = stored;
  const key = await passphraseKey(passphrase, fromBase64Url(wrapped.salt), wrapped.iterations);
  let seed: Uint8Array<ArrayBuffer>;
  try {
    seed = new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64Url(wrapped.iv), additionalData: openingAad(stored.publicKey) }, key, fromBase64Url(wrapped.ciphertext)));
  } catch {
    throw new WrongPassphraseError();
  }
  try {
    const pair = await keyPairFromSeed(seed);
    if ((await publicKeyOf(pair)) !== stored.publicKey) throw new WrongPassphraseError();
    return pair;
  } finally {
    wipe(seed);
  }
}

// ---------------------------------------------------------------------------------------------------
// The key ceremony: the tender key is made, split k-of-n and sealed to each member in one step.

export interface CommitteeMember {
  userId: string;
  /** The member's opening public key. */
  publicKey: string;
}

export interface SealedShare {
  userId: string;
  /** HPKE encapsulated key and ciphertext of the member's share. */
  enc: string;
  ct: string;
  /**
   * SHA-256 of the share bound to the tender and member (`shareHash`): lets the server check a share a
   * member submits at opening, one by one, without learning anything about the key.
   */
  shareHash: string;
}

/** The commitment to one share, computed at the ceremony and again by the server at opening. */
export async function shareHash(tenderCode: string, userId: string, share: string): Promise<string> {
  return toHex(await sha256(concat(utf8(`openlpse share commitment v1|${tenderCode}|${userId}|`), fromBase64Url(share))));
}

export interface CeremonyResult {
  publicKey: string;
  threshold: number;
  shares: SealedShare[];
}

/** Each share is sealed for one tender and one member: it cannot be replayed elsewhere. */
const shareInfo = (tenderCode: string, userId: string) => utf8(`openlpse tender share v1|${tenderCode}|${userId}`);

/** The default threshold: a majority of the committee (2 of 3, 3 of 5). */
export function majority(members: number): number {
  return Math.floor(members / 2) + 1;
}

/**
 * The ceremony. The tender seed exists only inside this call: it is split, each share sealed to its
 * member, and the seed and the shares are overwritten before it returns. Only the public key and the
 * sealed shares leave it.
 */
export async function runKeyCeremony(tenderCode: string, members: readonly CommitteeMember[], threshold = majority(members.length)): Promise<CeremonyResult> {
  if (members.length < 2) throw new RangeError("a committee of at least two members is needed to split the key");
  if (threshold < 2 || threshold > members.length) throw new RangeError(`threshold must be between 2 and ${members.length}`);
  const seed = randomBytes(SEED_BYTES);
  let plainShares: Uint8Array[] = [];
  try {
    const publicKey = await publicKeyOf(await keyPairFromSeed(seed));
    plainShares = await split(seed, members.length, threshold);
    const shares = await Promise.all(
      members.map(async (member, i) => {
        const recipientPublicKey = await suite.kem.deserializePublicKey(fromBase64Url(member.publicKey));
        const sealed = await suite.seal({ recipientPublicKey, info: shareInfo(tenderCode, member.userId) }, plainShares[i] as Uint8Array<ArrayBuffer>);
        const hash = await shareHash(tenderCode, member.userId, toBase64Url(plainShares[i] as Uint8Array));
        return { userId: member.userId, enc: toBase64Url(new Uint8Array(sealed.enc)), ct: toBase64Url(new Uint8Array(sealed.ct)), shareHash: hash };
      }),
    );
    return { publicKey, threshold, shares };
  } finally {
    wipe(seed);
    plainShares.forEach(wipe);
  }
}

/** A member opens its own share with its unlocked opening key (after the deadline, to submit it). */
export async function openShare(share: Omit<SealedShare, "shareHash">, tenderCode: string, memberKey: KeyPair): Promise<string> {
  const plain = await suite.open({ recipientKey: memberKey, enc: fromBase64Url(share.enc), info: shareInfo(tenderCode, share.userId) }, fromBase64Url(share.ct));
  return toBase64Url(new Uint8Array(plain));
}

export class WrongSharesError extends Error {
  constructor() {
    super("the shares do not rebuild the tender key");
    this.name = "WrongSharesError";
  }
}

/**
 * The tender key rebuilt from k shares, checked against the published public key: shares from another
 * tender, altered or too few give another key, and are refused.
 */
export async function recoverTenderKey(shares: readonly string[], publicKey: string): Promise<KeyPair> {
  if (shares.length < 2) throw new WrongSharesError();
  let seed: Uint8Array<ArrayBuffer> | null = null;
  try {
    seed = concat(await combine(shares.map((s) => fromBase64Url(s))));
    if (seed.length !== SEED_BYTES) throw new WrongSharesError();
    const pair = await keyPairFromSeed(seed);
    if ((await publicKeyOf(pair)) !== publicKey) throw new WrongSharesError();
    return pair;
  } catch (error) {
    if (error instanceof WrongSharesError) throw error;
    throw new WrongSharesError();
  } finally {
    if (seed) wipe(seed);
  }
}
