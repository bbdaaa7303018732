import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { LogEventHeader } from "../../log/event-encoding.js";
import { eventsAbout } from "../../log/log.repository.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { loadTender } from "../tenders/participation.service.js";
import * as repo from "./bids.repository.js";

/** The events a bid's life leaves in the log: its submission, its replacement by a newer bid, its withdrawal. */
const BID_EVENT_TYPES = ["bid.submitted", "bid.withdrawn"] as const;

/**
 * The vendor's own events of one bid, header and payload, so its browser can rebuild the leaves and check
 * the receipt against a signed tree head. Bid events are internal (who bids stays private until the
 * opening): only the bidding vendor gets them, and for anyone else the bid does not exist.
 */
export async function myBidEvents(db: Kysely<DB>, actor: Actor, tenderCode: string, bidId: string) {
  const tender = await loadTender(db, tenderCode);
  if (actor.role !== "vendor" || !actor.vendorId) throw new AppError("FORBIDDEN");
  const bid = await repo.findVendorBid(db, tender.id, actor.vendorId, bidId);
  if (!bid) throw new AppError("NOT_FOUND", { id: "Penawaran tidak ditemukan", en: "Bid not found" });
  const events = await eventsAbout(db, { type: "package", id: tender.id }, BID_EVENT_TYPES);
  const items = events.flatMap((e) => {
    const payload = JSON.parse(e.payload) as { vendorId?: unknown; bidId?: unknown; replaces?: unknown };
    const concerns = payload.vendorId === bid.vendor_id && (payload.bidId === bid.id || payload.replaces === bid.id);
    if (!concerns) return [];
    const header: LogEventHeader = { index: e.index, time: e.time, actorId: e.actorId, type: e.type, subjectType: e.subjectType, subjectId: e.subjectId, payloadHash: e.payloadHash, visibility: e.visibility };
    return [{ header, payload, leafHash: e.leafHash }];
  });
  return { items };
}
