import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildAgency, buildUser, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { createWorkUnit } from "../orgs/orgs.service.js";
import type { PackageView } from "./packages.schemas.js";

describe("procurement packages", () => {
  let t: TestApp;
  let ppk: TestUser;
  let workUnitId: string;
  let otherWorkUnitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const agency = await buildAgency(t, { name: "Dinas Pekerjaan Umum dan Penataan Ruang" });
    const other = await buildAgency(t);
    workUnitId = (await createWorkUnit(t.deps.database.db, null, agency.id, { code: "BM", name: "Bidang Bina Marga" }, t.clock.now())).id;
    otherWorkUnitId = (await createWorkUnit(t.deps.database.db, null, other.id, { code: "X", name: "Bidang Lain" }, t.clock.now())).id;
    ppk = await buildUser(t, "ppk", { agencyId: agency.id });
  });
  afterAll(() => t.close());

  const body = () => ({
    rupCode: "37712345",
    name: "Rehabilitasi Jalan Salak Kota Madiun",
    workUnitId,
    fiscalYear: 2027,
    fundingSource: "APBD",
    pagu: "2500000000",
    category: "pekerjaan_konstruksi",
    method: "tender",
    evaluationMethod: "gugur_harga_terendah",
    qualification: "pasca",
    contractType: "harga_satuan",
    kbliCodes: ["42101"],
    qualificationRequirements: "SBU BG009 kualifikasi kecil; pengalaman 1 pekerjaan sejenis dalam 4 tahun terakhir.",
    hpsItems: [
      { description: "Pekerjaan persiapan", unit: "ls", quantity: "1", unitPrice: "35000000" },
      { description: "Lapis AC-WC tebal 4 cm", unit: "m2", quantity: "6250.5", unitPrice: "187500.33" },
      { description: "Marka jalan thermoplastic", unit: "m2", quantity: "420", unitPrice: "165000" },
    ],
  });

  it("lets the PPK create a package whose HPS is the exact sum of its items", async () => {
    const client = await loginAs(t, ppk);
    const r = await client.post<PackageView>("/api/v1/packages", body());
    expect(r.status, r.text).toBe(201);
    // 6250.5 × 187500.33 = 1,171,970,812.665 → 1,171,970,812.67 (half up); + 35,000,000 + 69,300,000.
    expect(r.body.hpsItems.map((i) => i.total)).toEqual(["35000000", "1171970812.67", "69300000"]);
    expect(r.body.hps).toBe("1276270812.67");
    expect(r.body).toMatchObject({ pagu: "2500000000", status: "draft", workUnitName: "Bidang Bina Marga", agencyName: "Dinas Pekerjaan Umum dan Penataan Ruang" });

    const list = await client.get<{ items: { id: string }[] }>("/api/v1/packages?fiscalYear=2027");
    expect(list.body.items.map((p) => p.id)).toContain(r.body.id);
  });

  it("applies the regulation's rules and names every broken one", async () => {
    const client = await loginAs(t, ppk);
    const before = await t.deps.eventLog.size();
    const overPagu = expectProblem(await client.post("/api/v1/packages", { ...body(), pagu: "1000000000" }), 400, "VALIDATION_FAILED", "body.hpsItems");
    expect(overPagu.messages.id).toContain("melebihi pagu");
    expectProblem(await client.post("/api/v1/packages", { ...body(), method: "seleksi" }), 400, "VALIDATION_FAILED", "body.method");
    expectProblem(await client.post("/api/v1/packages", { ...body(), method: "pengadaan_langsung" }), 400, "VALIDATION_FAILED", "body.method");
    expectProblem(await client.post("/api/v1/packages", { ...body(), category: "jasa_konsultansi", method: "seleksi" }), 400, "VALIDATION_FAILED", "body.evaluationMethod");
    expectProblem(await client.post("/api/v1/packages", { ...body(), workUnitId: otherWorkUnitId }), 400, "VALIDATION_FAILED", "body.workUnitId");
    expectProblem(await client.post("/api/v1/packages", { ...body(), pagu: "2.500.000.000" }), 400, "VALIDATION_FAILED", "body.pagu");
    expectProblem(await client.post("/api/v1/packages", { ...body(), pagu: 2500000000 }), 400, "VALIDATION_FAILED", "body.pagu");
    expectProblem(await client.post("/api/v1/packages", { ...body(), hpsItems: [{ description: "Aspal", unit: "m2", quantity: "-1", unitPrice: "100" }] }), 400, "VALIDATION_FAILED", "body.hpsItems.0.quantity");
    expectProblem(await client.post("/api/v1/packages", { ...body(), hpsItems: [] }), 400, "VALIDATION_FAILED", "body.hpsItems");
    expectProblem(await client.post("/api/v1/packages", { ...body(), rupCode: "RUP-1" }), 400, "VALIDATION_FAILED", "body.rupCode");
    // The technical weight: required for sistem nilai and kualitas dan biaya, 1-99 %, refused elsewhere.
    const missing = expectProblem(await client.post("/api/v1/packages", { ...body(), evaluationMethod: "nilai" }), 400, "VALIDATION_FAILED", "body.technicalWeight");
    expect(missing.messages.en).toContain("technical weight");
    expectProblem(await client.post("/api/v1/packages", { ...body(), evaluationMethod: "nilai", technicalWeight: 100 }), 400, "VALIDATION_FAILED", "body.technicalWeight");
    expectProblem(await client.post("/api/v1/packages", { ...body(), evaluationMethod: "nilai", technicalWeight: 70.5 }), 400, "VALIDATION_FAILED", "body.technicalWeight");
    expectProblem(await client.post("/api/v1/packages", { ...body(), technicalWeight: 70 }), 400, "VALIDATION_FAILED", "body.technicalWeight");
    const consultancy = { ...body(), category: "jasa_konsultansi", method: "seleksi", contractType: "waktu_penugasan" };
    expectProblem(await client.post("/api/v1/packages", { ...consultancy, evaluationMethod: "kualitas_biaya" }), 400, "VALIDATION_FAILED", "body.technicalWeight");
    expectProblem(await client.post("/api/v1/packages", { ...consultancy, evaluationMethod: "kualitas", technicalWeight: 80 }), 400, "VALIDATION_FAILED", "body.technicalWeight");
    expect(await t.deps.eventLog.size()).toBe(before);

    const weighted = await client.post<PackageView>("/api/v1/packages", { ...consultancy, evaluationMethod: "kualitas_biaya", technicalWeight: 80 });
    expect(weighted.status, weighted.text).toBe(201);
    expect(weighted.body).toMatchObject({ evaluationMethod: "kualitas_biaya", technicalWeight: 80 });
    expect((await client.post<PackageView>("/api/v1/packages", body())).body.technicalWeight).toBeNull();

    // A small purchase under the Rp200 million ceiling is fine as Pengadaan Langsung.
    const small = await client.post<PackageView>("/api/v1/packages", {
      ...body(),
      name: "Pengadaan ATK Bidang Bina Marga",
      category: "barang",
      method: "pengadaan_langsung",
      contractType: "lumsum",
      pagu: "50000000",
      hpsItems: [{ description: "Kertas HVS A4 80 gram", unit: "rim", quantity: "200", unitPrice: "55000" }],
    });
    expect(small.status, small.text).toBe(201);
    expect(small.body.hps).toBe("11000000");
  });

  it("keeps drafts inside the agency and editable by their PPK only", async () => {
    const owner = await loginAs(t, ppk);
    const created = (await owner.post<PackageView>("/api/v1/packages", body())).body;
    const colleague = await loginAs(t, await buildUser(t, "ppk", { agencyId: created.agencyId }));
    expect((await colleague.get(`/api/v1/packages/${created.id}`)).status).toBe(200);
    expectProblem(await colleague.put(`/api/v1/packages/${created.id}`, body()), 403, "FORBIDDEN");
    const outsider = await loginAs(t, await buildUser(t, "ppk"));
    expectProblem(await outsider.get(`/api/v1/packages/${created.id}`), 404, "NOT_FOUND");
    expect((await outsider.get<{ items: unknown[] }>("/api/v1/packages")).body.items).toHaveLength(0);
    const vendor = await loginAs(t, await buildUser(t, "vendor"));
    expectProblem(await vendor.get(`/api/v1/packages/${created.id}`), 403, "FORBIDDEN");
    expectProblem(await vendor.post("/api/v1/packages", body()), 403, "FORBIDDEN");
    const auditor = await loginAs(t, await buildUser(t, "auditor"));
    expect((await auditor.get(`/api/v1/packages/${created.id}`)).status).toBe(200);

    t.clock.advance(3_600_000);
    const renamed = await owner.put<PackageView>(`/api/v1/packages/${created.id}`, { ...body(), name: "Rehabilitasi Jalan Salak Tahap II" });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body.hpsSetAt).toBe(created.hpsSetAt);
    const repriced = await owner.put<PackageView>(`/api/v1/packages/${created.id}`, { ...body(), hpsItems: body().hpsItems.slice(0, 1) });
    expect(repriced.body.hps).toBe("35000000");
    expect(repriced.body.hpsSetAt).toBe(t.clock.now().toISOString());
  });
});
