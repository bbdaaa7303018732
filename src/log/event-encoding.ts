import { canonicalJson } from "./canonical-json.js";

/*
 * Dependency-free, so a vendor's browser rebuilds a leaf exactly as the server does
 * (event-bytes.ts adds Node's leaf hash; verify-inclusion.ts the WebCrypto one).
 */

/** Bumped if the leaf encoding ever changes, so old and new leaves can never be confused. */
const EVENT_FORMAT_VERSION = 1;

/** What a leaf commits to. The payload itself is committed through its hash, so it can be withheld. */
export interface LogEventHeader {
  /** 0-based position in the log. */
  index: number;
  /** ISO-8601 UTC with milliseconds, e.g. 2026-11-26T07:15:00.000Z. */
  time: string;
  /** User id, or null for the system. */
  actorId: string | null;
  /** E.g. "agency.created". */
  type: string;
  subjectType: string | null;
  subjectId: string | null;
  /** Hex SHA-256 of the canonical JSON payload. */
  payloadHash: string;
  visibility: "public" | "internal";
}

/** The canonical bytes of one event: UTF-8 of canonicalJson({v: 1, ...header}). */
export function eventBytes(h: LogEventHeader): Uint8Array<ArrayBuffer> {
  // The index is inside on purpose: swapping two rows changes both leaves.
  // Fields are picked one by one rather than spread, so a richer object (a stored row with its
  // payload and leaf hash) hashes exactly like its header.
  const doc = {
    v: EVENT_FORMAT_VERSION,
    index: h.index,
    time: h.time,
    actorId: h.actorId,
    type: h.type,
    subjectType: h.subjectType,
    subjectId: h.subjectId,
    payloadHash: h.payloadHash,
    visibility: h.visibility,
  };
  return new TextEncoder().encode(canonicalJson(doc));
}
