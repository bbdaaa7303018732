import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadOrCreateSigningKey } from "./signing-key.js";
import { signTreeHead, verifyTreeHead } from "./tree-head.js";

const POSIX = process.platform !== "win32";

describe("loadOrCreateSigningKey", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "openlpse-key-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("creates a key file with mode 0600 in new directories with mode 0700", () => {
    const file = path.join(dir, "keys", "nested", "log-signing-key.pem");
    const key = loadOrCreateSigningKey(file);
    expect(key.created).toBe(true);
    expect(key.privateKey.asymmetricKeyType).toBe("ed25519");
    expect(key.keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readFileSync(file, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    if (POSIX) {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    }
    // Nothing half-written is left next to the key.
    expect(fs.readdirSync(path.dirname(file))).toEqual(["log-signing-key.pem"]);
  });

  it("reloads the same key", () => {
    const file = path.join(dir, "key.pem");
    const first = loadOrCreateSigningKey(file);
    const again = loadOrCreateSigningKey(file);
    expect(again.created).toBe(false);
    expect(again.keyId).toBe(first.keyId);
    const sth = signTreeHead({ treeSize: 1, rootHash: "ab".repeat(32), timestamp: "2026-11-26T07:15:00.000Z" }, first.privateKey);
    expect(verifyTreeHead(sth, again.publicKey)).toBe(true);
  });

  it("loads a PKCS#8 Ed25519 key written by someone else", () => {
    const file = path.join(dir, "key.pem");
    const { privateKey } = generateKeyPairSync("ed25519");
    fs.writeFileSync(file, privateKey.export({ format: "pem", type: "pkcs8" }));
    const key = loadOrCreateSigningKey(file);
    expect(key.created).toBe(false);
    expect(key.privateKey.export({ format: "der", type: "pkcs8" })).toEqual(privateKey.export({ format: "der", type: "pkcs8" }));
  });

  it("names the file when it holds garbage", () => {
    const file = path.join(dir, "key.pem");
    fs.writeFileSync(file, "this is not a key\n");
    expect(() => loadOrCreateSigningKey(file)).toThrow(file);
    expect(fs.readFileSync(file, "utf8")).toBe("this is not a key\n");
  });

  it("names the file when it holds a key of another kind", () => {
    const file = path.join(dir, "key.pem");
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    fs.writeFileSync(file, privateKey.export({ format: "pem", type: "pkcs8" }));
    expect(() => loadOrCreateSigningKey(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*Ed25519`));
  });

  it("refuses a public key in place of the private one", () => {
    const file = path.join(dir, "key.pem");
    fs.writeFileSync(file, generateKeyPairSync("ed25519").publicKey.export({ format: "pem", type: "spki" }));
    expect(() => loadOrCreateSigningKey(file)).toThrow(file);
  });
});
