import { createHash, createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import { canonicalJson } from "../../log/canonical-json.js";
import { keyIdOf, rawPublicKeyBase64 } from "../../log/tree-head.js";

/** The format name inside every summary: a reader refuses one it does not know. */
export const SUMMARY_FORMAT = "openlpse.standards-summary.v1";
/** Domain separation: a summary signature can never pass for a tree-head signature, nor the reverse. */
const SIGNING_PREFIX = "OpenLPSE standards summary v1\n";
const ED25519_PUBLIC_KEY_BYTES = 32;

export interface SummaryStandard {
  code: string;
  met: boolean;
  lkpp: { result: "met" | "not_met"; letterNumber: string; letterDate: string } | null;
}

/** What one LPSE tells another about a signed-off cycle: the result, never the evidence or the people. */
export interface AssessmentSummary {
  format: typeof SUMMARY_FORMAT;
  lpse: { name: string; region: string };
  period: string;
  catalogVersion: number;
  signedOffAt: string;
  metCount: number;
  standardCount: number;
  standards: SummaryStandard[];
}

export interface SignedSummary {
  summary: AssessmentSummary;
  keyId: string;
  publicKey: string;
  signature: string;
}

function signingInput(summary: AssessmentSummary): Buffer {
  return Buffer.from(SIGNING_PREFIX + canonicalJson(summary), "utf8");
}

/** Sign a summary with the installation's log key (Ed25519), carrying the public key for the reader. */
export function signSummary(summary: AssessmentSummary, privateKey: KeyObject): SignedSummary {
  return { summary, keyId: keyIdOf(privateKey), publicKey: rawPublicKeyBase64(privateKey), signature: sign(null, signingInput(summary), privateKey).toString("base64") };
}

/** The Ed25519 public key from its raw base64 form; undefined when it is not one. */
export function publicKeyFromRaw(base64: string): KeyObject | undefined {
  const raw = Buffer.from(base64, "base64");
  if (raw.length !== ED25519_PUBLIC_KEY_BYTES || raw.toString("base64") !== base64) return undefined;
  try {
    return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
  } catch {
    return undefined;
  }
}

/** Hex SHA-256 of the raw public key, as `keyIdOf` computes it. */
export function keyIdOfRaw(base64: string): string {
  return createHash("sha256").update(Buffer.from(base64, "base64")).digest("hex");
}

/** True iff the signature over this exact summary verifies with the key; never throws. */
export function verifySummary(summary: AssessmentSummary, publicKey: KeyObject, signature: string): boolean {
  try {
    const bytes = Buffer.from(signature, "base64");
    if (bytes.toString("base64") !== signature) return false;
    return verify(null, signingInput(summary), publicKey, bytes);
  } catch {
    return false;
  }
}

/** The summary as the canonical text that was signed (stored beside the signature so it can be checked again). */
export function summaryDocument(summary: AssessmentSummary): string {
  return canonicalJson(summary);
}
