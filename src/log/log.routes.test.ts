import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { buildAgency, buildUser, loginAs } from "../../test/support/factories.js";
import { expectProblem } from "../../test/support/problems.js";
import { fromHex, verifyConsistency, verifyInclusion } from "./merkle.js";
import { verifyTreeHead } from "./tree-head.js";

interface Head {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  signature: string;
}

describe("public event-log endpoints", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (let i = 0; i < 5; i++) await buildAgency(t);
  });
  afterAll(() => t.close());

  it("publishes a signed head that verifies with the published key", async () => {
    expectProblem(await t.client().get("/api/v1/log/head"), 404, "NOT_FOUND");
    await t.deps.eventLog.publishHead(t.clock.now());
    const head = (await t.client().get<Head>("/api/v1/log/head")).body;
    expect(head.treeSize).toBe(5);
    const key = (await t.client().get<{ keyId: string; publicKey: string }>("/api/v1/log/key")).body;
    expect(key.keyId).toBe(head.keyId);
    expect(verifyTreeHead(head, t.deps.eventLog.key.publicKey)).toBe(true);
    expect(verifyTreeHead({ ...head, treeSize: 4 }, t.deps.eventLog.key.publicKey)).toBe(false);
  });

  it("proves an event's inclusion, signing a fresh head when the event is newer than the last one", async () => {
    await buildAgency(t);
    const proof = (await t.client().get<{ leafIndex: number; treeSize: number; leafHash: string; auditPath: string[]; treeHead: Head }>("/api/v1/log/proofs/inclusion?index=5")).body;
    expect(proof.treeSize).toBe(6);
    expect(verifyInclusion(fromHex(proof.leafHash), 5, proof.treeSize, proof.auditPath.map(fromHex), fromHex(proof.treeHead.rootHash))).toBe(true);
    const events = (await t.client().get<{ items: { index: number; leafHash: string }[] }>("/api/v1/log/events?from=5&limit=1")).body;
    expect(events.items[0]?.leafHash).toBe(proof.leafHash);
    expectProblem(await t.client().get("/api/v1/log/proofs/inclusion?index=99"), 404, "NOT_FOUND", "query.index");
    expectProblem(await t.client().get("/api/v1/log/proofs/inclusion?index=-1"), 400, "VALIDATION_FAILED", "query.index");
  });

  it("proves consistency between two tree sizes", async () => {
    const first = await t.deps.eventLog.rootAt(3);
    const second = await t.deps.eventLog.rootAt(6);
    const r = (await t.client().get<{ proof: string[] }>("/api/v1/log/proofs/consistency?first=3&second=6")).body;
    expect(verifyConsistency(3, 6, fromHex(first), fromHex(second), r.proof.map(fromHex))).toBe(true);
    expectProblem(await t.client().get("/api/v1/log/proofs/consistency?first=6&second=3"), 400, "VALIDATION_FAILED", "query.first");
    expectProblem(await t.client().get("/api/v1/log/proofs/consistency?first=1&second=600"), 404, "NOT_FOUND", "query.second");
  });

  it("shows internal payloads to auditors only", async () => {
    await buildUser(t, "helpdesk");
    const publicView = (await t.client().get<{ items: { type: string; payload: unknown; actorId: string | null }[] }>("/api/v1/log/events?limit=500")).body.items;
    const created = publicView.find((e) => e.type === "user.created");
    expect(created?.payload).toBeNull();
    expect(publicView.find((e) => e.type === "agency.created")?.payload).toMatchObject({ kind: "dinas" });
    const auditor = await loginAs(t, await buildUser(t, "auditor"));
    const full = (await auditor.get<{ items: { type: string; payload: { role?: string } | null }[] }>("/api/v1/log/events?limit=500")).body.items;
    expect(full.find((e) => e.type === "user.created")?.payload?.role).toBe("helpdesk");
  });
});
