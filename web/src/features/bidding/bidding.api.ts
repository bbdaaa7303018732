import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import type { ReceiptLogSource } from "../../../../src/log/verify-receipt.js";
import { api, isApiError, type UploadProgress } from "../../lib/api";

/** The receipt of a sealed bid, signed with the event log's key (see src/modules/bids/bids.schemas.ts). */
const ReceiptSchema = z.object({
  bidId: z.string(),
  tenderCode: z.string(),
  vendorId: z.string(),
  sha256: z.string(),
  size: z.number(),
  receivedAt: z.string(),
  logIndex: z.number(),
  keyId: z.string(),
  signature: z.string(),
  receiptText: z.string(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

const TenderKeySchema = z.object({ tenderCode: z.string(), publicKey: z.string(), threshold: z.number(), members: z.number(), createdAt: z.string() });
export type TenderKey = z.infer<typeof TenderKeySchema>;

const LogKeySchema = z.object({ keyId: z.string(), algorithm: z.literal("Ed25519"), publicKey: z.string() });
export type LogKey = z.infer<typeof LogKeySchema>;

const publicPath = (code: string) => `/api/v1/public/tenders/${encodeURIComponent(code)}`;
const bidsPath = (code: string) => `/api/v1/tenders/${encodeURIComponent(code)}/bids`;
/** Under ["tenders", code]: joining and logging out refresh or drop it with the tender's other private data. */
const myBidKey = (code: string, userId: string) => ["tenders", code, "bid", userId] as const;

/** A 404 that means "not there yet" (no key, no bid) is an answer, not an error. */
async function orNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** The tender's public key, or null until the committee has run the key ceremony (asked again every minute until then). */
export function useTenderKey(code: string) {
  return useQuery({
    queryKey: ["public", "tender", code, "key"],
    queryFn: () => orNull(() => api.get(`${publicPath(code)}/key`, TenderKeySchema)),
    refetchInterval: (query) => (query.state.data === null ? 60_000 : false),
  });
}

/** The receipt of the vendor's current bid, or null when there is none. */
export function useMyBid(code: string, userId: string) {
  return useQuery({ queryKey: myBidKey(code, userId), queryFn: () => orNull(() => api.get(`${bidsPath(code)}/mine`, ReceiptSchema)) });
}

/** The key that signs receipts and tree heads; it changes only with a key rotation. */
export function useLogKey() {
  return useQuery({ queryKey: ["public", "log", "key"], queryFn: () => api.get("/api/v1/log/key", LogKeySchema), staleTime: Infinity });
}

const SignedTreeHeadSchema = z.object({ treeSize: z.number(), rootHash: z.string(), timestamp: z.string(), keyId: z.string(), signature: z.string() });
const InclusionProofSchema = z.object({ leafIndex: z.number(), treeSize: z.number(), leafHash: z.string(), auditPath: z.array(z.string()), treeHead: SignedTreeHeadSchema });
const BidEventsSchema = z.object({
  items: z.array(
    z.object({
      header: z.object({
        index: z.number(),
        time: z.string(),
        actorId: z.nullable(z.string()),
        type: z.string(),
        subjectType: z.nullable(z.string()),
        subjectId: z.nullable(z.string()),
        payloadHash: z.string(),
        visibility: z.enum(["public", "internal"]),
      }),
      payload: z.unknown(),
    }),
  ),
});

/**
 * The evidence for checking a receipt in the public log, from this LPSE's API: its key and an inclusion
 * proof with a signed tree head (public), and the vendor's own events of the bid (the vendor's only).
 */
export const receiptLogSource: ReceiptLogSource = {
  logKey: () => api.get("/api/v1/log/key", LogKeySchema),
  inclusionProof: (index) => api.get(`/api/v1/log/proofs/inclusion?index=${index}`, InclusionProofSchema),
  bidEvents: async (code, bidId) => (await api.get(`${bidsPath(code)}/${encodeURIComponent(bidId)}/events`, BidEventsSchema)).items,
};

export interface SubmitBid {
  envelope: Blob;
  onProgress: (progress: UploadProgress) => void;
}

const UploadStateSchema = z.object({ uploadId: z.string(), offset: z.number(), size: z.number() });
/** Pieces small enough that a dropped connection costs little, large enough to keep the line busy. */
const PIECE_BYTES = 4 * 1_048_576;
/** Failures in a row before giving up; each waits longer (1 s, 2 s, 4 s … at most 15 s). */
const MAX_RETRIES = 8;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The envelope in pieces: after a dropped connection (or a piece the server did not take whole), the
 * upload asks the server how much arrived and continues from there. Near a deadline that is the
 * difference between a bid that counts and a failed upload started again from zero.
 */
async function uploadResumably(code: string, envelope: Blob, onProgress: (progress: UploadProgress) => void) {
  const base = `/api/v1/tenders/${encodeURIComponent(code)}/bid-uploads`;
  const { uploadId } = await api.post(base, UploadStateSchema, { size: envelope.size });
  const upload = `${base}/${uploadId}`;
  let offset = 0;
  let failures = 0;
  onProgress({ loaded: 0, total: envelope.size });
  while (offset < envelope.size) {
    const from = offset;
    try {
      const piece = envelope.slice(from, from + PIECE_BYTES);
      offset = (await api.uploadWithProgress(`${upload}?offset=${from}`, UploadStateSchema, piece, (p) => onProgress({ loaded: from + p.loaded, total: envelope.size }), "PATCH")).offset;
      failures = 0;
    } catch (error) {
      const resumable = isApiError(error) && (error.status === 0 || error.code === "CONFLICT" || error.status >= 500);
      failures += 1;
      if (!resumable || failures > MAX_RETRIES) throw error;
      await wait(Math.min(1000 * 2 ** (failures - 1), 15_000));
      offset = (await api.get(upload, UploadStateSchema)).offset;
    }
  }
  return api.post(`${upload}/complete`, ReceiptSchema);
}

/** Uploads a sealed envelope; the new receipt replaces the earlier one, as the new bid does on the server. */
export function useSubmitBid(code: string, userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ envelope, onProgress }: SubmitBid) => uploadResumably(code, envelope, onProgress),
    onSuccess: (receipt) => queryClient.setQueryData(myBidKey(code, userId), receipt),
  });
}

export function useWithdrawBid(code: string, userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.send("DELETE", `${bidsPath(code)}/mine`),
    onSuccess: () => queryClient.setQueryData(myBidKey(code, userId), null),
  });
}
