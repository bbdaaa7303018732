import { randomBytes } from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import { concat } from "../src/crypto/bytes.js";
import { type BidPart, sealBid } from "../src/crypto/envelope.js";
import type { SurgeVendor } from "./surge-setup.js";

/*
 * The surge's load generator, in its own process: it seals one bid per vendor (3 files, as the browser
 * does), takes each vendor's CSRF token, says "ready", and on "go <deadline ms>" sends the bids from
 * CONCURRENCY connections at once, spread over the server URLs, until every bid is sent or the deadline
 * has passed. Loopback targets only. Writes one line of JSON per bid to the output file.
 */

export interface SurgeLoadConfig {
  urls: string[];
  tenderCode: string;
  tenderPublicKey: string;
  vendors: SurgeVendor[];
  /** Plaintext bytes of each of the bid's files. */
  fileBytes: number[];
  concurrency: number;
  out: string;
}

export interface SentBid {
  vendorId: string;
  status: number;
  /** Milliseconds from sending the first byte to the receipt (or the refusal). */
  ms: number;
  bytes: number;
  receipt?: { bidId: string; sha256: string; logIndex: number };
  error?: string;
}

const config = JSON.parse(fs.readFileSync(process.argv[2] ?? "", "utf8")) as SurgeLoadConfig;
for (const url of config.urls) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "[::1]"].includes(host)) throw new Error(`load only loopback addresses, not ${host}`);
}

const part = (bytes: Uint8Array): BidPart => ({ size: bytes.length, content: async function* () { yield bytes; } });
// Incompressible content, like the PDFs vendors send; the same plaintext for every vendor is fine, since each
// envelope has its own content key, so no two ciphertexts are alike.
const files = config.fileBytes.map((n) => new Uint8Array(randomBytes(n)));

async function seal(vendor: SurgeVendor): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  const document = { price: "1750000000", items: [], validityDays: 90, files: files.map((_, i) => ({ name: `dokumen-${i + 1}.pdf`, kind: i === 0 ? "teknis" : "administrasi" })) };
  for await (const piece of sealBid({ tenderCode: config.tenderCode, vendorId: vendor.vendorId, tenderPublicKey: config.tenderPublicKey, document, files: files.map(part) })) pieces.push(piece);
  return Buffer.from(concat(...pieces));
}

/** The session cookie, plus the CSRF cookie and token the server hands this session. */
async function csrfFor(url: string, vendor: SurgeVendor): Promise<{ cookie: string; token: string }> {
  const session = `lpse_session=${vendor.token}`;
  const r = await fetch(`${url}/api/v1/auth/csrf`, { headers: { cookie: session } });
  if (!r.ok) throw new Error(`csrf ${r.status}`);
  const extra = r.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  return { cookie: extra ? `${session}; ${extra}` : session, token: ((await r.json()) as { token: string }).token };
}

const prepared: { vendor: SurgeVendor; url: string; envelope: Buffer; cookie: string; token: string }[] = [];
for (const [i, vendor] of config.vendors.entries()) {
  const url = config.urls[i % config.urls.length] as string;
  prepared.push({ vendor, url, envelope: await seal(vendor), ...(await csrfFor(url, vendor)) });
}
console.log("ready");

const lines = readline.createInterface({ input: process.stdin });
const go = await new Promise<string>((resolve) => lines.once("line", resolve));
const deadline = Number(go.split(" ")[1]);
const cpuAtGo = process.cpuUsage();
lines.close();

const out = fs.createWriteStream(config.out);
let next = 0;
async function worker(): Promise<void> {
  while (next < prepared.length && Date.now() < deadline) {
    const bid = prepared[next++] as (typeof prepared)[number];
    const started = process.hrtime.bigint();
    const sent: SentBid = { vendorId: bid.vendor.vendorId, status: 0, ms: 0, bytes: bid.envelope.length };
    try {
      const r = await fetch(`${bid.url}/api/v1/tenders/${config.tenderCode}/bids`, {
        method: "POST",
        headers: { cookie: bid.cookie, "x-csrf-token": bid.token, "content-type": "application/octet-stream" },
        body: bid.envelope,
      });
      sent.status = r.status;
      const body = (await r.json()) as { bidId: string; sha256: string; logIndex: number; code?: string };
      if (r.status === 201) sent.receipt = { bidId: body.bidId, sha256: body.sha256, logIndex: body.logIndex };
      else sent.error = body.code ?? String(r.status);
    } catch (error) {
      sent.error = (error as Error).message;
    }
    sent.ms = Number(process.hrtime.bigint() - started) / 1e6;
    out.write(`${JSON.stringify(sent)}\n`);
  }
}
await Promise.all(Array.from({ length: config.concurrency }, () => worker()));
await new Promise((resolve) => out.end(resolve));
// Its own CPU time (sealing excluded: measured from "go"), so the run can say where the machine's cores went.
const used = process.cpuUsage(cpuAtGo);
console.log(JSON.stringify({ unsent: prepared.length - next, cpuSeconds: (used.user + used.system) / 1e6 }));
