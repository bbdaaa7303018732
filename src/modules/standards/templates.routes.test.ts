import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildUser, loginAs, type TestUser } from "../../../test/support/factories.js";
import { buildPdf } from "../../../test/support/pdf.js";
import { expectProblem } from "../../../test/support/problems.js";
import { importSummary } from "./peers.service.js";
import { type AssessmentSummary, SUMMARY_FORMAT, signSummary } from "./peers.summary.js";
import { CATALOG_V1 } from "./catalog/v1.js";
import type { CycleView } from "./standards.schemas.js";
import type { TemplateView } from "./templates.schemas.js";
import { generateKeyPairSync } from "node:crypto";

async function publish(c: Client, query: Record<string, string>, bytes: Buffer, contentType = "application/pdf") {
  return c.raw("POST", `/api/v1/standards/templates?${new URLSearchParams(query).toString()}`, { payload: bytes, headers: { "content-type": contentType, "x-csrf-token": await c.csrfToken() } });
}

describe("template library", () => {
  let t: TestApp;
  let head: Client;
  let admin: Client;
  let assessor: TestUser;
  let assessorClient: Client;
  let auditor: Client;
  let ppk: Client;
  let peerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const headUser = await buildUser(t, "kepala_lpse", { name: "Kepala Ngawi" });
    head = await loginAs(t, headUser);
    admin = await loginAs(t, await buildUser(t, "admin_ppe"));
    assessor = await buildUser(t, "helpdesk", { name: "Penilai" });
    assessorClient = await loginAs(t, assessor);
    auditor = await loginAs(t, await buildUser(t, "auditor"));
    ppk = await loginAs(t, await buildUser(t, "ppk"));
    // A peer known from its signed summary (signed with a key of its own installation).
    const { privateKey } = generateKeyPairSync("ed25519");
    const summary: AssessmentSummary = {
      format: SUMMARY_FORMAT, lpse: { name: "LPSE Kota Madiun", region: "Jawa Timur" }, period: "2026", catalogVersion: 1, signedOffAt: "2026-12-01T03:00:00.000Z", metCount: 17, standardCount: 17,
      standards: CATALOG_V1.standards.map((s) => ({ code: s.code, met: true, lkpp: null })),
    };
    const actor = { id: headUser.id, role: "kepala_lpse", name: "Kepala Ngawi", agencyId: null, vendorId: null } as never;
    peerId = await importSummary(t.deps.database.db, actor, signSummary(summary, privateKey), t.clock.now());
  });
  afterAll(() => t.close());

  it("publishes a peer's template, refusing a wrong file type, an unknown peer and other roles; nothing changes", async () => {
    const logBefore = await t.deps.eventLog.size();
    const query = { title: "SOP Pemindaian Kerentanan", criterionCode: "S11.2", name: "SOP-pemindaian.pdf", description: "SOP bulanan", peerId };
    expectProblem(await publish(auditor, query, buildPdf("SOP")), 403, "FORBIDDEN");
    expectProblem(await publish(head, { ...query, peerId: "00000000-0000-4000-8000-000000000000" }, buildPdf("SOP")), 400, "VALIDATION_FAILED", "query.peerId");
    expectProblem(await publish(head, { ...query, name: "SOP.exe" }, Buffer.from("MZ binary")), 400, "VALIDATION_FAILED", "query.name");
    expectProblem(await publish(head, query, Buffer.from("bukan pdf sama sekali")), 415, "UNSUPPORTED_MEDIA_TYPE");
    expect(await t.deps.eventLog.size()).toBe(logBefore);

    const published = await publish(admin, query, buildPdf("SOP pemindaian kerentanan"));
    expect(published.status, published.text).toBe(201);
    expect(published.body).toMatchObject({ publisher: { own: false, peerId, name: "LPSE Kota Madiun" }, title: "SOP Pemindaian Kerentanan", standardCode: "S11", criterionCode: "S11.2", contentType: "application/pdf" });
    const own = await publish(head, { title: "Formulir Permintaan Akses", criterionCode: "S10.1", name: "Formulir.pdf" }, buildPdf("Formulir"));
    expect(own.status, own.text).toBe(201);
    expect((own.body as TemplateView).publisher.own).toBe(true);

    const list = await auditor.get<{ items: TemplateView[]; mayPublish: boolean }>("/api/v1/standards/templates");
    expect(list.body.mayPublish).toBe(false);
    expect(list.body.items.map((i) => i.title).sort()).toEqual(["Formulir Permintaan Akses", "SOP Pemindaian Kerentanan"]);
    expectProblem(await ppk.get("/api/v1/standards/templates"), 403, "FORBIDDEN");
    const download = await auditor.raw("GET", `/api/v1/standards/templates/${(published.body as TemplateView).id}/content`);
    expect(download.status).toBe(200);
  });

  it("copies a template into the open cycle as evidence for its criterion (team only, open cycles only)", async () => {
    const template = (await auditor.get<{ items: TemplateView[] }>("/api/v1/standards/templates")).body.items.find((i) => i.criterionCode === "S11.2");
    const cycle = (await head.post<CycleView>("/api/v1/standards/cycles", { period: "2027" })).body;
    await head.put(`/api/v1/standards/cycles/${cycle.id}/team`, { memberIds: [assessor.id] });
    expectProblem(await head.post(`/api/v1/standards/templates/${template?.id}/copy`, { cycleId: cycle.id }), 403, "FORBIDDEN");
    expectProblem(await assessorClient.post(`/api/v1/standards/templates/00000000-0000-4000-8000-000000000000/copy`, { cycleId: cycle.id }), 404, "NOT_FOUND");

    const copied = await assessorClient.post<{ evidenceId: string; cycleId: string }>(`/api/v1/standards/templates/${template?.id}/copy`, { cycleId: cycle.id });
    expect(copied.status, copied.text).toBe(201);
    const view = (await assessorClient.get<CycleView>(`/api/v1/standards/cycles/${cycle.id}`)).body;
    const criterion = view.standards.find((s) => s.code === "S11")?.criteria.find((k) => k.code === "S11.2");
    expect(criterion?.evidence).toEqual([expect.objectContaining({ id: copied.body.evidenceId, kind: "file", title: "Templat LPSE Kota Madiun: SOP Pemindaian Kerentanan", sha256: template?.sha256 })]);
    expect(criterion?.assessment).toBeNull();
    const file = await assessorClient.raw("GET", `/api/v1/standards/cycles/${cycle.id}/evidence/${copied.body.evidenceId}/content`);
    expect(file.status).toBe(200);
  });
});
