import { type ChildProcess, spawn } from "node:child_process";
import { createHash, createPublicKey, verify } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { openBid } from "../../src/crypto/envelope.js";
import { openShare, recoverTenderKey, type StoredOpeningKey, unlockOpeningKey } from "../../src/crypto/keys.js";
import { joinTender } from "../../src/modules/tenders/participation.service.js";
import { projectRoot } from "../../src/server/paths.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { buildVendor, loginAs, TEST_PASSWORD, type TestUser } from "../support/factories.js";
import { HttpSession } from "../support/http-session.js";
import { giveOpeningKeys, passphraseOf, runCeremonyAs, sealEnvelope } from "../support/sealed-bids.js";
import { openBiddingNow } from "../support/schedule.js";
import { actorOf, buildPublishedTender } from "../support/tenders.js";

const VENDORS = 8;
const BIDS_EACH = 5;
/** Each envelope carries this much file content: enough for the kill to land mid-upload. */
const FILE_BYTES = 1_500_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Nothing acknowledged is lost: vendors upload sealed bids to a server process in parallel, the process is
 * killed with SIGKILL mid-way, and after a restart every bid a receipt was given for is there, matches its
 * receipt and its log event, and decrypts with the tender key rebuilt from two members' shares.
 */
describe("a server killed during a bid surge", () => {
  let t: TestApp;
  let env: Record<string, string>;
  let child: ChildProcess | null = null;
  let tender: Awaited<ReturnType<typeof buildPublishedTender>>;
  let vendors: (TestUser & { vendorId: string })[] = [];
  const envelopes = new Map<string, { price: string; fileSha256: string }>();
  const sealedByVendor = new Map<string, Buffer[]>();

  async function startProcess(): Promise<string> {
    const port = await freePort();
    const proc = spawn(process.execPath, [path.join(projectRoot(), "bin", "openlpse.js"), "start"], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"] });
    child = proc;
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200; i++) {
      const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
      if (up) return url;
      if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("server did not start");
  }

  function stopProcess(signal: NodeJS.Signals): Promise<void> {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      proc.once("exit", () => resolve());
      proc.kill(signal);
    });
  }

  beforeAll(async () => {
    // Set up with the services in-process, then hand the data directory to a server process.
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    env = { DATA_DIR: t.testDb.dataDir, HOST: "127.0.0.1", LOG_LEVEL: "error", ...(t.testDb.databaseUrl ? { DATABASE_URL: t.testDb.databaseUrl } : {}) };
    tender = await buildPublishedTender(t);
    await giveOpeningKeys(t, tender.pokja);
    const made = await runCeremonyAs(await loginAs(t, tender.pokja[0] as TestUser), tender.tenderCode);
    for (let i = 0; i < VENDORS; i++) {
      const v = await buildVendor(t, "verified", `CV Lonjakan ${i + 1}`);
      await joinTender(t.deps.database.db, { ...actorOf(v), vendorId: v.vendorId }, tender.tenderCode, new Date("2026-12-01T03:00:00Z"));
      vendors.push(v);
      const list: Buffer[] = [];
      for (let j = 0; j < BIDS_EACH; j++) {
        const price = String(1_600_000_000 + i * 1_000_000 + j);
        const file = new Uint8Array(FILE_BYTES).map((_, k) => (k * (i + 3) + j) % 251);
        const envelope = await sealEnvelope(tender.tenderCode, v.vendorId, made.publicKey, { price, items: [], validityDays: 60, files: [{ name: "teknis.pdf", kind: "teknis" }] }, [file]);
        envelopes.set(createHash("sha256").update(envelope).digest("hex"), { price, fileSha256: createHash("sha256").update(file).digest("hex") });
        list.push(envelope);
      }
      sealedByVendor.set(v.vendorId, list);
    }
    // The server process runs on the real clock: the schedule is moved so that bidding is open now.
    await openBiddingNow(t.deps.database.db, tender.packageId, new Date());
    await t.app.close();
  }, 120_000);

  afterAll(async () => {
    await stopProcess("SIGKILL");
    await t?.testDb.destroy();
  });

  it("keeps every acknowledged bid, whole and decryptable, across a SIGKILL", async () => {
    const url = await startProcess();
    const sessions = await Promise.all(
      vendors.map(async (v) => {
        const session = new HttpSession(url);
        await session.logIn(v.email, TEST_PASSWORD);
        return { vendor: v, session };
      }),
    );
    const receipts: { bidId: string; sha256: string; logIndex: number; receiptText: string; signature: string; vendorId: string }[] = [];
    let killed = false;
    let cut = 0;
    const killAfter = Math.floor((VENDORS * BIDS_EACH) / 3);
    const uploads = sessions.map(async ({ vendor, session }) => {
      for (const envelope of sealedByVendor.get(vendor.vendorId) ?? []) {
        if (killed) return;
        try {
          const r = await session.fetch("POST", `/api/v1/tenders/${tender.tenderCode}/bids`, { bytes: envelope });
          if (r.status === 201) {
            receipts.push((await r.json()) as (typeof receipts)[number]);
            if (receipts.length >= killAfter && !killed) {
              killed = true;
              await stopProcess("SIGKILL");
            }
          } else expect(r.status, await r.text()).toBe(201);
        } catch {
          // The connection died with the process: this bid was never acknowledged.
          cut += 1;
          return;
        }
      }
    });
    await Promise.all(uploads);
    expect(killed).toBe(true);
    expect(receipts.length).toBeGreaterThanOrEqual(killAfter);
    // The kill landed while uploads were in flight.
    expect(cut).toBeGreaterThan(0);

    // The process starts again on the same data and answers.
    const restarted = await startProcess();
    const logKey = (await (await fetch(`${restarted}/api/v1/log/key`)).json()) as { publicKey: string };
    await stopProcess("SIGTERM");
    const io = { out: (_: string) => undefined, err: (line: string) => void console.error(line), env, stdin: Readable.from([]) };
    expect(await runCli(["verify"], io)).toBe(0);

    // Every receipt: signed by the log's key, its bid row and log event as stated, its envelope intact.
    const db = t.testDb.database.db;
    const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(logKey.publicKey, "base64").toString("base64url") }, format: "jwk" });
    const members = await db.selectFrom("opening_keys").selectAll().execute();
    const shares = await Promise.all(
      tender.pokja.slice(0, 2).map(async (member) => {
        const stored = members.find((m) => m.user_id === member.id);
        const sealed = await db.selectFrom("tender_key_shares").selectAll().where("package_id", "=", tender.packageId).where("user_id", "=", member.id).executeTakeFirstOrThrow();
        const opening = { publicKey: stored?.public_key ?? "", wrapped: JSON.parse(stored?.wrapped ?? "{}") as StoredOpeningKey["wrapped"] };
        return openShare({ userId: member.id, enc: sealed.enc, ct: sealed.ct }, tender.tenderCode, await unlockOpeningKey(opening, passphraseOf(member)));
      }),
    );
    const tenderKey = await recoverTenderKey(shares, (await db.selectFrom("tender_keys").select("public_key").executeTakeFirstOrThrow()).public_key);
    for (const receipt of receipts) {
      expect(verify(null, Buffer.from(receipt.receiptText), key, Buffer.from(receipt.signature, "base64"))).toBe(true);
      const row = await db.selectFrom("bids").selectAll().where("id", "=", receipt.bidId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ sha256: receipt.sha256, log_index: receipt.logIndex, vendor_id: receipt.vendorId });
      const event = await db.selectFrom("events").select(["type", "payload"]).where("idx", "=", receipt.logIndex).executeTakeFirstOrThrow();
      expect(event.type).toBe("bid.submitted");
      const file = path.join(t.testDb.dataDir, "files", receipt.sha256.slice(0, 2), receipt.sha256);
      expect(createHash("sha256").update(fs.readFileSync(file)).digest("hex")).toBe(receipt.sha256);
      const opened = await openBid(fs.createReadStream(file), tenderKey, { tenderCode: tender.tenderCode, vendorId: receipt.vendorId }, { newDigest: () => {
        const h = createHash("sha256");
        return { update: (b: Uint8Array) => void h.update(b), hex: () => h.digest("hex") };
      } });
      const sent = envelopes.get(receipt.sha256);
      expect(opened.document.price).toBe(sent?.price);
      expect(opened.files[0]?.sha256).toBe(sent?.fileSha256);
    }
  }, 180_000);

  it("continues an upload whose connection dropped from where the server says it stopped", async () => {
    const url = await startProcess();
    const vendor = vendors[0] as TestUser & { vendorId: string };
    const session = new HttpSession(url);
    await session.logIn(vendor.email, TEST_PASSWORD);
    const envelope = (sealedByVendor.get(vendor.vendorId) ?? [])[BIDS_EACH - 1] as Buffer;
    const started = (await (await session.fetch("POST", `/api/v1/tenders/${tender.tenderCode}/bid-uploads`, { json: { size: envelope.length } })).json()) as { uploadId: string };
    const upload = `/api/v1/tenders/${tender.tenderCode}/bid-uploads/${started.uploadId}`;

    // The first attempt sends 60% of the envelope, then the connection drops.
    const sent = Math.floor(envelope.length * 0.6);
    await new Promise<void>((resolve) => {
      const request = http.request(`${url}${upload}?offset=0`, { method: "PATCH", headers: { ...session.headersFor("PATCH"), "content-type": "application/octet-stream", "content-length": String(envelope.length) } });
      request.on("error", () => resolve());
      request.write(envelope.subarray(0, sent), () => setTimeout(() => {
        request.destroy();
        resolve();
      }, 200));
    });
    let offset = 0;
    for (let i = 0; i < 50 && offset === 0; i++) {
      offset = ((await (await session.fetch("GET", upload)).json()) as { offset: number }).offset;
      if (offset === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(sent);
    // The server may still be writing what it had received when the connection dropped: a continuation from an
    // offset it has since passed is refused with 409 naming where it now stands, and the client goes on from there.
    let rest = await session.fetch("PATCH", `${upload}?offset=${offset}`, { bytes: envelope.subarray(offset) });
    for (let i = 0; i < 5 && rest.status === 409; i++) {
      offset = ((await (await session.fetch("GET", upload)).json()) as { offset: number }).offset;
      expect(offset).toBeLessThanOrEqual(sent);
      rest = await session.fetch("PATCH", `${upload}?offset=${offset}`, { bytes: envelope.subarray(offset) });
    }
    expect(rest.status, await rest.clone().text()).toBe(200);
    const receipt = await session.fetch("POST", `${upload}/complete`);
    expect(receipt.status, await receipt.clone().text()).toBe(201);
    expect(((await receipt.json()) as { sha256: string }).sha256).toBe(createHash("sha256").update(envelope).digest("hex"));
    await stopProcess("SIGTERM");
  }, 60_000);
});
