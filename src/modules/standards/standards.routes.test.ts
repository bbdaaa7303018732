import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { launchBrowser } from "../../../test/support/browser.js";
import type { Client } from "../../../test/support/client.js";
import { buildUser, buildVendor, loginAs, type TestUser } from "../../../test/support/factories.js";
import { buildPdf } from "../../../test/support/pdf.js";
import { pdfText } from "../../../test/support/pdf-text.js";
import { expectProblem } from "../../../test/support/problems.js";
import { CATALOG_V1 } from "./catalog/v1.js";
import type { CycleView } from "./standards.schemas.js";

const ALL_CRITERIA = CATALOG_V1.standards.flatMap((s) => s.criteria.map((k) => k.code));
const NETWORK = "S11";

async function uploadEvidence(c: Client, cycleId: string, criterion: string, name: string, bytes: Buffer, contentType = "application/pdf") {
  return c.raw("POST", `/api/v1/standards/cycles/${cycleId}/criteria/${criterion}/evidence/files?name=${encodeURIComponent(name)}`, {
    payload: bytes,
    headers: { "content-type": contentType, "x-csrf-token": await c.csrfToken() },
  });
}

describe("standards assessment", () => {
  let t: TestApp;
  const users: Record<"head" | "assessor" | "second" | "owner" | "auditor" | "outsider" | "ppk", TestUser> = {} as never;
  const as: Record<keyof typeof users, Client> = {} as never;
  let vendor: Client;

  beforeAll(async () => {
    t = await createTestApp();
    Object.assign(users, {
      head: await buildUser(t, "kepala_lpse", { name: "Kepala Uji" }),
      assessor: await buildUser(t, "helpdesk", { name: "Penilai Satu" }),
      second: await buildUser(t, "admin_ppe", { name: "Penilai Dua" }),
      owner: await buildUser(t, "verifikator", { name: "Pemilik Tindakan" }),
      auditor: await buildUser(t, "auditor"),
      outsider: await buildUser(t, "helpdesk", { name: "Di Luar Tim" }),
      ppk: await buildUser(t, "ppk"),
    });
    for (const key of Object.keys(users) as (keyof typeof users)[]) as[key] = await loginAs(t, users[key]);
    vendor = await loginAs(t, await buildVendor(t));
  });
  afterAll(() => t.close());

  const assess = (c: Client, cycleId: string, code: string, body: Record<string, unknown>) => c.put<CycleView>(`/api/v1/standards/cycles/${cycleId}/criteria/${code}`, body);

  it("serves the catalog by version", async () => {
    const list = await as.assessor.get<{ current: number; items: { version: number }[] }>("/api/v1/standards/catalog");
    expect(list.body).toMatchObject({ current: 1, items: [{ version: 1 }] });
    const v1 = await as.assessor.get<{ standards: { code: string; criteria: { evidence: string[] }[] }[] }>("/api/v1/standards/catalog/1");
    expect(v1.body.standards).toHaveLength(17);
    expectProblem(await as.assessor.get("/api/v1/standards/catalog/9"), 404, "NOT_FOUND");
  });

  it("walks a cycle: open, appoint, assess with evidence, finding, corrective action, verification, sign-off, read-only", async () => {
    const logBefore = await t.deps.eventLog.size();
    const opened = await as.head.post<CycleView>("/api/v1/standards/cycles", { period: "2026" });
    expect(opened.status, opened.text).toBe(201);
    expect(opened.body).toMatchObject({ period: "2026", catalogVersion: 1, status: "open", metCount: 0, standardCount: 17, assessedCount: 0, criterionCount: ALL_CRITERIA.length });
    const id = opened.body.id;

    const team = await as.head.put<CycleView>(`/api/v1/standards/cycles/${id}/team`, { memberIds: [users.assessor.id, users.second.id] });
    expect(team.status, team.text).toBe(200);
    expect(team.body.team.map((m) => m.name).sort()).toEqual(["Penilai Dua", "Penilai Satu"]);
    const coordinator = await as.head.put<CycleView>(`/api/v1/standards/cycles/${id}/standards/${NETWORK}/coordinator`, { userId: users.assessor.id });
    expect(coordinator.body.standards.find((s) => s.code === NETWORK)?.coordinator?.name).toBe("Penilai Satu");

    // Every criterion met except the vulnerability scans of standard 11, and one criterion not applicable.
    for (const code of ALL_CRITERIA) {
      const body = code === "S11.2" ? { status: "not_met", notes: "Belum ada pemindaian kerentanan tahun ini." } : code === "S03.3" ? { status: "not_applicable", reason: "Semua lisensi bersifat perpetual tanpa masa berlaku." } : { status: "met", notes: "Sesuai." };
      const r = await assess(as.assessor, id, code, body);
      expect(r.status, `${code}: ${r.text}`).toBe(200);
    }
    let view = (await as.assessor.get<CycleView>(`/api/v1/standards/cycles/${id}`)).body;
    expect(view.metCount).toBe(16);
    expect(view.standards.find((s) => s.code === NETWORK)?.met).toBe(false);
    expect(view.standards.find((s) => s.code === "S03")?.met).toBe(true);
    // Each criterion names the platform's registers that give evidence for it.
    const scans = view.standards.find((s) => s.code === NETWORK)?.criteria.find((k) => k.code === "S11.2");
    expect(scans?.registers).toEqual([{ title: { id: "Patch dan pemindaian kerentanan", en: "Patches and vulnerability scans" }, path: "/app/patch-kerentanan" }]);

    const pdf = buildPdf("Laporan pemindaian kerentanan");
    const file = await uploadEvidence(as.assessor, id, "S11.2", "Hasil pemindaian.pdf", pdf);
    expect(file.status, file.text).toBe(201);
    expect(file.body).toMatchObject({ kind: "file", title: "Hasil pemindaian.pdf", contentType: "application/pdf", size: pdf.length });
    const link = await as.assessor.post(`/api/v1/standards/cycles/${id}/criteria/S11.3/evidence/links`, { title: "Log kejadian platform", url: "/app/log" });
    expect(link.status, link.text).toBe(201);
    const download = await as.auditor.raw("GET", `/api/v1/standards/cycles/${id}/evidence/${(file.body as { id: string }).id}/content`);
    expect(download.status).toBe(200);
    expect(Buffer.from(download.text, "latin1").length).toBe(pdf.length);

    const raised = await as.assessor.post<CycleView>(`/api/v1/standards/cycles/${id}/findings`, {
      standardCode: NETWORK, criterionCode: "S11.2", description: "Pemindaian kerentanan server belum dilakukan.", action: "Jalankan pemindaian dan tutup celah kritis.", priority: "high", ownerId: users.owner.id, dueDate: "2026-12-15",
    });
    expect(raised.status, raised.text).toBe(201);
    const finding = raised.body.findings[0];
    expect(finding).toMatchObject({ number: 1, status: "open", priority: "high", owner: { name: "Pemilik Tindakan" }, mayVerify: false, mayMarkDone: false });
    // The owner, not on the team, now sees the cycle and may act on its own action only.
    const ownerView = await as.owner.get<CycleView>(`/api/v1/standards/cycles/${id}`);
    expect(ownerView.body.findings[0]?.mayMarkDone).toBe(true);
    expect(ownerView.body.viewer.mayAssess).toBe(false);
    expect((await as.owner.get<{ items: { id: string }[] }>("/api/v1/standards/cycles")).body.items.map((c) => c.id)).toEqual([id]);

    const done = await as.owner.post<CycleView>(`/api/v1/standards/cycles/${id}/findings/${finding?.id}/done`, { note: "Pemindaian dijalankan, dua celah ditutup." });
    expect(done.status, done.text).toBe(200);
    expect(done.body.findings[0]?.status).toBe("done");
    expectProblem(await as.owner.post(`/api/v1/standards/cycles/${id}/findings/${finding?.id}/verify`, {}), 403, "FORBIDDEN");
    const verified = await as.second.post<CycleView>(`/api/v1/standards/cycles/${id}/findings/${finding?.id}/verify`, { note: "Laporan pemindaian ulang bersih." });
    expect(verified.status, verified.text).toBe(200);
    expect(verified.body.findings[0]).toMatchObject({ status: "verified", verifiedBy: { name: "Penilai Dua" } });

    view = (await assess(as.assessor, id, "S11.2", { status: "met", notes: "Pemindaian bulanan berjalan." })).body;
    expect(view.metCount).toBe(17);

    const signed = await as.head.post<CycleView>(`/api/v1/standards/cycles/${id}/sign-off`, { note: "Disahkan." });
    expect(signed.status, signed.text).toBe(200);
    expect(signed.body).toMatchObject({ status: "signed_off", metCount: 17, signedOffBy: { name: "Kepala Uji" }, viewer: { mayAssess: false, mayManage: false, mayRecordLkpp: true } });

    // Read-only from now on: nothing changes, for anybody.
    const logSigned = await t.deps.eventLog.size();
    expectProblem(await assess(as.assessor, id, "S01.1", { status: "not_met" }), 409, "CONFLICT");
    expectProblem(await as.head.put(`/api/v1/standards/cycles/${id}/team`, { memberIds: [users.assessor.id] }), 409, "CONFLICT");
    expectProblem(await uploadEvidence(as.assessor, id, "S01.1", "Kebijakan.pdf", pdf), 409, "CONFLICT");
    expectProblem(await as.head.post(`/api/v1/standards/cycles/${id}/sign-off`, {}), 409, "CONFLICT");
    expect(await t.deps.eventLog.size()).toBe(logSigned);

    const lkpp = await as.head.put<CycleView>(`/api/v1/standards/cycles/${id}/standards/${NETWORK}/lkpp`, { result: "met", letterNumber: "027/LKPP/XII/2026", letterDate: "2026-12-20" });
    expect(lkpp.status, lkpp.text).toBe(200);
    expect(lkpp.body.lkppMetCount).toBe(1);
    expectProblem(await as.head.put(`/api/v1/standards/cycles/${id}/standards/S01/lkpp`, { result: "met", letterNumber: "027/LKPP/XII/2026", letterDate: "2020-01-01" }), 400, "VALIDATION_FAILED", "body.letterDate");

    const list = await as.auditor.get<{ items: { id: string; metCount: number; status: string }[]; mayOpen: boolean }>("/api/v1/standards/cycles");
    expect(list.body).toEqual({ items: [expect.objectContaining({ id, metCount: 17, status: "signed_off" })], mayOpen: false });

    const types = (await t.deps.database.db.selectFrom("events").select("type").where("idx", ">=", logBefore).execute()).map((e) => e.type);
    for (const type of ["standards.cycle_opened", "standards.team_appointed", "standards.coordinator_appointed", "standards.criterion_assessed", "standards.evidence_added", "standards.finding_raised", "standards.action_done", "standards.action_verified", "standards.cycle_signed_off", "standards.lkpp_verification_recorded"]) {
      expect(types, type).toContain(type);
    }

    // The printable report, printed to PDF by Chromium.
    const report = await as.auditor.raw("GET", `/api/v1/standards/cycles/${id}/report`);
    expect(report.status).toBe(200);
    expect(String(report.headers["content-type"])).toContain("text/html");
    expect(report.text).toContain("17 dari 17");
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent(report.text);
      const text = pdfText(await page.pdf({ format: "A4" })).replace(/\s+/g, " ");
      expect(text).toContain("Hasil: 17 dari 17 standar terpenuhi");
      expect(text).toContain("Pengelolaan Keamanan Server dan Jaringan");
      expect(text).toContain("Kepala Uji");
    } finally {
      await browser.close();
    }
  });

  it("lets only the right people act, and refuses bad input naming the problem, changing nothing", async () => {
    const opened = await as.head.post<CycleView>("/api/v1/standards/cycles", { period: "2027-S1" });
    const id = opened.body.id;
    await as.head.put(`/api/v1/standards/cycles/${id}/team`, { memberIds: [users.assessor.id, users.second.id] });
    const raised = await as.assessor.post<CycleView>(`/api/v1/standards/cycles/${id}/findings`, {
      standardCode: "S17", description: "SOP penilaian internal belum disahkan.", action: "Sahkan SOP penilaian internal.", priority: "medium", ownerId: users.assessor.id, dueDate: "2027-02-01",
    });
    expect(raised.status, raised.text).toBe(201);
    const findingId = raised.body.findings[0]?.id ?? "";
    const before = await t.deps.eventLog.size();

    // Who may do what.
    expectProblem(await t.client().get("/api/v1/standards/cycles"), 401, "UNAUTHENTICATED");
    expectProblem(await t.client().get(`/api/v1/standards/cycles/${id}/report`), 401, "UNAUTHENTICATED");
    expectProblem(await vendor.get("/api/v1/standards/cycles"), 403, "FORBIDDEN");
    expectProblem(await as.ppk.get("/api/v1/standards/cycles"), 403, "FORBIDDEN");
    expect((await as.outsider.get<{ items: unknown[] }>("/api/v1/standards/cycles")).body.items).toEqual([]);
    expectProblem(await as.outsider.get(`/api/v1/standards/cycles/${id}`), 403, "FORBIDDEN");
    expectProblem(await as.outsider.get(`/api/v1/standards/cycles/${id}/report`), 403, "FORBIDDEN");
    expectProblem(await as.auditor.post("/api/v1/standards/cycles", { period: "2028" }), 403, "FORBIDDEN");
    expectProblem(await as.assessor.post("/api/v1/standards/cycles", { period: "2028" }), 403, "FORBIDDEN");
    expectProblem(await as.assessor.put(`/api/v1/standards/cycles/${id}/team`, { memberIds: [users.assessor.id] }), 403, "FORBIDDEN");
    expectProblem(await assess(as.outsider, id, "S01.1", { status: "met" }), 403, "FORBIDDEN");
    expectProblem(await assess(as.auditor, id, "S01.1", { status: "met" }), 403, "FORBIDDEN");
    expectProblem(await assess(as.head, id, "S01.1", { status: "met" }), 403, "FORBIDDEN");
    expectProblem(await uploadEvidence(as.outsider, id, "S01.1", "Kebijakan.pdf", buildPdf()), 403, "FORBIDDEN");
    expectProblem(await as.second.post(`/api/v1/standards/cycles/${id}/findings/${findingId}/done`, { note: "Sudah dikerjakan semuanya." }), 403, "FORBIDDEN");
    expectProblem(await as.auditor.get(`/api/v1/standards/cycles/3f0c8d2e-9a41-4c1b-8e7f-2a5b6c7d8e9f`), 404, "NOT_FOUND");
    // Closing a finding without the owner's report, and the owner verifying its own action.
    const early = expectProblem(await as.second.post(`/api/v1/standards/cycles/${id}/findings/${findingId}/verify`, {}), 409, "CONFLICT");
    expect(early.messages.en).toContain("not reported the corrective action done");
    expect((await as.assessor.post(`/api/v1/standards/cycles/${id}/findings/${findingId}/done`, { note: "SOP sudah ditandatangani." })).status).toBe(200);
    expectProblem(await as.assessor.post(`/api/v1/standards/cycles/${id}/findings/${findingId}/verify`, {}), 403, "FORBIDDEN");
    const afterDone = await t.deps.eventLog.size();
    expect(afterDone).toBe(before + 1);

    // Bad input.
    expectProblem(await assess(as.assessor, id, "S01.1", { status: "not_applicable" }), 400, "VALIDATION_FAILED", "body.reason");
    expectProblem(await assess(as.assessor, id, "S01.1", { status: "selesai" }), 400, "VALIDATION_FAILED", "body.status");
    expectProblem(await as.assessor.put(`/api/v1/standards/cycles/${id}/criteria/S99.1`, { status: "met" }), 400, "VALIDATION_FAILED", "params.criterionCode");
    expectProblem(await as.head.put(`/api/v1/standards/cycles/${id}/team`, { memberIds: [users.ppk.id] }), 400, "VALIDATION_FAILED", "body.memberIds");
    expectProblem(await as.head.put(`/api/v1/standards/cycles/${id}/standards/S02/coordinator`, { userId: users.outsider.id }), 400, "VALIDATION_FAILED", "body.userId");
    expectProblem(await as.head.post("/api/v1/standards/cycles", { period: "2027-S1" }), 409, "CONFLICT", "body.period");
    expectProblem(await as.head.post("/api/v1/standards/cycles", { period: "tahun ini" }), 400, "VALIDATION_FAILED", "body.period");
    expectProblem(await as.head.post("/api/v1/standards/cycles", { period: "2029", catalogVersion: 7 }), 400, "VALIDATION_FAILED", "body.catalogVersion");
    expectProblem(await as.assessor.post(`/api/v1/standards/cycles/${id}/criteria/S01.1/evidence/links`, { title: "Tautan", url: "javascript:alert(1)" }), 400, "VALIDATION_FAILED", "body.url");
    const finding = { standardCode: "S11", description: "Firewall tanpa aturan yang terdokumentasi.", action: "Dokumentasikan aturan firewall.", priority: "high", ownerId: users.owner.id, dueDate: "2027-03-01" };
    expectProblem(await as.assessor.post(`/api/v1/standards/cycles/${id}/findings`, { ...finding, criterionCode: "S01.1" }), 400, "VALIDATION_FAILED", "body.criterionCode");
    expectProblem(await as.assessor.post(`/api/v1/standards/cycles/${id}/findings`, { ...finding, ownerId: users.ppk.id }), 400, "VALIDATION_FAILED", "body.ownerId");
    expectProblem(await as.assessor.post(`/api/v1/standards/cycles/${id}/findings`, { ...finding, dueDate: "2027-02-30" }), 400, "VALIDATION_FAILED", "body.dueDate");
    expectProblem(await as.assessor.post(`/api/v1/standards/cycles/${id}/findings`, { ...finding, priority: "urgent" }), 400, "VALIDATION_FAILED", "body.priority");
    // Evidence of the wrong type or too big.
    expectProblem(await uploadEvidence(as.assessor, id, "S01.1", "Kebijakan.pdf", Buffer.from("MZ\x90\x00 not a document"), "application/pdf"), 415, "UNSUPPORTED_MEDIA_TYPE", "body");
    expectProblem(await uploadEvidence(as.assessor, id, "S01.1", "Kebijakan.exe", buildPdf()), 400, "VALIDATION_FAILED", "query.name");
    const big = Buffer.concat([buildPdf(), Buffer.alloc(11 * 1_048_576, 0x20)]);
    expectProblem(await uploadEvidence(as.assessor, id, "S01.1", "Besar.pdf", big), 413, "PAYLOAD_TOO_LARGE");
    // Sign-off with criteria unassessed.
    const unassessed = expectProblem(await as.head.post(`/api/v1/standards/cycles/${id}/sign-off`, {}), 409, "CONFLICT");
    expect(unassessed.messages.id).toContain(`${ALL_CRITERIA.length} kriteria belum dinilai`);
    expect(await t.deps.eventLog.size()).toBe(afterDone);
    const view = (await as.head.get<CycleView>(`/api/v1/standards/cycles/${id}`)).body;
    expect(view).toMatchObject({ status: "open", assessedCount: 0, findings: [expect.objectContaining({ status: "done" })] });
    expect(view.standards.every((s) => s.criteria.every((k) => k.evidence.length === 0))).toBe(true);
  });
});
