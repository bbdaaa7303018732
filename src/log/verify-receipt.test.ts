import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { receiptText } from "../modules/bids/receipt-text.js";
import { canonicalJson, sha256Hex } from "./canonical.js";
import { eventLeafHash, type LogEventHeader } from "./event-bytes.js";
import { inclusionProof, rootFromLeafHashes, toHex } from "./merkle.js";
import { keyIdOf, rawPublicKeyBase64, signTreeHead } from "./tree-head.js";
import { type BidReceipt, checkReceiptInLog, type InclusionEvidence, type OwnEvent, type PublishedLogKey, verifyReceiptInLog } from "./verify-receipt.js";

/*
 * The verifier runs here on Node's WebCrypto (globalThis.crypto), against a log built with the
 * server's own Node code: leaves from event-bytes.ts, the tree and proof from merkle.ts, the head
 * signed by tree-head.ts. So a pass also shows the two implementations speak the same encoding.
 */

const TENDER = "202700017";
const VENDOR = "6c7f7c1e-2d8a-4a55-9a43-0f3c1b2d4e5f";
const BID = "0b8e2f5a-7c34-4d1e-b9a6-3e5f7a8c9d01";
const ENVELOPE_SHA = "a".repeat(64);
const AT = "2026-12-09T03:15:00.123Z";
const BID_INDEX = 5;
const SIZE = 9;

function logKeyOf(key: KeyObject): PublishedLogKey {
  return { keyId: keyIdOf(key), algorithm: "Ed25519", publicKey: rawPublicKeyBase64(key) };
}

/** A log of SIZE events, the vendor's bid at BID_INDEX, a head over all of it, and the receipt. */
function buildLog(privateKey: KeyObject = generateKeyPairSync("ed25519").privateKey) {
  const payload = { tenderCode: TENDER, vendorId: VENDOR, bidId: BID, sha256: ENVELOPE_SHA, size: 48_213, replaces: null };
  const headers: LogEventHeader[] = Array.from({ length: SIZE }, (_, index) => ({
    index,
    time: index === BID_INDEX ? AT : `2026-12-0${1 + (index % 8)}T01:00:00.000Z`,
    actorId: `user-${index}`,
    type: index === BID_INDEX ? "bid.submitted" : "tender.question_asked",
    subjectType: "package",
    subjectId: "pkg-1",
    payloadHash: index === BID_INDEX ? sha256Hex(canonicalJson(payload)) : sha256Hex(`payload ${index}`),
    visibility: "internal",
  }));
  const leaves = headers.map(eventLeafHash);
  const head = signTreeHead({ treeSize: SIZE, rootHash: toHex(rootFromLeafHashes(leaves)), timestamp: "2026-12-09T03:16:00.000Z" }, privateKey);
  const proof: InclusionEvidence = { leafIndex: BID_INDEX, treeSize: SIZE, leafHash: toHex(leaves[BID_INDEX]!), auditPath: inclusionProof(leaves, BID_INDEX, SIZE).map(toHex), treeHead: head };
  const fields = { bidId: BID, tenderCode: TENDER, vendorId: VENDOR, sha256: ENVELOPE_SHA, size: payload.size, receivedAt: AT, logIndex: BID_INDEX };
  const text = receiptText(fields);
  const receipt: BidReceipt = { ...fields, keyId: keyIdOf(privateKey), signature: sign(null, Buffer.from(text), privateKey).toString("base64"), receiptText: text };
  const events: OwnEvent[] = [{ header: headers[BID_INDEX]!, payload }];
  return { privateKey, receipt, logKey: logKeyOf(privateKey), proof, events, headers, leaves };
}

describe("checking a bid receipt against the public log (WebCrypto)", () => {
  it("verifies a genuine receipt, naming the tree size and the head's time", async () => {
    const log = buildLog();
    expect(await verifyReceiptInLog(log.receipt, log)).toEqual({
      status: "verified",
      logIndex: BID_INDEX,
      treeSize: SIZE,
      rootHash: log.proof.treeHead.rootHash,
      headTime: "2026-12-09T03:16:00.000Z",
    });
  });

  it("fetches the evidence through the source it is given, asking for the receipt's index and bid", async () => {
    const log = buildLog();
    const asked: unknown[] = [];
    const result = await checkReceiptInLog(log.receipt, {
      logKey: async () => log.logKey,
      inclusionProof: async (index) => (asked.push(index), log.proof),
      bidEvents: async (tenderCode, bidId) => (asked.push([tenderCode, bidId]), log.events),
    });
    expect(result.status).toBe("verified");
    expect(asked).toEqual([BID_INDEX, [TENDER, BID]]);
  });

  it("rejects a tampered payload at the payload step", async () => {
    const log = buildLog();
    const event = log.events[0]!;
    // Another envelope hash in the payload: it no longer matches the header's payloadHash.
    const altered = [{ ...event, payload: { ...(event.payload as object), sha256: "b".repeat(64) } }];
    expect(await verifyReceiptInLog(log.receipt, { ...log, events: altered })).toEqual({ status: "failed", step: "payload" });
    // A payload that hashes right but is another vendor's bid does not vouch for this receipt.
    const foreign = { ...(event.payload as object), vendorId: "someone-else" };
    const rehashed = [{ header: { ...event.header, payloadHash: sha256Hex(canonicalJson(foreign)) }, payload: foreign }];
    expect(await verifyReceiptInLog(log.receipt, { ...log, events: rehashed })).toEqual({ status: "failed", step: "payload" });
  });

  it("rejects a wrong leaf at the leaf step", async () => {
    const log = buildLog();
    expect(await verifyReceiptInLog(log.receipt, { ...log, proof: { ...log.proof, leafHash: toHex(log.leaves[BID_INDEX - 1]!) } })).toEqual({ status: "failed", step: "leaf" });
    // A header altered after the fact (another actor) hashes to another leaf than the log holds.
    const moved = [{ ...log.events[0]!, header: { ...log.events[0]!.header, actorId: "user-x" } }];
    expect(await verifyReceiptInLog(log.receipt, { ...log, events: moved })).toEqual({ status: "failed", step: "leaf" });
  });

  it("rejects a wrong audit path element at the path step", async () => {
    const log = buildLog();
    const auditPath = [...log.proof.auditPath];
    auditPath[1] = `${auditPath[1]!.slice(0, 10)}${auditPath[1]![10] === "0" ? "1" : "0"}${auditPath[1]!.slice(11)}`;
    expect(await verifyReceiptInLog(log.receipt, { ...log, proof: { ...log.proof, auditPath } })).toEqual({ status: "failed", step: "path" });
    expect(await verifyReceiptInLog(log.receipt, { ...log, proof: { ...log.proof, auditPath: log.proof.auditPath.slice(1) } })).toEqual({ status: "failed", step: "path" });
  });

  it("rejects a head signed with the log's key over a tree without the bid at the path step", async () => {
    // An insider holding the key rewrites history: the bid's leaf is replaced and a new head signed.
    const log = buildLog();
    const leaves = [...log.leaves];
    leaves[BID_INDEX] = log.leaves[0]!;
    const treeHead = signTreeHead({ treeSize: SIZE, rootHash: toHex(rootFromLeafHashes(leaves)), timestamp: log.proof.treeHead.timestamp }, log.privateKey);
    expect(await verifyReceiptInLog(log.receipt, { ...log, proof: { ...log.proof, treeHead } })).toEqual({ status: "failed", step: "path" });
  });

  it("rejects a tree head signed by another key at the head-signature step", async () => {
    const log = buildLog();
    const other = generateKeyPairSync("ed25519").privateKey;
    const byOther = signTreeHead(log.proof.treeHead, other);
    expect(await verifyReceiptInLog(log.receipt, { ...log, proof: { ...log.proof, treeHead: byOther } })).toEqual({ status: "failed", step: "headSignature" });
    // Claiming the log's key id does not help: the signature is checked with the log's key.
    const claimed = { ...byOther, keyId: log.logKey.keyId };
    expect(await verifyReceiptInLog(log.receipt, { ...log, proof: { ...log.proof, treeHead: claimed } })).toEqual({ status: "failed", step: "headSignature" });
    // Nor does a head whose size differs from the proof's.
    expect(await verifyReceiptInLog(log.receipt, { ...log, proof: { ...log.proof, treeSize: SIZE + 1 } })).toEqual({ status: "failed", step: "headSignature" });
  });

  it("rejects a receipt of another key, or whose fields differ from the signed text, before anything else", async () => {
    const log = buildLog();
    const other = logKeyOf(generateKeyPairSync("ed25519").privateKey);
    expect(await verifyReceiptInLog(log.receipt, { ...log, logKey: other })).toEqual({ status: "failed", step: "key" });
    // A published key whose id is not its hash is not the key it names.
    expect(await verifyReceiptInLog(log.receipt, { ...log, logKey: { ...other, keyId: log.logKey.keyId } })).toEqual({ status: "failed", step: "key" });
    expect(await verifyReceiptInLog({ ...log.receipt, size: 1 }, log)).toEqual({ status: "failed", step: "receipt" });
    const forged = receiptText({ ...log.receipt, sha256: "c".repeat(64) });
    expect(await verifyReceiptInLog({ ...log.receipt, sha256: "c".repeat(64), receiptText: forged }, log)).toEqual({ status: "failed", step: "receipt" });
  });

  it("rejects a receipt whose event the server does not hand over at the event step", async () => {
    const log = buildLog();
    expect(await verifyReceiptInLog(log.receipt, { ...log, events: [] })).toEqual({ status: "failed", step: "event" });
  });
});
