import { randomUUID } from "node:crypto";
import path from "node:path";
import { openSqlite } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { appendEvent, EventLog } from "../src/log/event-log.js";
import { allEvents, allTreeHeads } from "../src/log/log.repository.js";
import { loadOrCreateSigningKey } from "../src/log/signing-key.js";
import { verifyLog, type StoredEvent } from "../src/log/verify-chain.js";
import { canonicalJson, sha256Hex } from "../src/log/canonical.js";
import { eventLeafHash, type LogEventHeader } from "../src/log/event-bytes.js";
import { toHex } from "../src/log/merkle.js";
import { percentile, report, scratchDir, seconds, size } from "./lib.js";

/*
 * The event log on the default install (SQLite on local disk): appends per second, each in its own
 * durable transaction as a bid's commit is; then, with the log grown to EVENTS, an inclusion proof (the
 * first after a start loads the leaf cache; later ones are served from it) and `openlpse verify`'s
 * recomputation of the whole log.
 */

const EVENTS = size("LOG_EVENTS", 1_000_000);
const DURABLE_APPENDS = size("LOG_DURABLE_APPENDS", 2_000);
const BATCH = 20_000;
const PROOFS = 200;

function event(i: number) {
  return {
    actorId: null,
    type: "bid.submitted",
    subject: { type: "package", id: "bench" },
    payload: { tenderCode: "202700001", vendorId: randomUUID(), sha256: i.toString(16).padStart(64, "0"), size: 2_097_152 },
  };
}

async function main(): Promise<void> {
  const dir = scratchDir("log");
  const database = openSqlite(path.join(dir, "openlpse.sqlite"));
  await migrateToLatest(database.db);
  const key = loadOrCreateSigningKey(path.join(dir, "keys", "log-signing-key.pem"));
  const now = new Date();

  // One event per transaction, committed durably: what a bid's commit costs the log.
  const durableStart = process.hrtime.bigint();
  for (let i = 0; i < DURABLE_APPENDS; i++) {
    await database.db.transaction().execute((trx) => appendEvent(trx, event(i), now));
  }
  const durableSeconds = seconds(durableStart);

  // Growing the log to its size: the same rows appendEvent writes (same header, payload hash and leaf
  // hash), inserted many per statement. Seeding only; its rate is not a figure for appends.
  const seedStart = process.hrtime.bigint();
  for (let done = DURABLE_APPENDS; done < EVENTS; ) {
    const n = Math.min(BATCH, EVENTS - done);
    const rows = Array.from({ length: n }, (_, i) => {
      const e = event(done + i);
      const payload = canonicalJson(e.payload);
      const header: LogEventHeader = { index: done + i, time: now.toISOString(), actorId: null, type: e.type, subjectType: e.subject.type, subjectId: e.subject.id, payloadHash: sha256Hex(payload), visibility: "internal" };
      return { idx: header.index, time: header.time, actor_id: null, type: header.type, subject_type: header.subjectType, subject_id: header.subjectId, payload, payload_hash: header.payloadHash, visibility: header.visibility, leaf_hash: toHex(eventLeafHash(header)) };
    });
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto("events").values(rows.slice(i, i + 500)).execute();
      await trx.updateTable("log_state").set({ size: done + n }).where("id", "=", 1).execute();
    });
    done += n;
  }
  const seedSeconds = seconds(seedStart);

  const log = new EventLog(database, key);
  const headStart = process.hrtime.bigint();
  await log.publishHead(new Date());
  const firstHeadSeconds = seconds(headStart);

  const firstProofStart = process.hrtime.bigint();
  await log.inclusionProof(Math.floor(EVENTS / 2), EVENTS);
  const firstProofSeconds = seconds(firstProofStart);
  const proofMs: number[] = [];
  for (let i = 0; i < PROOFS; i++) {
    const start = process.hrtime.bigint();
    await log.inclusionProof(Math.floor(Math.random() * EVENTS), EVENTS);
    proofMs.push(seconds(start) * 1000);
  }

  const verifyStart = process.hrtime.bigint();
  const events: StoredEvent[] = [];
  for await (const e of allEvents(database.db)) events.push(e);
  const result = verifyLog(events, await allTreeHeads(database.db), key.publicKey);
  const verifySeconds = seconds(verifyStart);
  if (!result.ok) throw new Error(`the log does not verify: ${result.firstProblem?.message}`);
  await database.close();

  report({
    name: "log",
    sizes: { events: EVENTS, durableAppends: DURABLE_APPENDS },
    figures: {
      durableAppendsPerSecond: DURABLE_APPENDS / durableSeconds,
      seedSeconds,
      firstSignedHeadSeconds: firstHeadSeconds,
      firstInclusionProofSeconds: firstProofSeconds,
      inclusionProofP50Ms: percentile(proofMs, 50),
      inclusionProofP95Ms: percentile(proofMs, 95),
      verifySeconds,
    },
    ratios: {},
    goals: [],
  });
}

await main();
