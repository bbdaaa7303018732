import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildAgency, buildUser, buildVendor, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { buildPdf } from "../../../test/support/pdf.js";
import { actorOf } from "../../../test/support/tenders.js";
import { createWorkUnit } from "../orgs/orgs.service.js";
import { assignCommittee } from "../packages/assignment.service.js";
import { createPackage } from "../packages/packages.service.js";

/**
 * Pengadaan Langsung of office supplies (HPS Rp22.200.000): the Pejabat Pengadaan invites one verified
 * vendor, which quotes; after the due time they negotiate, and the official awards at the agreed price.
 */
describe("Pengadaan Langsung", () => {
  let t: TestApp;
  let official: Client;
  let vendor: TestUser & { vendorId: string };
  let packageId: string;
  let ppk: TestUser;
  let pp: TestUser;
  let items: { id: string }[];
  const path = () => `/api/v1/packages/${packageId}/direct`;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    const db = t.deps.database.db;
    const agency = await buildAgency(t);
    const unit = await createWorkUnit(db, null, agency.id, { code: "SMP", name: "Bidang SMP" }, t.clock.now());
    ppk = await buildUser(t, "ppk", { agencyId: agency.id });
    pp = await buildUser(t, "pejabat_pengadaan");
    const { row, items: lines } = await createPackage(
      db,
      actorOf(ppk),
      {
        rupCode: "51234005", name: "Pengadaan Alat Tulis Kantor Bidang SMP", workUnitId: unit.id, fiscalYear: 2027, fundingSource: "APBD", pagu: "45000000",
        category: "barang", method: "pengadaan_langsung", evaluationMethod: "gugur_harga_terendah", qualification: "pasca", contractType: "lumsum", kbliCodes: [], qualificationRequirements: "",
        hpsItems: [
          { description: "Kertas HVS A4 80 gram", unit: "rim", quantity: "300", unitPrice: "55000" },
          { description: "Tinta printer", unit: "botol", quantity: "60", unitPrice: "95000" },
        ],
      },
      t.clock.now(),
    );
    packageId = row.id;
    items = lines.map((l) => ({ id: l.id }));
    await assignCommittee(db, actorOf(await buildUser(t, "admin_agency", { agencyId: agency.id })), packageId, { kind: "pejabat_pengadaan", memberIds: [pp.id], decreeNumber: "027/9/2026" }, t.clock.now());
    official = await loginAs(t, pp);
    vendor = await buildVendor(t, "verified", "CV Sumber Tulis");
  });
  afterAll(() => t.close());

  it("lists verified vendors by name for the committees only", async () => {
    expect((await t.client().get("/api/v1/vendors/verified")).status).toBe(401);
    expectProblem(await (await loginAs(t, vendor)).get("/api/v1/vendors/verified"), 403, "FORBIDDEN");
    expectProblem(await (await loginAs(t, ppk)).get("/api/v1/vendors/verified"), 403, "FORBIDDEN");
    await buildVendor(t, "submitted", "CV Sumber Belum Terverifikasi");
    const found = await official.get<{ items: { id: string; name: string; npwpFormatted: string }[] }>("/api/v1/vendors/verified?q=sumber%20TULIS");
    expect(found.status, found.text).toBe(200);
    expect(found.body.items).toEqual([{ id: vendor.vendorId, name: "CV Sumber Tulis", npwpFormatted: expect.stringMatching(/^[\d.-]+$/) }]);
    expect((await official.get<{ items: unknown[] }>("/api/v1/vendors/verified?q=%25")).body.items.length).toBeGreaterThan(0);
  });

  it("invites one verified vendor, which quotes before the due time; nobody else sees it", async () => {
    expectProblem(await official.post(`${path()}/invitation`, { vendorId: vendor.vendorId, quotationDue: "2026-11-20T03:00:00Z" }), 400, "VALIDATION_FAILED", "body.quotationDue");
    expectProblem(await official.post(`${path()}/invitation`, { vendorId: (await buildVendor(t, "submitted")).vendorId, quotationDue: "2026-11-28T08:00:00Z" }), 403, "FORBIDDEN");
    expectProblem(await (await loginAs(t, await buildUser(t, "pejabat_pengadaan"))).post(`${path()}/invitation`, { vendorId: vendor.vendorId, quotationDue: "2026-11-28T08:00:00Z" }), 403, "FORBIDDEN");
    const invited = await official.post<{ status: string; hps: string }>(`${path()}/invitation`, { vendorId: vendor.vendorId, quotationDue: "2026-11-28T08:00:00Z" });
    expect(invited.status, invited.text).toBe(201);
    expect(invited.body).toMatchObject({ status: "invited", hps: "22200000" });
    expectProblem(await official.post(`${path()}/invitation`, { vendorId: vendor.vendorId, quotationDue: "2026-11-28T08:00:00Z" }), 409, "CONFLICT");
    // The package is fixed now: its PPK cannot change what the vendor quotes against.
    const ppkClient = await loginAs(t, ppk);
    const upload = await ppkClient.raw("POST", `/api/v1/packages/${packageId}/documents?kind=spesifikasi&name=Spesifikasi.pdf`, {
      payload: buildPdf("Spesifikasi alat tulis"),
      headers: { "content-type": "application/pdf", "x-csrf-token": await ppkClient.csrfToken() },
    });
    expectProblem(upload, 409, "CONFLICT");
    const client = await loginAs(t, vendor);
    expect((await client.get<{ items: { kind: string }[] }>("/api/v1/notifications")).body.items.map((n) => n.kind)).toContain("direct.invited");
    expectProblem(await (await loginAs(t, await buildVendor(t))).get(path()), 404, "NOT_FOUND");
    const invitations = await client.get<{ items: { packageId: string; status: string }[] }>("/api/v1/direct/invitations");
    expect(invitations.body.items).toEqual([expect.objectContaining({ packageId, packageName: "Pengadaan Alat Tulis Kantor Bidang SMP", status: "invited", quotationDue: "2026-11-28T08:00:00.000Z" })]);
    expectProblem(await official.get("/api/v1/direct/invitations"), 403, "FORBIDDEN");
    // The vendor cannot read the package: the direct view carries the lines it quotes, without the HPS unit prices.
    const view = await client.get<{ items: Record<string, unknown>[] }>(path());
    expect(view.body.items).toEqual([
      { id: items[0]?.id, position: 1, description: "Kertas HVS A4 80 gram", unit: "rim", quantity: "300", quotedUnitPrice: null },
      { id: items[1]?.id, position: 2, description: "Tinta printer", unit: "botol", quantity: "60", quotedUnitPrice: null },
    ]);

    expectProblem(await client.put(`${path()}/quotation`, { items: [{ hpsItemId: "3f0c8d2e-9a41-4c1b-8e7f-2a5b6c7d8e9f", unitPrice: "1" }] }), 400, "VALIDATION_FAILED", "body.items.0.hpsItemId");
    expectProblem(await client.put(`${path()}/quotation`, { items: [{ hpsItemId: items[0]?.id, unitPrice: "52000" }] }), 400, "VALIDATION_FAILED", "body.items");
    // 300 × Rp52.000 + 60 × Rp92.500 = Rp21.150.000.
    const quoted = await client.put<{ status: string; quotation: string }>(`${path()}/quotation`, { items: [{ hpsItemId: items[0]?.id, unitPrice: "52000" }, { hpsItemId: items[1]?.id, unitPrice: "92500" }] });
    expect(quoted.status, quoted.text).toBe(200);
    expect(quoted.body).toMatchObject({ status: "quoted", quotation: "21150000" });
    expect((await official.get<{ items: { quotedUnitPrice: string | null }[] }>(path())).body.items.map((i) => i.quotedUnitPrice)).toEqual(["52000", "92500"]);
    expectProblem(await official.post(`${path()}/negotiation`, { price: "20000000", notes: "Negosiasi harga tinta printer dan kertas HVS." }), 409, "OUT_OF_STAGE");
  });

  it("negotiates after the due time within the quotation and the HPS, then awards", async () => {
    t.clock.set(new Date("2026-11-30T03:00:00Z"));
    const client = await loginAs(t, vendor);
    official = await loginAs(t, pp);
    expectProblem(await client.put(`${path()}/quotation`, { items: [{ hpsItemId: items[0]?.id, unitPrice: "50000" }, { hpsItemId: items[1]?.id, unitPrice: "90000" }] }), 409, "OUT_OF_STAGE");
    expectProblem(await official.post(`${path()}/result`, { decision: "awarded", reason: "Harga wajar dan spesifikasi sesuai." }), 409, "CONFLICT");
    expectProblem(await official.post(`${path()}/negotiation`, { price: "21500000", notes: "Negosiasi harga tinta printer dan kertas HVS." }), 400, "VALIDATION_FAILED", "body.price");
    const agreed = await official.post<{ status: string; negotiated: string }>(`${path()}/negotiation`, { price: "20750000", notes: "Harga tinta disepakati Rp85.833,33 per botol setelah klarifikasi merek." });
    expect(agreed.status, agreed.text).toBe(200);
    expect(agreed.body).toMatchObject({ status: "negotiated", negotiated: "20750000" });
    // Nothing is public before the result.
    expect((await t.client().get<{ total: number }>("/api/v1/public/direct-results")).body.total).toBe(0);
    const done = await official.post<{ status: string }>(`${path()}/result`, { decision: "awarded", reason: "Harga wajar dan spesifikasi sesuai." });
    expect(done.body.status).toBe("awarded");
    expectProblem(await official.post(`${path()}/result`, { decision: "failed", reason: "Percobaan mengubah keputusan." }), 409, "CONFLICT");
    expect((await client.get<{ status: string; negotiated: string }>(path())).body).toMatchObject({ status: "awarded", negotiated: "20750000" });
    const events = await t.deps.database.db.selectFrom("events").select("type").where("type", "like", "direct.%").orderBy("idx").execute();
    expect(events.map((e) => e.type)).toEqual(["direct.invited", "direct.quoted", "direct.negotiated", "direct.awarded"]);
  });

  it("shows the procurement to the package's PPK and oversight, and to no other PPK", async () => {
    expect((await (await loginAs(t, ppk)).get<{ status: string }>(path())).body.status).toBe("awarded");
    expect((await (await loginAs(t, await buildUser(t, "auditor"))).get<{ status: string }>(path())).status).toBe(200);
    expectProblem(await (await loginAs(t, await buildUser(t, "ppk", { agencyId: ppk.agencyId ?? undefined }))).get(path()), 404, "NOT_FOUND");
  });

  it("publishes the result for everyone: the package, the vendor and the agreed price, not the quotation", async () => {
    const visitor = t.client();
    const results = await visitor.get<{ total: number; page: number; items: Record<string, unknown>[] }>("/api/v1/public/direct-results?fiscalYear=2027");
    expect(results.status, results.text).toBe(200);
    expect(results.body).toMatchObject({ total: 1, page: 1 });
    expect(results.body.items).toEqual([
      {
        packageId,
        rupCode: "51234005",
        name: "Pengadaan Alat Tulis Kantor Bidang SMP",
        category: "barang",
        fiscalYear: 2027,
        agencyName: expect.any(String),
        hps: "22200000",
        status: "awarded",
        vendorName: "CV Sumber Tulis",
        price: "20750000",
        reason: null,
        decidedAt: "2026-11-30T03:00:00.000Z",
      },
    ]);
    // The quotation and the negotiation notes stay with the official and the vendor.
    expect(JSON.stringify(results.body)).not.toContain("85.833");
    expect((await visitor.get<{ total: number }>("/api/v1/public/direct-results?fiscalYear=2026")).body.total).toBe(0);
    expect((await visitor.get<{ total: number }>(`/api/v1/public/direct-results?agencyId=${crypto.randomUUID()}`)).body.total).toBe(0);
    expectProblem(await visitor.get("/api/v1/public/direct-results?page=0"), 400, "VALIDATION_FAILED", "query.page");
    expectProblem(await visitor.get("/api/v1/public/direct-results?sort=harga"), 400, "VALIDATION_FAILED");
    const event = await t.deps.database.db.selectFrom("events").select("visibility").where("type", "=", "direct.awarded").executeTakeFirstOrThrow();
    expect(event.visibility).toBe("public");
  });
});
