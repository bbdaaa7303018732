import { z } from "zod";
import { LogEventHeaderSchema } from "../../log/log.schemas.js";
import { bilingual } from "../../server/validation.js";

/** base64url without padding, of an exact decoded length. */
function base64url(bytes: number) {
  const length = Math.ceil((bytes * 4) / 3);
  return z
    .string()
    .length(length, bilingual(`harus ${bytes} byte dalam base64url`, `must be ${bytes} bytes in base64url`))
    .regex(/^[A-Za-z0-9_-]+$/, bilingual("harus base64url", "must be base64url"));
}

const b64urlText = z.string().min(1).max(4096).regex(/^[A-Za-z0-9_-]+$/, bilingual("harus base64url", "must be base64url"));
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, bilingual("harus SHA-256 heksadesimal", "must be a hex SHA-256"));

/** X25519 public keys are 32 bytes. */
export const PublicKeySchema = base64url(32);

export const OpeningKeyInputSchema = z.strictObject({
  publicKey: PublicKeySchema,
  wrapped: z.strictObject({
    kdf: z.literal("PBKDF2-SHA256"),
    iterations: z.int().min(100_000).max(10_000_000),
    salt: base64url(16),
    iv: base64url(12),
    // The 32-byte seed and the 16-byte GCM tag.
    ciphertext: base64url(48),
  }),
});
export type OpeningKeyInput = z.infer<typeof OpeningKeyInputSchema>;

export const OpeningKeySchema = OpeningKeyInputSchema.extend({ createdAt: z.string() }).meta({ id: "OpeningKey" });

export const TenderKeyInputSchema = z.strictObject({
  publicKey: PublicKeySchema,
  threshold: z.int().min(2).max(255),
  shares: z
    .array(z.strictObject({ userId: z.uuid(), enc: PublicKeySchema, ct: b64urlText, shareHash: hex64 }))
    .min(2)
    .max(255),
});
export type TenderKeyInput = z.infer<typeof TenderKeyInputSchema>;

export const PublicTenderKeySchema = z
  .object({
    tenderCode: z.string(),
    publicKey: z.string(),
    threshold: z.number().int(),
    /** Committee members holding a share. */
    members: z.number().int(),
    /** One more share is held in escrow by the head of the LPSE. */
    escrow: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "TenderKey" });

const KeyHolderSchema = z.object({ userId: z.string(), name: z.string(), publicKey: z.string().nullable() });

export const CeremonySchema = z.object({
  /** Null before publication until the committee reserves the code the shares are bound to. */
  tenderCode: z.string().nullable(),
  /** The default threshold: a majority of the committee. */
  threshold: z.number().int(),
  members: z.array(KeyHolderSchema),
  /** The head of the LPSE, when the LPSE keeps an escrow share (setting `security.tenderKeyEscrow`). */
  escrow: KeyHolderSchema.nullable(),
  tenderKey: PublicTenderKeySchema.nullable(),
});

/** Publication carries the key ceremony's result, made in the publishing member's browser for the reserved code. */
export const PublishInputSchema = z.strictObject({ tenderKey: TenderKeyInputSchema.optional() });

export const SealedShareSchema = z.object({ userId: z.string(), enc: z.string(), ct: z.string(), shareHash: z.string() });

/** A Shamir share of the 32-byte seed is 33 bytes (the share and its x coordinate). */
export const ShareInputSchema = z.strictObject({ share: base64url(33) });

export const ReceiptSchema = z
  .object({
    bidId: z.string(),
    tenderCode: z.string(),
    vendorId: z.string(),
    sha256: z.string(),
    size: z.number().int(),
    receivedAt: z.string(),
    logIndex: z.number().int(),
    keyId: z.string(),
    /** Ed25519 over `receiptText` with the log's key (GET /api/v1/log/key), base64. */
    signature: z.string(),
    receiptText: z.string(),
  })
  .meta({ id: "BidReceipt" });
export type Receipt = z.infer<typeof ReceiptSchema>;

/** The vendor's own log events of one bid, whole: enough to rebuild their leaves and check the receipt in the log. */
export const BidEventsSchema = z
  .object({
    items: z.array(
      z.object({
        header: LogEventHeaderSchema,
        payload: z.unknown().describe("the payload whose canonical JSON hashes to header.payloadHash"),
        leafHash: z.string(),
      }),
    ),
  })
  .meta({ id: "BidEvents" });

export const OpeningProgressSchema = z.object({ received: z.number().int(), threshold: z.number().int(), opened: z.boolean() });

/** The progress as the committee reads it at any time; `mine`: the caller's share is among those received. */
export const OpeningStatusSchema = OpeningProgressSchema.extend({ mine: z.boolean() });

export const OpeningRecordSchema = z
  .object({
    tenderCode: z.string(),
    openedAt: z.string(),
    bids: z.array(z.object({ vendorName: z.string(), status: z.enum(["valid", "invalid"]), price: z.string().nullable(), error: z.string().nullable(), sha256: z.string() })),
  })
  .meta({ id: "OpeningRecord" });
