import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import inspector from "node:inspector";
import { Readable } from "node:stream";
import { DEFAULT_CHUNK_BYTES, sealBid, type BidPart } from "../src/crypto/envelope.js";
import { keyPairFromSeed, publicKeyOf } from "../src/crypto/keys.js";
import { openEnvelopes } from "../src/modules/bids/opening.service.js";
import { LocalFileStore } from "../src/storage/file-store.js";
import { report, scratchDir, seconds, size } from "./lib.js";

/*
 * Opening: BIDS sealed bids of BID_MB each are stored in the real file store, then opened by the opening
 * service's own `openEnvelopes` (read from disk, the content key unwrapped with the tender key, every chunk
 * decrypted and authenticated, each file hashed while read). The limit it is compared with: node:crypto's
 * AES-256-GCM decrypting the same number of bytes in the same chunk size, in this run.
 */

const BIDS = size("OPENING_BIDS", 1000);
const BID_MB = size("OPENING_BID_MB", 2);
const bidBytes = Math.round(BID_MB * 1_048_576);
/** Where to write a CPU profile (.cpuprofile) of the opening phase alone, to see where its time goes; none unless set. */
const PROFILE = process.env.BENCH_OPENING_PROFILE;

/** The main thread's CPU profile, through the inspector, from now until stopInto. */
async function startProfile() {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  await post("Profiler.enable");
  await post("Profiler.start");
  return {
    async stopInto(file: string) {
      const { profile } = (await post("Profiler.stop")) as { profile: unknown };
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

function filePart(bytes: Uint8Array): BidPart {
  return {
    size: bytes.length,
    content: async function* () {
      yield bytes;
    },
  };
}

async function main(): Promise<void> {
  const store = new LocalFileStore(scratchDir("opening"));
  const tenderKey = await keyPairFromSeed(new Uint8Array(randomBytes(32)));
  const tenderPublicKey = await publicKeyOf(tenderKey);
  const tenderCode = "202700001";
  // The files' bytes: incompressible, like the PDFs vendors send; one buffer reused for every bid.
  const plain = new Uint8Array(randomBytes(bidBytes - 2048));

  const sealStart = process.hrtime.bigint();
  const stored: { sha256: string; vendorId: string }[] = [];
  for (let i = 0; i < BIDS; i++) {
    const vendorId = `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
    const pieces = sealBid({
      tenderCode,
      vendorId,
      tenderPublicKey,
      document: { price: "1750000000", items: [{ hpsItemId: "l1", unitPrice: "1750000000", quantity: "1" }], validityDays: 90, files: [{ name: "teknis.pdf", kind: "teknis" }] },
      files: [filePart(plain)],
    });
    const file = await store.put(Readable.from(pieces), Number.MAX_SAFE_INTEGER);
    stored.push({ sha256: file.sha256, vendorId });
  }
  const sealSeconds = seconds(sealStart);
  const totalMB = (stored.length * bidBytes) / 1_048_576;

  const profiler = PROFILE ? await startProfile() : null;
  const openStart = process.hrtime.bigint();
  const outcomes = await openEnvelopes(store, stored.map((b) => ({ sha256: b.sha256, vendor_id: b.vendorId })), tenderCode, tenderKey);
  if (outcomes.some((o) => o.outcome.status !== "valid")) throw new Error("a bid did not open");
  const openSeconds = seconds(openStart);
  if (profiler && PROFILE) await profiler.stopInto(PROFILE);

  // The limit: node:crypto AES-256-GCM over the same bytes, in the envelope's chunk size.
  const key = randomBytes(32);
  const chunks: { iv: Buffer; data: Buffer; tag: Buffer }[] = [];
  for (let offset = 0; offset < bidBytes; offset += DEFAULT_CHUNK_BYTES) {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    const data = Buffer.concat([cipher.update(randomBytes(Math.min(DEFAULT_CHUNK_BYTES, bidBytes - offset))), cipher.final()]);
    chunks.push({ iv, data, tag: cipher.getAuthTag() });
  }
  const rawStart = process.hrtime.bigint();
  for (let i = 0; i < BIDS; i++) {
    for (const c of chunks) {
      const decipher = createDecipheriv("aes-256-gcm", key, c.iv);
      decipher.setAuthTag(c.tag);
      decipher.update(c.data);
      decipher.final();
    }
  }
  const rawSeconds = seconds(rawStart);

  const openMBps = totalMB / openSeconds;
  const rawMBps = totalMB / rawSeconds;
  report({
    name: "opening",
    sizes: { bids: BIDS, bidMB: BID_MB },
    figures: { sealSeconds, openSeconds, openMBps, rawAesGcmMBps: rawMBps, openMsPerBid: (openSeconds * 1000) / BIDS },
    ratios: { openToRawAesGcm: openMBps / rawMBps },
    goals: [{ what: "opening at least 70% of raw AES-256-GCM throughput", met: openMBps / rawMBps >= 0.7 }],
  });
}

await main();
