import type { Kysely } from "kysely";
import type { Queryable, Tx } from "../db/database.js";
import type { DB } from "../db/schema.js";
import type { SignedTreeHead } from "./tree-head.js";
import type { StoredEvent } from "./verify-chain.js";

/** Take the next log index. Incrementing the single log_state row serialises appenders until commit. */
export async function reserveIndex(trx: Tx): Promise<number> {
  const row = await trx
    .updateTable("log_state")
    .set((eb) => ({ size: eb("size", "+", 1) }))
    .where("id", "=", 1)
    .returning("size")
    .executeTakeFirstOrThrow();
  return row.size - 1;
}

export async function insertEvent(trx: Tx, e: StoredEvent): Promise<void> {
  await trx
    .insertInto("events")
    .values({
      idx: e.index,
      time: e.time,
      actor_id: e.actorId,
      type: e.type,
      subject_type: e.subjectType,
      subject_id: e.subjectId,
      payload: e.payload,
      payload_hash: e.payloadHash,
      visibility: e.visibility,
      leaf_hash: e.leafHash,
    })
    .execute();
}

export async function logSize(db: Queryable): Promise<number> {
  const row = await db.selectFrom("log_state").select("size").where("id", "=", 1).executeTakeFirstOrThrow();
  return row.size;
}

/** Leaf hashes with index >= from, in order. */
export async function leafHashesFrom(db: Queryable, from: number, toExclusive: number): Promise<string[]> {
  const rows = await db
    .selectFrom("events")
    .select(["idx", "leaf_hash"])
    .where("idx", ">=", from)
    .where("idx", "<", toExclusive)
    .orderBy("idx")
    .execute();
  return rows.map((r) => r.leaf_hash);
}

function toStoredEvent(r: DB["events"]): StoredEvent {
  return {
    index: r.idx,
    time: r.time,
    actorId: r.actor_id,
    type: r.type,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    payloadHash: r.payload_hash,
    visibility: r.visibility,
    payload: r.payload,
    leafHash: r.leaf_hash,
  };
}

export async function findEvent(db: Queryable, index: number): Promise<StoredEvent | undefined> {
  const row = await db.selectFrom("events").selectAll().where("idx", "=", index).executeTakeFirst();
  return row ? toStoredEvent(row) : undefined;
}

/** Events of the given types about one subject, in log order (uses the events_subject index). */
export async function eventsAbout(db: Queryable, subject: { type: string; id: string }, types: readonly string[]): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom("events")
    .selectAll()
    .where("subject_type", "=", subject.type)
    .where("subject_id", "=", subject.id)
    .where("type", "in", types)
    .orderBy("idx")
    .execute();
  return rows.map(toStoredEvent);
}

export async function listEvents(db: Queryable, from: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db.selectFrom("events").selectAll().where("idx", ">=", from).orderBy("idx").limit(limit).execute();
  return rows.map(toStoredEvent);
}

/** Every event in stored order, for `openlpse verify`; read in pages to bound memory per query. */
export async function* allEvents(db: Kysely<DB>, pageSize = 10_000): AsyncGenerator<StoredEvent> {
  let after = -1;
  for (;;) {
    const rows = await db.selectFrom("events").selectAll().where("idx", ">", after).orderBy("idx").limit(pageSize).execute();
    for (const r of rows) yield toStoredEvent(r);
    const last = rows.at(-1);
    if (!last) return;
    after = last.idx;
  }
}

export async function insertTreeHead(db: Queryable, h: SignedTreeHead): Promise<boolean> {
  const result = await db
    .insertInto("tree_heads")
    .values({ tree_size: h.treeSize, root_hash: h.rootHash, timestamp: h.timestamp, key_id: h.keyId, signature: h.signature })
    .onConflict((oc) => oc.column("tree_size").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

function toHead(r: DB["tree_heads"]): SignedTreeHead {
  return { treeSize: r.tree_size, rootHash: r.root_hash, timestamp: r.timestamp, keyId: r.key_id, signature: r.signature };
}

export async function latestTreeHead(db: Queryable): Promise<SignedTreeHead | undefined> {
  const row = await db.selectFrom("tree_heads").selectAll().orderBy("tree_size", "desc").limit(1).executeTakeFirst();
  return row ? toHead(row) : undefined;
}

export async function treeHeadAt(db: Queryable, treeSize: number): Promise<SignedTreeHead | undefined> {
  const row = await db.selectFrom("tree_heads").selectAll().where("tree_size", "=", treeSize).executeTakeFirst();
  return row ? toHead(row) : undefined;
}

export async function allTreeHeads(db: Queryable): Promise<SignedTreeHead[]> {
  const rows = await db.selectFrom("tree_heads").selectAll().orderBy("tree_size").execute();
  return rows.map(toHead);
}
