import type { KeyObject } from "node:crypto";
import type { Database, Tx } from "../db/database.js";
import { canonicalJson, sha256Hex } from "./canonical.js";
import { eventLeafHash, type LogEventHeader } from "./event-bytes.js";
import * as repo from "./log.repository.js";
import { consistencyProof, fromHex, inclusionProof, rootFromLeafHashes, toHex } from "./merkle.js";
import { signTreeHead, type SignedTreeHead } from "./tree-head.js";

/** What a service records about a state change. */
export interface NewEvent {
  actorId: string | null;
  type: string;
  subject?: { type: string; id: string };
  payload: Record<string, unknown>;
  /** Public events may be shown to anyone; internal ones to auditors only. Hashes are always public. */
  visibility?: "public" | "internal";
}

/** Append one event inside the caller's transaction: the change and its event commit together or not at all. */
export async function appendEvent(trx: Tx, event: NewEvent, now: Date): Promise<{ index: number; leafHash: string }> {
  const index = await repo.reserveIndex(trx);
  const payload = canonicalJson(event.payload);
  const header: LogEventHeader = {
    index,
    time: now.toISOString(),
    actorId: event.actorId,
    type: event.type,
    subjectType: event.subject?.type ?? null,
    subjectId: event.subject?.id ?? null,
    payloadHash: sha256Hex(payload),
    visibility: event.visibility ?? "internal",
  };
  const leafHash = toHex(eventLeafHash(header));
  await repo.insertEvent(trx, { ...header, payload, leafHash });
  return { index, leafHash };
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}

/**
 * The Merkle tree over the log, with the leaf hashes of committed events cached in memory and
 * topped up incrementally (the table is append-only; `openlpse verify` is what re-reads everything).
 */
export class EventLog {
  private leaves: Uint8Array[] = [];

  constructor(
    private readonly database: Database,
    readonly key: SigningKey,
  ) {}

  /** Leaf hashes of the first `size` events, loading any that are not cached yet. */
  private async leavesUpTo(size: number): Promise<Uint8Array[]> {
    if (this.leaves.length < size) {
      const more = await repo.leafHashesFrom(this.database.db, this.leaves.length, size);
      for (const h of more) this.leaves.push(fromHex(h));
    }
    if (this.leaves.length < size) throw new Error(`event log has ${this.leaves.length} events, expected ${size}`);
    return this.leaves;
  }

  async size(): Promise<number> {
    return repo.logSize(this.database.db);
  }

  async rootAt(size: number): Promise<string> {
    return toHex(rootFromLeafHashes(await this.leavesUpTo(size), size));
  }

  /** Sign and store a head for the current size, unless one exists already. Returns the latest head. */
  async publishHead(now: Date): Promise<SignedTreeHead | undefined> {
    const size = await this.size();
    const latest = await repo.latestTreeHead(this.database.db);
    if (latest && latest.treeSize >= size) return latest;
    const head = signTreeHead({ treeSize: size, rootHash: await this.rootAt(size), timestamp: now.toISOString() }, this.key.privateKey);
    await repo.insertTreeHead(this.database.db, head);
    return head;
  }

  async latestHead(): Promise<SignedTreeHead | undefined> {
    return repo.latestTreeHead(this.database.db);
  }

  async headAt(treeSize: number): Promise<SignedTreeHead | undefined> {
    return repo.treeHeadAt(this.database.db, treeSize);
  }

  async inclusionProof(index: number, treeSize: number): Promise<{ leafHash: string; auditPath: string[] }> {
    const leaves = await this.leavesUpTo(treeSize);
    const leaf = leaves[index];
    if (!leaf) throw new RangeError(`no event ${index}`);
    return { leafHash: toHex(leaf), auditPath: inclusionProof(leaves, index, treeSize).map(toHex) };
  }

  async consistencyProof(first: number, second: number): Promise<string[]> {
    const leaves = await this.leavesUpTo(second);
    return consistencyProof(leaves, first, second).map(toHex);
  }
}
