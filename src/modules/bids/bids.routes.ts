import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import { AppError } from "../../server/errors.js";
import type { Api } from "../../server/http.js";
import { settingsRateLimit } from "../../server/rate-limits.js";
import { uploadStream } from "../../storage/checked-upload.js";
import { requireActor } from "../auth/session.hook.js";
import { TenderParamsSchema } from "../tenders/participation.schemas.js";
import { publicationContext } from "../tenders/publication-context.js";
import * as repo from "./bids.repository.js";
import { myBidEvents } from "./bid-events.service.js";
import {
  BidEventsSchema,
  CeremonySchema,
  OpeningKeyInputSchema,
  OpeningKeySchema,
  OpeningProgressSchema,
  OpeningRecordSchema,
  OpeningStatusSchema,
  PublicTenderKeySchema,
  ReceiptSchema,
  SealedShareSchema,
  ShareInputSchema,
  TenderKeyInputSchema,
} from "./bids.schemas.js";
import { appendUpload, completeUpload, myBid, startUpload, submitBid, uploadStatus, withdrawBid } from "./bids.service.js";
import { assertKeyHolderRole, ceremonyView, myShare, publicTenderKey, publishTenderKey, setOpeningKey } from "./keys.service.js";
import { openingProgress, openingRecord, submitShare } from "./opening.service.js";

/** Sealed bids: opening keys, the key ceremony, bid upload and receipts, opening by k of n members. */
export function bidRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;
  // Per client address (a setting); pieces of a resumable upload are not counted, a large bid has many.
  const bidUploadLimit = settingsRateLimit(deps, "bidUpload");

  app.get(
    "/api/v1/me/opening-key",
    { schema: { tags: ["bids"], summary: "The caller's opening key (public key and the passphrase-wrapped seed), for unlocking in the browser", response: { 200: OpeningKeySchema } } },
    async (request) => {
      const actor = requireActor(request);
      assertKeyHolderRole(actor);
      const row = await repo.findOpeningKey(db, actor.id);
      if (!row) throw new AppError("NOT_FOUND", { id: "Anda belum membuat kunci pembukaan", en: "You have not made an opening key yet" });
      return { publicKey: row.public_key, wrapped: JSON.parse(row.wrapped) as z.infer<typeof OpeningKeySchema>["wrapped"], createdAt: row.created_at };
    },
  );

  app.put(
    "/api/v1/me/opening-key",
    { schema: { tags: ["bids"], summary: "Set the caller's opening key, made and wrapped under a passphrase in the member's browser", body: OpeningKeyInputSchema, response: { 200: OpeningKeySchema } } },
    async (request) => setOpeningKey(db, requireActor(request), request.body, deps.clock.now()),
  );

  app.get(
    "/api/v1/tenders/:tenderCode/key-ceremony",
    { schema: { tags: ["bids"], summary: "What the key ceremony needs: the committee's opening public keys and the default threshold (committee)", params: TenderParamsSchema, response: { 200: CeremonySchema } } },
    async (request) => ceremonyView(db, requireActor(request), request.params.tenderCode),
  );

  app.put(
    "/api/v1/tenders/:tenderCode/tender-key",
    {
      schema: {
        tags: ["bids"],
        summary: "Upload the key ceremony's result: the tender's public key and one sealed share per member (committee; once, before the bid deadline)",
        params: TenderParamsSchema,
        body: TenderKeyInputSchema,
        response: { 201: PublicTenderKeySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await publishTenderKey(db, requireActor(request), request.params.tenderCode, request.body, deps.clock.now())),
  );

  app.get(
    "/api/v1/public/tenders/:tenderCode/key",
    { schema: { tags: ["public"], summary: "The tender's public key, to which vendors' browsers seal their bids", params: TenderParamsSchema, response: { 200: PublicTenderKeySchema } } },
    async (request) => publicTenderKey(db, request.params.tenderCode),
  );

  app.get(
    "/api/v1/tenders/:tenderCode/key-share",
    { schema: { tags: ["bids"], summary: "The caller's sealed share of the tender key (committee), opened in the browser at opening", params: TenderParamsSchema, response: { 200: SealedShareSchema } } },
    async (request) => myShare(db, requireActor(request), request.params.tenderCode),
  );

  app.post(
    "/api/v1/tenders/:tenderCode/bids",
    {
      config: { rateLimit: bidUploadLimit },
      schema: {
        tags: ["bids"],
        summary: "Submit a sealed bid: the envelope is the raw body (application/octet-stream); a new bid replaces the vendor's earlier one",
        params: TenderParamsSchema,
        response: { 201: ReceiptSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      try {
        const receipt = await submitBid(deps, actor, request.params.tenderCode, uploadStream(request.body, ["application/octet-stream"]));
        return reply.status(201).send(receipt);
      } catch (error) {
        // Refused attempts go to the service log (not the event log, which only records what changed).
        if (error instanceof AppError) request.log.warn({ tenderCode: request.params.tenderCode, actorId: actor.id, code: error.code, detail: error.detail.en }, "bid refused");
        throw error;
      }
    },
  );

  const UploadParams = TenderParamsSchema.extend({ uploadId: z.uuid() });
  const UploadStateSchema = z.object({ uploadId: z.string(), offset: z.number().int(), size: z.number().int() });

  app.post(
    "/api/v1/tenders/:tenderCode/bid-uploads",
    {
      config: { rateLimit: bidUploadLimit },
      schema: {
        tags: ["bids"],
        summary: "Start a resumable bid upload of `size` bytes (the envelope follows in pieces; after a dropped connection it continues where it stopped)",
        params: TenderParamsSchema,
        body: z.strictObject({ size: z.int().min(1).max(Number.MAX_SAFE_INTEGER) }),
        response: { 201: UploadStateSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await startUpload(deps, requireActor(request), request.params.tenderCode, request.body.size)),
  );

  app.get(
    "/api/v1/tenders/:tenderCode/bid-uploads/:uploadId",
    { schema: { tags: ["bids"], summary: "How much of a resumable upload has arrived (where to continue)", params: UploadParams, response: { 200: UploadStateSchema } } },
    async (request) => uploadStatus(deps, requireActor(request), request.params.tenderCode, request.params.uploadId),
  );

  app.patch(
    "/api/v1/tenders/:tenderCode/bid-uploads/:uploadId",
    {
      schema: {
        tags: ["bids"],
        summary: "Append the next piece (raw body, application/octet-stream) at `offset`, which must be what has arrived so far",
        params: UploadParams,
        querystring: z.strictObject({ offset: z.coerce.number().int().min(0) }),
        response: { 200: UploadStateSchema },
      },
    },
    async (request) =>
      appendUpload(deps, requireActor(request), request.params.tenderCode, request.params.uploadId, request.query.offset, uploadStream(request.body, ["application/octet-stream"])),
  );

  app.post(
    "/api/v1/tenders/:tenderCode/bid-uploads/:uploadId/complete",
    { config: { rateLimit: bidUploadLimit }, schema: { tags: ["bids"], summary: "Finish a resumable upload: the envelope is checked and committed as the vendor's bid", params: UploadParams, response: { 201: ReceiptSchema } } },
    async (request, reply) => reply.status(201).send(await completeUpload(deps, requireActor(request), request.params.tenderCode, request.params.uploadId)),
  );

  app.get(
    "/api/v1/tenders/:tenderCode/bids/mine",
    { schema: { tags: ["bids"], summary: "The receipt of the vendor's current bid", params: TenderParamsSchema, response: { 200: ReceiptSchema } } },
    async (request) => myBid(deps, requireActor(request), request.params.tenderCode),
  );

  app.get(
    "/api/v1/tenders/:tenderCode/bids/:bidId/events",
    {
      schema: {
        tags: ["bids"],
        summary: "The vendor's own log events of one of its bids (submitted, replaced, withdrawn), header and payload, to check its receipt against a signed tree head",
        params: TenderParamsSchema.extend({ bidId: z.uuid() }),
        response: { 200: BidEventsSchema },
      },
    },
    async (request) => myBidEvents(db, requireActor(request), request.params.tenderCode, request.params.bidId),
  );

  app.delete(
    "/api/v1/tenders/:tenderCode/bids/mine",
    { schema: { tags: ["bids"], summary: "Withdraw the vendor's bid before the deadline (it stays in the log)", params: TenderParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await withdrawBid(deps, requireActor(request), request.params.tenderCode);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/tenders/:tenderCode/opening/shares",
    {
      schema: {
        tags: ["bids"],
        summary: "Submit the caller's unlocked key share after the deadline; the threshold-th share opens every bid (committee)",
        params: TenderParamsSchema,
        body: ShareInputSchema,
        response: { 200: OpeningProgressSchema },
      },
    },
    async (request) => submitShare(deps, requireActor(request), request.params.tenderCode, request.body.share, publicationContext(deps.config)),
  );

  app.get(
    "/api/v1/tenders/:tenderCode/opening/shares",
    {
      schema: {
        tags: ["bids"],
        summary: "How many shares the opening has of its threshold, whether the caller's is one, and whether the bids are open (committee)",
        params: TenderParamsSchema,
        response: { 200: OpeningStatusSchema },
      },
    },
    async (request) => openingProgress(deps, requireActor(request), request.params.tenderCode),
  );

  app.get(
    "/api/v1/public/tenders/:tenderCode/opening",
    { schema: { tags: ["public"], summary: "The opening record: bidders, whether each envelope opened, and the prices read out", params: TenderParamsSchema, response: { 200: OpeningRecordSchema } } },
    async (request) => openingRecord(deps, request.params.tenderCode),
  );
}
