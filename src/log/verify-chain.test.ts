import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, sha256Hex } from "./canonical.js";
import { eventLeafHash, type LogEventHeader } from "./event-bytes.js";
import { EMPTY_ROOT, fromHex, MerkleAccumulator, rootFromLeafHashes, toHex } from "./merkle.js";
import { signTreeHead, type SignedTreeHead } from "./tree-head.js";
import { type StoredEvent, verifyLog } from "./verify-chain.js";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const START = Date.parse("2026-11-26T07:00:00.000Z");
const EVENT_COUNT = 50;
const HEAD_SIZES = [20, 50];

/** A stored row exactly as appendEvent would have written it. */
function storedEvent(index: number, overrides: Partial<LogEventHeader> = {}, payloadValue: unknown = { n: index }): StoredEvent {
  const payload = canonicalJson(payloadValue);
  const header: LogEventHeader = {
    index,
    time: new Date(START + index * 60_000).toISOString(),
    actorId: index % 3 === 0 ? null : `user-${index % 7}`,
    type: index % 2 === 0 ? "agency.created" : "user.created",
    subjectType: "agency",
    subjectId: `agency-${index}`,
    payloadHash: sha256Hex(payload),
    visibility: index % 4 === 0 ? "public" : "internal",
    ...overrides,
  };
  return { ...header, payload, leafHash: toHex(eventLeafHash(header)) };
}

/** Heads signed over the stored leaf hashes at the given sizes (ascending), in one pass. */
function headsFor(events: readonly StoredEvent[], sizes: readonly number[]): SignedTreeHead[] {
  const acc = new MerkleAccumulator();
  return sizes.map((treeSize) => {
    while (acc.size < treeSize) acc.append(fromHex(events[acc.size]!.leafHash));
    return signTreeHead({ treeSize, rootHash: toHex(acc.root()), timestamp: new Date(START + treeSize * 60_000).toISOString() }, privateKey);
  });
}

/** A valid log of 50 events with signed heads at sizes 20 and 50. */
function validLog(sizes: readonly number[] = HEAD_SIZES): { events: StoredEvent[]; heads: SignedTreeHead[] } {
  const events = Array.from({ length: EVENT_COUNT }, (_, i) => storedEvent(i));
  return { events, heads: headsFor(events, sizes) };
}

/** The same row with fields changed and its leaf hash recomputed, as a careful attacker would. */
function rewritten(e: StoredEvent, changes: Partial<LogEventHeader>): StoredEvent {
  const header = { ...e, ...changes };
  return { ...header, leafHash: toHex(eventLeafHash(header)) };
}

describe("verifyLog on an untouched log", () => {
  it("accepts it", () => {
    const { events, heads } = validLog();
    const result = verifyLog(events, heads, publicKey);
    expect(result).toEqual({ ok: true, eventCount: 50, headsChecked: 2, problems: [], firstProblem: undefined });
  });

  it("checks many heads in a single pass over the events", () => {
    // One head per ten events: recomputing each root from scratch would take minutes, not moments.
    const events = Array.from({ length: 20_000 }, (_, i) => storedEvent(i));
    const sizes = Array.from({ length: 2_000 }, (_, i) => (i + 1) * 10);
    const heads = headsFor(events, sizes);
    expect(toHex(rootFromLeafHashes(events.map((e) => fromHex(e.leafHash))))).toBe(heads.at(-1)!.rootHash);
    expect(verifyLog(events, heads, publicKey)).toMatchObject({ ok: true, eventCount: 20_000, headsChecked: 2_000 });
  });

  it("accepts an empty log, with or without a head of size 0", () => {
    expect(verifyLog([], [], publicKey).ok).toBe(true);
    const empty = signTreeHead({ treeSize: 0, rootHash: toHex(EMPTY_ROOT), timestamp: "2026-11-26T07:00:00.000Z" }, privateKey);
    expect(verifyLog([], [empty], publicKey)).toMatchObject({ ok: true, headsChecked: 1 });
  });
});

describe("verifyLog finds tampering", () => {
  it("an edited payload", () => {
    const { events, heads } = validLog();
    events[17] = { ...events[17]!, payload: canonicalJson({ n: 1700 }) };
    const result = verifyLog(events, heads, publicKey);
    expect(result.ok).toBe(false);
    expect(result.firstProblem).toMatchObject({ kind: "payload", index: 17 });
    expect(result.firstProblem?.message).toMatch(/event 17/);
    // The leaf commits to the payload's hash, not its text, so the tree itself is untouched.
    expect(result.problems).toHaveLength(1);
  });

  it("an edited field whose stored leaf hash was left alone", () => {
    const { events, heads } = validLog();
    events[41] = { ...events[41]!, type: "agency.deleted" };
    const result = verifyLog(events, heads, publicKey);
    expect(result.firstProblem).toEqual({ kind: "altered", index: 41, message: "event 41 was altered: its stored leaf hash does not match its contents" });
    // The stored leaf hashes still give the signed roots, so no separate root problem is raised.
    expect(result.problems).toHaveLength(1);
  });

  it("edited times, actors and subjects too", () => {
    const changes: Partial<LogEventHeader>[] = [{ time: "2026-11-26T06:00:00.000Z" }, { actorId: "user-666" }, { subjectId: "agency-0" }, { visibility: "public" }];
    for (const change of changes) {
      const { events, heads } = validLog();
      events[5] = { ...events[5]!, ...change };
      expect(verifyLog(events, heads, publicKey).firstProblem, JSON.stringify(change)).toMatchObject({ kind: "altered", index: 5 });
    }
  });

  it("a field edited along with its leaf hash, bounded by the signed heads", () => {
    const { events, heads } = validLog();
    events[30] = rewritten(events[30]!, { subjectId: "agency-999" });
    const result = verifyLog(events, heads, publicKey);
    expect(result.firstProblem).toMatchObject({ kind: "root", treeSize: 50 });
    expect(result.firstProblem?.index).toBeUndefined();
    expect(result.firstProblem?.message).toMatch(/events 20 to 49/);
    expect(result.firstProblem?.message).toMatch(/size 50/);
    expect(result.problems).toHaveLength(1);
  });

  it("a rewrite pinned to one event when consecutive heads bracket it", () => {
    const { events, heads } = validLog([30, 31, 50]);
    events[30] = rewritten(events[30]!, { type: "agency.deleted" });
    const result = verifyLog(events, heads, publicKey);
    expect(result.firstProblem).toMatchObject({ kind: "root", index: 30, treeSize: 31 });
    expect(result.firstProblem?.message).toMatch(/^event 30 was rewritten/);
    // The head of size 50 contains the same rewrite; it is summed up, not blamed on new events.
    expect(result.problems.map((p) => [p.kind, p.treeSize])).toEqual([["root", 31], ["root", 50]]);
    expect(result.problems[1]?.message).toMatch(/later signed tree head of size 50/);
  });

  it("a deleted event in the middle", () => {
    const { events, heads } = validLog();
    events.splice(17, 1);
    const result = verifyLog(events, heads, publicKey);
    expect(result.firstProblem).toMatchObject({ kind: "missing", index: 17 });
    expect(result.firstProblem?.message).toBe("event 17 is missing: the log jumps from event 16 to event 18");
    expect(result.eventCount).toBe(49);
  });

  it("deleted events at the start and at the end", () => {
    const start = validLog();
    start.events.splice(0, 3);
    expect(verifyLog(start.events, start.heads, publicKey).firstProblem).toMatchObject({ kind: "missing", index: 0, message: "events 0 to 2 are missing: the log starts at event 3" });
    const end = validLog();
    end.events.splice(45);
    expect(verifyLog(end.events, end.heads, publicKey).firstProblem).toMatchObject({ kind: "missing", index: 45, treeSize: 50 });
  });

  it("two events swapped in the order they are read", () => {
    const { events, heads } = validLog();
    [events[10], events[11]] = [events[11]!, events[10]!];
    const result = verifyLog(events, heads, publicKey);
    expect(result.firstProblem).toMatchObject({ kind: "reordered", index: 10 });
    expect(result.firstProblem?.message).toBe("event 10 is out of order: it comes after event 11");
  });

  it("two rows whose indices were swapped in the table", () => {
    const { events, heads } = validLog();
    const [a, b] = [events[10]!, events[11]!];
    events[10] = { ...b, index: 10 };
    events[11] = { ...a, index: 11 };
    const result = verifyLog(events, heads, publicKey);
    expect(result.firstProblem).toMatchObject({ kind: "altered", index: 10 });
    // The stored leaf hashes moved with their rows, so they no longer give the signed roots either.
    expect(result.problems.map((p) => [p.kind, p.index ?? p.treeSize])).toEqual([
      ["altered", 10],
      ["altered", 11],
      ["root", 20],
      ["root", 50],
    ]);
  });

  it("two rows swapped with their leaf hashes recomputed", () => {
    const { events, heads } = validLog();
    const [a, b] = [events[10]!, events[11]!];
    events[10] = rewritten(b, { index: 10 });
    events[11] = rewritten(a, { index: 11 });
    expect(verifyLog(events, heads, publicKey).firstProblem).toMatchObject({ kind: "root", treeSize: 20 });
  });

  it("a duplicated event", () => {
    const { events, heads } = validLog();
    events.splice(8, 0, events[8]!);
    expect(verifyLog(events, heads, publicKey).firstProblem).toMatchObject({ kind: "reordered", index: 8, message: "event 8 appears more than once" });
  });

  it("a head with a bad signature", () => {
    const { events, heads } = validLog();
    const sig = Buffer.from(heads[0]!.signature, "base64");
    sig[0]! ^= 0x80;
    heads[0] = { ...heads[0]!, signature: sig.toString("base64") };
    const result = verifyLog(events, heads, publicKey);
    expect(result.firstProblem).toMatchObject({ kind: "signature", treeSize: 20 });
    expect(result.firstProblem?.index).toBeUndefined();
    expect(result.firstProblem?.message).toBe("the signed tree head of size 20 has an invalid signature");
    expect(result.problems).toHaveLength(1);
  });

  it("a head whose size was edited after signing", () => {
    const { events, heads } = validLog();
    heads[1] = { ...heads[1]!, treeSize: 49 };
    expect(verifyLog(events, heads, publicKey).firstProblem).toMatchObject({ kind: "signature", treeSize: 49 });
  });

  it("a head signed by another key", () => {
    const { events, heads } = validLog();
    const other = generateKeyPairSync("ed25519").privateKey;
    heads[0] = signTreeHead(heads[0]!, other);
    expect(verifyLog(events, heads, publicKey).firstProblem?.message).toMatch(/^the signed tree head of size 20 names key [0-9a-f]{64}, not this log's key/);
  });

  it("a validly signed head that claims more events than the log holds", () => {
    const { events, heads } = validLog();
    const more = headsFor([...events, storedEvent(50), storedEvent(51)], [52]);
    const result = verifyLog(events, [...heads, ...more], publicKey);
    expect(result.firstProblem).toMatchObject({ kind: "missing", index: 50, treeSize: 52 });
    expect(result.firstProblem?.message).toBe("events 50 to 51 are missing: the signed tree head of size 52 covers 52 events, but the log ends at event 49");
  });

  it("two validly signed heads of one size with different roots", () => {
    const { events, heads } = validLog();
    const fork = signTreeHead({ treeSize: 20, rootHash: "00".repeat(32), timestamp: "2026-11-26T08:00:00.000Z" }, privateKey);
    const result = verifyLog(events, [...heads, fork], publicKey);
    expect(result.firstProblem).toMatchObject({ kind: "root", treeSize: 20 });
    expect(result.firstProblem?.message).toMatch(/two histories/);
  });
});

describe("verifyLog reports problems in log order", () => {
  it("earliest first, whatever order they were found in", () => {
    const { events, heads } = validLog();
    events[40] = { ...events[40]!, payload: "{}" };
    events[5] = { ...events[5]!, type: "x" };
    heads[1] = { ...heads[1]!, signature: heads[0]!.signature };
    events.splice(12, 1);
    const result = verifyLog(events, heads, publicKey);
    expect(result.problems.map((p) => [p.kind, p.index ?? p.treeSize])).toEqual([
      ["altered", 5],
      ["missing", 12],
      ["payload", 40],
      ["signature", 50],
    ]);
    expect(result.firstProblem).toBe(result.problems[0]);
  });

  it("places a head's problems after the last event it covers", () => {
    const { events, heads } = validLog();
    events[20] = { ...events[20]!, payload: "{}" };
    heads[0] = { ...heads[0]!, signature: heads[1]!.signature };
    expect(verifyLog(events, heads, publicKey).problems.map((p) => p.kind)).toEqual(["signature", "payload"]);
  });
});
