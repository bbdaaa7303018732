import type { KeyObject } from "node:crypto";
import { sha256Hex } from "./canonical.js";
import { eventLeafHash, type LogEventHeader } from "./event-bytes.js";
import { equalBytes, fromHex, MerkleAccumulator, toHex } from "./merkle.js";
import { keyIdOf, type SignedTreeHead, verifyTreeHead } from "./tree-head.js";

/** One event row as read back from the database. */
export interface StoredEvent extends LogEventHeader {
  /** Canonical JSON text as stored. */
  payload: string;
  /** Hex leaf hash, as stored. */
  leafHash: string;
}

export interface VerifyProblem {
  kind: "missing" | "reordered" | "altered" | "payload" | "signature" | "root";
  /** The event concerned, when it can be pinned to one (for "missing", the first missing one). */
  index?: number;
  /** The signed tree head concerned, for "signature", "root" and a "missing" tail. */
  treeSize?: number;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  eventCount: number;
  headsChecked: number;
  /** In log order: by event index, a head's problems just after the last event it covers. */
  problems: VerifyProblem[];
  firstProblem?: VerifyProblem;
}

/** Order key of a head: it was signed after event treeSize - 1 and before event treeSize. */
const AFTER_LAST_EVENT = 0.5;
const HASH_PLACEHOLDER = new Uint8Array(32);
const HEX_SHA256 = /^[0-9a-f]{64}$/;

interface Found {
  key: number;
  problem: VerifyProblem;
}

/** What the event pass leaves for the tree-head pass. */
interface EventScan {
  /** Recomputed leaf hash by index, for indices below events.length; a hole is a missing event. */
  leaves: (Uint8Array | undefined)[];
  /** Stored leaf hashes that differ from the recomputed ones (null if unreadable), by index. */
  storedOverrides: Map<number, Uint8Array | null>;
  /** One past the highest index seen. */
  end: number;
}

/** Check a whole log as read from the database (ordered by index): every problem, earliest first. */
export function verifyLog(events: readonly StoredEvent[], heads: readonly SignedTreeHead[], publicKey: KeyObject): VerifyResult {
  const found: Found[] = [];
  const report = (key: number, problem: VerifyProblem) => found.push({ key, problem });
  const scan = scanEvents(events, report);
  checkHeads(heads, publicKey, scan, report);
  // Array.prototype.sort is stable, so problems at the same place keep the order they were found in.
  const problems = found.sort((a, b) => a.key - b.key).map((f) => f.problem);
  return { ok: problems.length === 0, eventCount: events.length, headsChecked: heads.length, problems, firstProblem: problems[0] };
}

function scanEvents(events: readonly StoredEvent[], report: (key: number, p: VerifyProblem) => void): EventScan {
  const leaves = new Array<Uint8Array | undefined>(events.length);
  const storedOverrides = new Map<number, Uint8Array | null>();
  const present = new Set<number>();
  let prev = -1;
  for (const e of events) {
    if (!Number.isSafeInteger(e.index) || e.index < 0) {
      report(prev + AFTER_LAST_EVENT, { kind: "reordered", message: `an event after event ${prev} has an invalid index ${String(e.index)}` });
      continue;
    }
    const i = e.index;
    if (sha256Hex(e.payload) !== e.payloadHash) {
      report(i, { kind: "payload", index: i, message: `the payload of event ${i} was edited: it no longer matches the payload hash recorded in the event` });
    }
    const leaf = recomputeLeaf(e, report);
    const storedDiffers = toHex(leaf) !== e.leafHash;
    if (storedDiffers && !equalBytes(leaf, HASH_PLACEHOLDER)) {
      report(i, { kind: "altered", index: i, message: `event ${i} was altered: its stored leaf hash does not match its contents` });
    }
    if (present.has(i)) {
      // The first row with an index is the one that goes into the tree; copies are only reported.
      report(i, { kind: "reordered", index: i, message: `event ${i} appears more than once` });
      continue;
    } else if (i < prev) {
      report(i, { kind: "reordered", index: i, message: `event ${i} is out of order: it comes after event ${prev}` });
    }
    present.add(i);
    prev = Math.max(prev, i);
    if (storedDiffers) storedOverrides.set(i, HEX_SHA256.test(e.leafHash) ? fromHex(e.leafHash) : null);
    // An index at or past events.length means an earlier one is missing, so it cannot be in a checkable tree.
    if (i < leaves.length) leaves[i] = leaf;
  }
  reportGaps(present, report);
  return { leaves, storedOverrides, end: prev + 1 };
}

function recomputeLeaf(e: StoredEvent, report: (key: number, p: VerifyProblem) => void): Uint8Array {
  try {
    return eventLeafHash(e);
  } catch (error) {
    const why = (error as Error).message;
    report(e.index, { kind: "altered", index: e.index, message: `event ${e.index} was altered: its fields can no longer be encoded (${why})` });
    return HASH_PLACEHOLDER;
  }
}

function reportGaps(present: ReadonlySet<number>, report: (key: number, p: VerifyProblem) => void): void {
  const indices = Float64Array.from(present).sort();
  let expected = 0;
  for (const i of indices) {
    if (i > expected) {
      const from = expected === 0 ? `the log starts at event ${i}` : `the log jumps from event ${expected - 1} to event ${i}`;
      report(expected, { kind: "missing", index: expected, message: `${eventRange(expected, i)} missing: ${from}` });
    }
    expected = i + 1;
  }
}

function checkHeads(
  heads: readonly SignedTreeHead[],
  publicKey: KeyObject,
  scan: EventScan,
  report: (key: number, p: VerifyProblem) => void,
): void {
  const keyId = keyIdOf(publicKey);
  const trusted: SignedTreeHead[] = [];
  for (const h of heads) {
    const size = h.treeSize;
    const where = `the signed tree head of size ${size}`;
    const key = Number.isFinite(size) ? size - AFTER_LAST_EVENT : Number.MAX_VALUE;
    if (h.keyId !== keyId) {
      report(key, { kind: "signature", treeSize: size, message: `${where} names key ${h.keyId}, not this log's key ${keyId}` });
    } else if (!verifyTreeHead(h, publicKey)) {
      report(key, { kind: "signature", treeSize: size, message: `${where} has an invalid signature` });
    } else if (!Number.isSafeInteger(size) || size < 0) {
      report(key, { kind: "root", treeSize: size, message: `${where} is validly signed but its size is not a whole number` });
    } else {
      trusted.push(h);
    }
  }
  trusted.sort((a, b) => a.treeSize - b.treeSize);
  reportMissingTail(trusted, scan.end, report);
  checkRoots(trusted, scan, report);
}

/** Events a validly signed head covers but the log no longer has at its end. */
function reportMissingTail(trusted: readonly SignedTreeHead[], end: number, report: (key: number, p: VerifyProblem) => void): void {
  const largest = trusted.at(-1)?.treeSize ?? 0;
  if (largest <= end) return;
  const ends = end === 0 ? "the log is empty" : `the log ends at event ${end - 1}`;
  const message = `${eventRange(end, largest)} missing: the signed tree head of size ${largest} covers ${largest} events, but ${ends}`;
  report(end, { kind: "missing", index: end, treeSize: largest, message });
}

/**
 * Recompute the root at every trusted head size in one pass. A mismatch that the stored leaf hashes
 * explain is already reported per event as "altered"; one they do not explain means rows were
 * rewritten together with their leaf hashes, and only the signed heads can bound where.
 */
function checkRoots(trusted: readonly SignedTreeHead[], scan: EventScan, report: (key: number, p: VerifyProblem) => void): void {
  const recomputed = new MerkleAccumulator();
  // Only needed when some stored leaf differs; otherwise the two trees are the same tree.
  const stored = scan.storedOverrides.size > 0 ? new MerkleAccumulator() : undefined;
  let storedUnreadable = false;
  let lastGood = 0;
  // Heads after a divergence contain it too, so they are summed up rather than listed one by one.
  let diverged: { since: number; later: number[] } | undefined;
  const flush = () => {
    if (diverged && diverged.later.length > 0) report(diverged.later[0]! - AFTER_LAST_EVENT, laterHeadsProblem(diverged.since, diverged.later));
    diverged = undefined;
  };
  for (const h of trusted) {
    while (recomputed.size < h.treeSize) {
      const i = recomputed.size;
      const leaf = scan.leaves[i];
      // A hole: the events are missing, which is reported already; later heads cannot be checked.
      if (!leaf) return flush();
      recomputed.append(leaf);
      const override = scan.storedOverrides.get(i);
      if (override === null) storedUnreadable = true;
      stored?.append(override ?? leaf);
    }
    const signed = HEX_SHA256.test(h.rootHash) ? fromHex(h.rootHash) : HASH_PLACEHOLDER;
    if (equalBytes(recomputed.root(), signed) || (stored && !storedUnreadable && equalBytes(stored.root(), signed))) {
      flush();
      lastGood = h.treeSize;
    } else if (diverged) {
      diverged.later.push(h.treeSize);
    } else {
      report(h.treeSize === lastGood + 1 ? lastGood : h.treeSize - AFTER_LAST_EVENT, rootProblem(h.treeSize, lastGood));
      diverged = { since: h.treeSize, later: [] };
    }
  }
  flush();
}

function laterHeadsProblem(since: number, later: readonly number[]): VerifyProblem {
  const last = later.at(-1)!;
  const heads = later.length === 1 ? `the later signed tree head of size ${last} does` : `the ${later.length} later signed tree heads (sizes ${later[0]} to ${last}) do`;
  const message = `${heads} not match the log either; they include the rewrite before size ${since}, so further rewrites after it cannot be told apart`;
  return { kind: "root", treeSize: last, message };
}

function rootProblem(size: number, lastGood: number): VerifyProblem {
  const head = `the signed tree head of size ${size} does not match the log`;
  if (size === 0) return { kind: "root", treeSize: 0, message: `${head}: it does not carry the root of the empty tree` };
  if (size === lastGood) {
    // Two validly signed, different roots for one size: the key holder signed a forked history.
    return { kind: "root", treeSize: size, message: `${head}, while another signed head of the same size does: the log key signed two histories` };
  }
  const since = lastGood > 0 ? `, while the head of size ${lastGood} does` : "";
  if (size === lastGood + 1) {
    return { kind: "root", index: lastGood, treeSize: size, message: `event ${lastGood} was rewritten along with its leaf hash: ${head}${since}` };
  }
  const range = `events ${lastGood} to ${size - 1}`;
  return { kind: "root", treeSize: size, message: `one or more of ${range} were rewritten along with their leaf hashes: ${head}${since}` };
}

/** "event 7 is" or "events 7 to 9 are", for the half-open range [from, to). */
function eventRange(from: number, to: number): string {
  return to - from === 1 ? `event ${from} is` : `events ${from} to ${to - 1} are`;
}
