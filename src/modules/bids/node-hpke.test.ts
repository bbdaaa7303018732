import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyPairFromSeed, suite } from "../../crypto/keys.js";
import { nodeHpkeOpener } from "./node-hpke.js";

describe("HPKE open on node:crypto", () => {
  it("opens what @hpke/core seals, for many keys and infos, and refuses a wrong key or a changed wrap", async () => {
    for (let i = 0; i < 20; i++) {
      const pair = await keyPairFromSeed(new Uint8Array(randomBytes(32)));
      const info = new Uint8Array(randomBytes(5 + i));
      const secret = new Uint8Array(randomBytes(32));
      const sealed = await suite.seal({ recipientPublicKey: pair.publicKey, info }, secret);
      const open = nodeHpkeOpener(pair);
      expect(Buffer.from(open(new Uint8Array(sealed.enc), info, new Uint8Array(sealed.ct)))).toEqual(Buffer.from(secret));
      // The library agrees with itself on the same input (the reference the node:crypto path must match).
      expect(Buffer.from(await suite.open({ recipientKey: pair, enc: sealed.enc, info }, sealed.ct))).toEqual(Buffer.from(secret));

      const other = nodeHpkeOpener(await keyPairFromSeed(new Uint8Array(randomBytes(32))));
      expect(() => other(new Uint8Array(sealed.enc), info, new Uint8Array(sealed.ct))).toThrow();
      const changed = new Uint8Array(sealed.ct);
      changed[0] = (changed[0] ?? 0) ^ 1;
      expect(() => open(new Uint8Array(sealed.enc), info, changed)).toThrow();
      expect(() => open(new Uint8Array(sealed.enc), new Uint8Array([...info, 1]), new Uint8Array(sealed.ct))).toThrow();
    }
  });
});
