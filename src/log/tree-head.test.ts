import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyIdOf, rawPublicKeyBase64, signTreeHead, type TreeHead, treeHeadSigningInput, verifyTreeHead } from "./tree-head.js";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const head: TreeHead = { treeSize: 50, rootHash: "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328", timestamp: "2026-11-26T07:15:00.000Z" };

describe("signed tree heads", () => {
  it("sign exactly the documented bytes", () => {
    expect(new TextDecoder().decode(treeHeadSigningInput(head))).toBe(
      'OpenLPSE-STH-v1\n{"rootHash":"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328","timestamp":"2026-11-26T07:15:00.000Z","treeSize":50}',
    );
  });

  it("round-trip: a signed head verifies with the public key and names it", () => {
    const sth = signTreeHead(head, privateKey);
    expect(sth).toMatchObject(head);
    expect(sth.keyId).toBe(keyIdOf(publicKey));
    expect(Buffer.from(sth.signature, "base64")).toHaveLength(64);
    expect(verifyTreeHead(sth, publicKey)).toBe(true);
  });

  it("fail once size, root or timestamp is altered", () => {
    const sth = signTreeHead(head, privateKey);
    expect(verifyTreeHead({ ...sth, treeSize: 51 }, publicKey)).toBe(false);
    expect(verifyTreeHead({ ...sth, rootHash: "0".repeat(64) }, publicKey)).toBe(false);
    expect(verifyTreeHead({ ...sth, timestamp: "2026-11-26T07:15:00.001Z" }, publicKey)).toBe(false);
  });

  it("fail with another key, a tampered signature or a wrong key id, without throwing", () => {
    const sth = signTreeHead(head, privateKey);
    const other = generateKeyPairSync("ed25519").publicKey;
    expect(verifyTreeHead(sth, other)).toBe(false);
    expect(verifyTreeHead({ ...sth, keyId: keyIdOf(other) }, other)).toBe(false);
    expect(verifyTreeHead({ ...sth, keyId: "00".repeat(32) }, publicKey)).toBe(false);
    const sig = Buffer.from(sth.signature, "base64");
    sig[10]! ^= 0x01;
    expect(verifyTreeHead({ ...sth, signature: sig.toString("base64") }, publicKey)).toBe(false);
    expect(verifyTreeHead({ ...sth, signature: "not base64!" }, publicKey)).toBe(false);
    expect(verifyTreeHead({ ...sth, signature: sth.signature + "AA" }, publicKey)).toBe(false);
    expect(verifyTreeHead({ ...sth, signature: "" }, publicKey)).toBe(false);
  });

  it("refuse to sign malformed heads", () => {
    expect(() => signTreeHead({ ...head, treeSize: -1 }, privateKey)).toThrow(RangeError);
    expect(() => signTreeHead({ ...head, treeSize: 1.5 }, privateKey)).toThrow(RangeError);
    expect(() => signTreeHead({ ...head, rootHash: head.rootHash.toUpperCase() }, privateKey)).toThrow(TypeError);
    expect(() => signTreeHead(head, publicKey)).toThrow(TypeError);
    expect(() => signTreeHead(head, generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey)).toThrow(/Ed25519/);
  });
});

describe("key ids", () => {
  it("are the SHA-256 of the raw 32-byte public key, from either half of the pair", () => {
    const raw = Buffer.from(rawPublicKeyBase64(publicKey), "base64");
    expect(raw).toHaveLength(32);
    // The SPKI DER of an Ed25519 key ends with the raw key: an independent way to get the same bytes.
    expect(raw.equals(publicKey.export({ format: "der", type: "spki" }).subarray(-32))).toBe(true);
    expect(keyIdOf(publicKey)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyIdOf(privateKey)).toBe(keyIdOf(publicKey));
    expect(keyIdOf(createPublicKey(privateKey))).toBe(keyIdOf(publicKey));
    expect(keyIdOf(generateKeyPairSync("ed25519").publicKey)).not.toBe(keyIdOf(publicKey));
  });
});
