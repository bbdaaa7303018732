import { z } from "zod";

export const SignedTreeHeadSchema = z
  .object({
    treeSize: z.number().int(),
    rootHash: z.string().describe("hex SHA-256 Merkle tree hash (RFC 9162)"),
    timestamp: z.string(),
    keyId: z.string().describe("hex SHA-256 of the raw Ed25519 public key"),
    signature: z.string().describe('base64 Ed25519 signature over "OpenLPSE-STH-v1\\n" + canonical JSON {rootHash,timestamp,treeSize}'),
  })
  .meta({ id: "SignedTreeHead" });

export const LogKeySchema = z.object({ keyId: z.string(), algorithm: z.literal("Ed25519"), publicKey: z.string().describe("base64 raw 32-byte public key") });

export const InclusionQuerySchema = z.strictObject({
  index: z.coerce.number().int().min(0),
  treeSize: z.coerce.number().int().min(1).optional(),
});
export const InclusionProofSchema = z.object({
  leafIndex: z.number().int(),
  treeSize: z.number().int(),
  leafHash: z.string(),
  auditPath: z.array(z.string()),
  treeHead: SignedTreeHeadSchema,
});

export const ConsistencyQuerySchema = z.strictObject({
  first: z.coerce.number().int().min(1),
  second: z.coerce.number().int().min(1),
});
export const ConsistencyProofSchema = z.object({ first: z.number().int(), second: z.number().int(), proof: z.array(z.string()) });

export const EventListQuerySchema = z.strictObject({
  from: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const LogEventSchema = z
  .object({
    index: z.number().int(),
    time: z.string(),
    type: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    visibility: z.enum(["public", "internal"]),
    payloadHash: z.string(),
    leafHash: z.string(),
    actorId: z.string().nullable().describe("shown to auditors and the LPSE administrator"),
    payload: z.unknown().nullable().describe("public events, or any event for auditors and the LPSE administrator"),
  })
  .meta({ id: "LogEvent" });
export const LogEventListSchema = z.object({ items: z.array(LogEventSchema), next: z.number().int().nullable() });

/** What a leaf commits to (src/log/event-encoding.ts): with the payload, anyone can rebuild the leaf. */
export const LogEventHeaderSchema = z
  .object({
    index: z.number().int(),
    time: z.string(),
    actorId: z.string().nullable(),
    type: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    payloadHash: z.string(),
    visibility: z.enum(["public", "internal"]),
  })
  .meta({ id: "LogEventHeader" });
