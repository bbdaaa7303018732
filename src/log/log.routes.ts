import type { AppDeps } from "../server/app.js";
import type { Actor } from "../server/actor.js";
import { AppError } from "../server/errors.js";
import type { Api } from "../server/http.js";
import { listEvents } from "./log.repository.js";
import {
  ConsistencyProofSchema,
  ConsistencyQuerySchema,
  EventListQuerySchema,
  InclusionProofSchema,
  InclusionQuerySchema,
  LogEventListSchema,
  LogKeySchema,
  SignedTreeHeadSchema,
} from "./log.schemas.js";
import { rawPublicKeyBase64 } from "./tree-head.js";
import type { StoredEvent } from "./verify-chain.js";

/** Auditors (APIP) and the LPSE administrator read every payload; everyone else the public ones. */
export function canReadInternalEvents(actor: Actor | null): boolean {
  return actor?.role === "auditor" || actor?.role === "admin_ppe";
}

function presentEvent(e: StoredEvent, full: boolean) {
  const showPayload = full || e.visibility === "public";
  return {
    index: e.index,
    time: e.time,
    type: e.type,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    visibility: e.visibility,
    payloadHash: e.payloadHash,
    leafHash: e.leafHash,
    actorId: full ? e.actorId : null,
    payload: showPayload ? (JSON.parse(e.payload) as unknown) : null,
  };
}

const noHeadYet = () =>
  new AppError("NOT_FOUND", { id: "Belum ada kepala pohon yang ditandatangani", en: "No signed tree head has been published yet" });

/** Public transparency endpoints: anyone can check that history was not rewritten. */
export function logRoutes(app: Api, deps: AppDeps): void {
  const log = deps.eventLog;

  app.get("/api/v1/log/head", { schema: { tags: ["log"], summary: "Latest signed tree head", response: { 200: SignedTreeHeadSchema } } }, async () => {
    const head = await log.latestHead();
    if (!head) throw noHeadYet();
    return head;
  });

  app.get("/api/v1/log/key", { schema: { tags: ["log"], summary: "Public key that signs tree heads", response: { 200: LogKeySchema } } }, async () => ({
    keyId: log.key.keyId,
    algorithm: "Ed25519" as const,
    publicKey: rawPublicKeyBase64(log.key.publicKey),
  }));

  app.get(
    "/api/v1/log/proofs/inclusion",
    { schema: { tags: ["log"], summary: "Inclusion proof of an event in a signed tree head (default: the latest)", querystring: InclusionQuerySchema, response: { 200: InclusionProofSchema } } },
    async (request) => {
      const { index } = request.query;
      let head = request.query.treeSize === undefined ? await log.latestHead() : await log.headAt(request.query.treeSize);
      // A fresh event is not in the last head yet: sign a new one rather than make the caller wait a minute.
      if (request.query.treeSize === undefined && (!head || head.treeSize <= index)) head = await log.publishHead(deps.clock.now());
      if (!head) throw new AppError("NOT_FOUND", { id: "Tidak ada kepala pohon bertanda tangan dengan ukuran itu", en: "No signed tree head with that size" });
      if (index >= head.treeSize) {
        throw new AppError("NOT_FOUND", { id: `Kejadian ${index} tidak ada di pohon berukuran ${head.treeSize}`, en: `Event ${index} is not in a tree of size ${head.treeSize}` }, [
          { field: "query.index", message: { id: "di luar pohon", en: "outside the tree" } },
        ]);
      }
      const proof = await log.inclusionProof(index, head.treeSize);
      return { leafIndex: index, treeSize: head.treeSize, leafHash: proof.leafHash, auditPath: proof.auditPath, treeHead: head };
    },
  );

  app.get(
    "/api/v1/log/proofs/consistency",
    { schema: { tags: ["log"], summary: "Consistency proof between two tree sizes", querystring: ConsistencyQuerySchema, response: { 200: ConsistencyProofSchema } } },
    async (request) => {
      const { first, second } = request.query;
      const size = await log.size();
      if (first > second) {
        throw new AppError("VALIDATION_FAILED", { id: "first tidak boleh lebih besar dari second", en: "first must not be greater than second" }, [
          { field: "query.first", message: { id: "lebih besar dari second", en: "greater than second" } },
        ]);
      }
      if (second > size) {
        throw new AppError("NOT_FOUND", { id: `Log baru berisi ${size} kejadian`, en: `The log has only ${size} events` }, [
          { field: "query.second", message: { id: "melebihi ukuran log", en: "exceeds the log size" } },
        ]);
      }
      return { first, second, proof: await log.consistencyProof(first, second) };
    },
  );

  app.get(
    "/api/v1/log/events",
    { schema: { tags: ["log"], summary: "Events in order: hashes for all, payloads of public events (all payloads for auditors)", querystring: EventListQuerySchema, response: { 200: LogEventListSchema } } },
    async (request) => {
      const full = canReadInternalEvents(request.actor);
      const events = await listEvents(deps.database.db, request.query.from, request.query.limit);
      const last = events.at(-1);
      return { items: events.map((e) => presentEvent(e, full)), next: last && events.length === request.query.limit ? last.index + 1 : null };
    },
  );
}
