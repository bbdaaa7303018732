import type { KeyObject } from "node:crypto";
import type { Database, Tx } from "../db/database.js";
import { canonicalJson, sha256Hex } from "./canonical.js";
import { eventLeafHash, type LogEventHeader } from "./event-bytes.js";
import * as repo from "./log.repository.js";
import { fromHex, MerkleTree, toHex } from "./merkle.js";
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
 * The Merkle tree over the log, kept in memory with every level of complete subtrees and topped up
 * incrementally from the committed leaf hashes (the table is append-only; `openlpse verify` is what
 * re-reads everything). Roots and proofs then cost O(log² n) hashes, not a pass over the log.
 */
export class EventLog {
  private readonly tree = new MerkleTree();

  constructor(
    private readonly database: Database,
    readonly key: SigningKey,
  ) {}

  /** Loads run one after another: two requests topping up at once must not append the same leaves twice. */
  private loading: Promise<void> = Promise.resolve();

  /** The tree holding at least the first `size` events, loading any that are not held yet. */
  private async treeUpTo(size: number): Promise<MerkleTree> {
    const load = this.loading.then(async () => {
      if (this.tree.size >= size) return;
      const more = await repo.leafHashesFrom(this.database.db, this.tree.size, size);
      for (const h of more) this.tree.append(fromHex(h));
    });
    this.loading = load.catch(() => undefined);
    await load;
    if (this.tree.size < size) throw new Error(`event log has ${this.tree.size} events, expected ${size}`);
    return this.tree;
  }

  async size(): Promise<number> {
    return repo.logSize(this.database.db);
  }

  async rootAt(size: number): Promise<string> {
    return toHex((await this.treeUpTo(size)).root(size));
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
    const tree = await this.treeUpTo(treeSize);
    const leaf = tree.leaf(index);
    if (!leaf) throw new RangeError(`no event ${index}`);
    return { leafHash: toHex(leaf), auditPath: tree.inclusionProof(index, treeSize).map(toHex) };
  }

  async consistencyProof(first: number, second: number): Promise<string[]> {
    return (await this.treeUpTo(second)).consistencyProof(first, second).map(toHex);
  }
}
