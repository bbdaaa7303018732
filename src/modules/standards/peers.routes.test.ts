import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildUser, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { getSettings, updateSettings } from "../settings/settings.service.js";
import { CATALOG_V1 } from "./catalog/v1.js";
import type { ComparisonView, VisitView } from "./peers.schemas.js";
import type { SignedSummary } from "./peers.summary.js";
import type { CycleView } from "./standards.schemas.js";

const ALL_CRITERIA = CATALOG_V1.standards.flatMap((s) => s.criteria.map((k) => k.code));
/** Standards Ngawi does not meet in these tests: 6 of 17, so 11 of 17 met. */
const NGAWI_GAPS = new Set(["S02", "S04", "S08", "S11", "S12", "S14"]);

interface Installation {
  t: TestApp;
  head: Client;
  admin: Client;
  assessor: TestUser;
  assessorClient: Client;
  auditor: Client;
  ppk: Client;
}

async function installation(name: string, region: string): Promise<Installation> {
  const t = await createTestApp();
  await updateSettings(t.deps.database.db, null, { ...(await getSettings(t.deps.database.db)), name, region }, t.clock.now());
  const assessor = await buildUser(t, "helpdesk", { name: `Penilai ${name}` });
  return {
    t,
    head: await loginAs(t, await buildUser(t, "kepala_lpse", { name: `Kepala ${name}` })),
    admin: await loginAs(t, await buildUser(t, "admin_ppe")),
    assessor,
    assessorClient: await loginAs(t, assessor),
    auditor: await loginAs(t, await buildUser(t, "auditor")),
    ppk: await loginAs(t, await buildUser(t, "ppk")),
  };
}

/** Open and assess a cycle (standards in `gaps` get one criterion not met); its id. */
async function signedOffCycle(lpse: Installation, period: string, gaps: ReadonlySet<string>): Promise<string> {
  const opened = await lpse.head.post<CycleView>("/api/v1/standards/cycles", { period });
  expect(opened.status, opened.text).toBe(201);
  const id = opened.body.id;
  await lpse.head.put(`/api/v1/standards/cycles/${id}/team`, { memberIds: [lpse.assessor.id] });
  const firstOfGap = new Set(CATALOG_V1.standards.filter((s) => gaps.has(s.code)).map((s) => s.criteria[0]?.code));
  for (const code of ALL_CRITERIA) {
    const r = await lpse.assessorClient.put(`/api/v1/standards/cycles/${id}/criteria/${code}`, firstOfGap.has(code) ? { status: "not_met" } : { status: "met" });
    expect(r.status, r.text).toBe(200);
  }
  return id;
}

describe("comparison between LPSEs", () => {
  let madiun: Installation;
  let ngawi: Installation;
  let madiunCycle: string;
  let ngawiCycle: string;

  beforeAll(async () => {
    madiun = await installation("LPSE Kota Madiun", "Kota Madiun, Jawa Timur");
    ngawi = await installation("LPSE Kabupaten Ngawi", "Kabupaten Ngawi, Jawa Timur");
    madiunCycle = await signedOffCycle(madiun, "2026", new Set());
    ngawiCycle = await signedOffCycle(ngawi, "2026", NGAWI_GAPS);
    await ngawi.head.post(`/api/v1/standards/cycles/${ngawiCycle}/sign-off`, { note: "Disahkan." });
  });
  afterAll(async () => {
    await madiun.t.close();
    await ngawi.t.close();
  });

  it("exports a summary only for a signed-off cycle, signed with the installation's log key", async () => {
    expectProblem(await madiun.head.get(`/api/v1/standards/cycles/${madiunCycle}/summary`), 409, "CONFLICT");
    const signed = await madiun.head.post(`/api/v1/standards/cycles/${madiunCycle}/sign-off`, { note: "Disahkan." });
    expect(signed.status, signed.text).toBe(200);
    await madiun.head.put(`/api/v1/standards/cycles/${madiunCycle}/standards/S11/lkpp`, { result: "met", letterNumber: "027/LKPP/XII/2026", letterDate: "2026-12-20" });
    const summary = await madiun.auditor.get<SignedSummary>(`/api/v1/standards/cycles/${madiunCycle}/summary`);
    expect(summary.status, summary.text).toBe(200);
    expect(summary.body.summary).toMatchObject({ format: "openlpse.standards-summary.v1", lpse: { name: "LPSE Kota Madiun" }, period: "2026", metCount: 17, standardCount: 17 });
    expect(summary.body.summary.standards.find((s) => s.code === "S11")?.lkpp).toEqual({ result: "met", letterNumber: "027/LKPP/XII/2026", letterDate: "2026-12-20" });
    expect(summary.body.keyId).toBe(madiun.t.deps.eventLog.key.keyId);
    // An outsider to the cycle (agency official) never reads it.
    expectProblem(await madiun.ppk.get(`/api/v1/standards/cycles/${madiunCycle}/summary`), 403, "FORBIDDEN");
  });

  it("imports a peer's summary after verifying it, refuses tampering naming the field, and pins the peer's key", async () => {
    const exported = (await madiun.head.get<SignedSummary>(`/api/v1/standards/cycles/${madiunCycle}/summary`)).body;
    const logBefore = await ngawi.t.deps.eventLog.size();
    const tampered = { ...exported, summary: { ...exported.summary, standards: exported.summary.standards.map((s) => (s.code === "S11" ? { ...s, met: false } : s)), metCount: 16 } };
    expectProblem(await ngawi.head.post("/api/v1/standards/peers/summaries", tampered), 400, "VALIDATION_FAILED", "body.signature");
    expectProblem(await ngawi.head.post("/api/v1/standards/peers/summaries", { ...exported, keyId: "0".repeat(64) }), 400, "VALIDATION_FAILED", "body.keyId");
    expectProblem(await ngawi.head.post("/api/v1/standards/peers/summaries", { ...exported, publicKey: "AAAA" }), 400, "VALIDATION_FAILED", "body.publicKey");
    // Signed by another installation's key (Ngawi's own), claiming to be Madiun: the signature does not match Madiun's key.
    const ngawiSummary = (await ngawi.head.get<SignedSummary>(`/api/v1/standards/cycles/${ngawiCycle}/summary`)).body;
    expectProblem(await ngawi.head.post("/api/v1/standards/peers/summaries", { ...exported, publicKey: ngawiSummary.publicKey, keyId: ngawiSummary.keyId }), 400, "VALIDATION_FAILED", "body.signature");
    // Its own summary is not a peer's.
    expectProblem(await ngawi.head.post("/api/v1/standards/peers/summaries", ngawiSummary), 400, "VALIDATION_FAILED", "body.summary.lpse.name");
    // Nobody but the head or the administrator imports.
    expectProblem(await ngawi.auditor.post("/api/v1/standards/peers/summaries", exported), 403, "FORBIDDEN");
    expect(await ngawi.t.deps.eventLog.size()).toBe(logBefore);
    expect((await ngawi.head.get<{ items: unknown[] }>("/api/v1/standards/peers")).body.items).toEqual([]);

    const imported = await ngawi.admin.post<{ peer: { id: string; name: string; keyId: string; summaries: { period: string; metCount: number; source: string }[] } }>("/api/v1/standards/peers/summaries", exported);
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body.peer).toMatchObject({ name: "LPSE Kota Madiun", region: "Kota Madiun, Jawa Timur", keyId: exported.keyId, summaries: [{ period: "2026", metCount: 17, source: "signed" }] });
    expectProblem(await ngawi.head.post("/api/v1/standards/peers/summaries", exported), 409, "CONFLICT");

    // A later summary of Madiun signed with some other key (here Ngawi's, re-signed by Ngawi's installation for a
    // summary naming Madiun) is refused: Madiun's key is pinned.
    const { signSummary } = await import("./peers.summary.js");
    const forged = signSummary({ ...exported.summary, period: "2027" }, ngawi.t.deps.eventLog.key.privateKey);
    expectProblem(await ngawi.head.post("/api/v1/standards/peers/summaries", forged), 400, "VALIDATION_FAILED", "body.publicKey");

    const events = await ngawi.t.deps.database.db.selectFrom("events").select("type").where("type", "like", "standards.peer%").execute();
    expect(events.map((e) => e.type).sort()).toEqual(["standards.peer_added", "standards.peer_summary_imported"]);
  });

  it("compares the LPSE with its peers standard by standard", async () => {
    const comparison = await ngawi.auditor.get<ComparisonView>("/api/v1/standards/comparison");
    expect(comparison.status, comparison.text).toBe(200);
    const [own, peer] = comparison.body.lpses;
    expect(own).toMatchObject({ own: true, name: "LPSE Kabupaten Ngawi", period: "2026", metCount: 11, standardCount: 17 });
    expect(peer).toMatchObject({ own: false, name: "LPSE Kota Madiun", period: "2026", metCount: 17 });
    expect(comparison.body.standards).toHaveLength(17);
    expect(own?.met.S11).toBe(false);
    expect(peer?.met.S11).toBe(true);
    expect(own?.met.S01).toBe(true);
    expectProblem(await ngawi.ppk.get("/api/v1/standards/comparison"), 403, "FORBIDDEN");
  });

  it("records a study visit whose follow-up is linked to a finding, refusing unknown findings and peers", async () => {
    const cycle = (await ngawi.head.post<CycleView>("/api/v1/standards/cycles", { period: "2027" })).body;
    await ngawi.head.put(`/api/v1/standards/cycles/${cycle.id}/team`, { memberIds: [ngawi.assessor.id] });
    const raised = await ngawi.assessorClient.post<CycleView>(`/api/v1/standards/cycles/${cycle.id}/findings`, {
      standardCode: "S11", criterionCode: "S11.2", description: "Pemindaian kerentanan belum rutin.", action: "Jadwalkan pemindaian bulanan.", priority: "high", ownerId: ngawi.assessor.id, dueDate: "2027-03-31",
    });
    const finding = raised.body.findings[0];
    const peerId = (await ngawi.head.get<{ items: { id: string }[] }>("/api/v1/standards/peers")).body.items[0]?.id;
    const body = {
      peerId, direction: "outgoing", visitedOn: "2027-01-20", participants: "Kepala LPSE dan dua anggota tim penilai internal", standards: ["S11", "S08"], notes: "Mempelajari pemindaian kerentanan Madiun.",
      actions: [{ description: "Terapkan jadwal pemindaian bulanan seperti Madiun", findingId: finding?.id }, { description: "Bentuk tim penilai internal tetap" }],
    };
    const logBefore = await ngawi.t.deps.eventLog.size();
    expectProblem(await ngawi.head.post("/api/v1/standards/visits", { ...body, actions: [{ description: "Tautan keliru", findingId: "00000000-0000-4000-8000-000000000000" }] }), 400, "VALIDATION_FAILED", "body.actions.0.findingId");
    expectProblem(await ngawi.head.post("/api/v1/standards/visits", { ...body, peerId: "00000000-0000-4000-8000-000000000000" }), 400, "VALIDATION_FAILED", "body.peerId");
    expectProblem(await ngawi.auditor.post("/api/v1/standards/visits", body), 403, "FORBIDDEN");
    expect(await ngawi.t.deps.eventLog.size()).toBe(logBefore);

    const visit = await ngawi.head.post<VisitView>("/api/v1/standards/visits", body);
    expect(visit.status, visit.text).toBe(201);
    expect(visit.body).toMatchObject({ direction: "outgoing", peer: { name: "LPSE Kota Madiun" }, standards: ["S11", "S08"], recordedBy: { name: "Kepala LPSE Kabupaten Ngawi" } });
    expect(visit.body.actions).toEqual([
      expect.objectContaining({ description: "Terapkan jadwal pemindaian bulanan seperti Madiun", finding: { id: finding?.id, cycleId: cycle.id, number: 1, standardCode: "S11", status: "open" } }),
      expect.objectContaining({ description: "Bentuk tim penilai internal tetap", finding: null }),
    ]);
    const list = await ngawi.auditor.get<{ items: VisitView[]; mayRecord: boolean }>("/api/v1/standards/visits");
    expect(list.body.mayRecord).toBe(false);
    expect(list.body.items.map((v) => v.id)).toEqual([visit.body.id]);
    expect(await ngawi.t.deps.eventLog.size()).toBe(logBefore + 1);
  });
});
