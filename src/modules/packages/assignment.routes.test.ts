import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildAgency, buildUser, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { createWorkUnit } from "../orgs/orgs.service.js";
import type { PackageView } from "./packages.schemas.js";

describe("assigning the Pokja or the Pejabat Pengadaan", () => {
  let t: TestApp;
  let agencyId: string;
  let ppk: TestUser;
  let agencyAdmin: TestUser;
  let pokja: TestUser[];
  let tender: PackageView;
  let small: PackageView;

  beforeAll(async () => {
    t = await createTestApp();
    agencyId = (await buildAgency(t)).id;
    const workUnitId = (await createWorkUnit(t.deps.database.db, null, agencyId, { code: "BM", name: "Bidang Bina Marga" }, t.clock.now())).id;
    ppk = await buildUser(t, "ppk", { agencyId });
    agencyAdmin = await buildUser(t, "admin_agency", { agencyId });
    const ukpbj = (await buildAgency(t, { name: "Bagian Pengadaan Barang/Jasa" })).id;
    pokja = [];
    for (let i = 0; i < 4; i++) pokja.push(await buildUser(t, "pokja", { agencyId: ukpbj }));
    const client = await loginAs(t, ppk);
    const base = {
      rupCode: "37712346",
      workUnitId,
      fiscalYear: 2027,
      fundingSource: "APBD",
      qualification: "pasca",
      kbliCodes: [],
      qualificationRequirements: "",
    };
    tender = (await client.post<PackageView>("/api/v1/packages", { ...base, name: "Pembangunan Drainase Jalan Pahlawan", pagu: "900000000", category: "pekerjaan_konstruksi", method: "tender", evaluationMethod: "gugur_harga_terendah", contractType: "harga_satuan", hpsItems: [{ description: "Saluran beton U-ditch", unit: "m", quantity: "300", unitPrice: "2500000" }] })).body;
    small = (await client.post<PackageView>("/api/v1/packages", { ...base, name: "Pengadaan Printer Bidang Bina Marga", pagu: "30000000", category: "barang", method: "pengadaan_langsung", evaluationMethod: "gugur_harga_terendah", contractType: "lumsum", hpsItems: [{ description: "Printer laser A4", unit: "unit", quantity: "4", unitPrice: "4500000" }] })).body;
  });
  afterAll(() => t.close());

  it("assigns an odd Pokja of at least three active Pokja members, whom it then lets see the package", async () => {
    const admin = await loginAs(t, agencyAdmin);
    const body = { kind: "pokja", memberIds: pokja.slice(0, 3).map((p) => p.id), decreeNumber: "027/123/401.112/2026" };
    expectProblem(await admin.put(`/api/v1/packages/${tender.id}/assignment`, { ...body, memberIds: pokja.map((p) => p.id) }), 400, "VALIDATION_FAILED", "body.memberIds");
    expectProblem(await admin.put(`/api/v1/packages/${tender.id}/assignment`, { ...body, memberIds: [pokja[0]?.id, pokja[0]?.id, pokja[1]?.id] }), 400, "VALIDATION_FAILED", "body.memberIds");
    expectProblem(await admin.put(`/api/v1/packages/${tender.id}/assignment`, { ...body, memberIds: [pokja[0]?.id, pokja[1]?.id, ppk.id] }), 400, "VALIDATION_FAILED", "body.memberIds.2");
    expectProblem(await admin.put(`/api/v1/packages/${tender.id}/assignment`, { ...body, kind: "pejabat_pengadaan", memberIds: [pokja[0]?.id] }), 400, "VALIDATION_FAILED", "body.kind");

    const member = await loginAs(t, pokja[0] as TestUser);
    expectProblem(await member.get(`/api/v1/packages/${tender.id}`), 404, "NOT_FOUND");

    const choices = await admin.get<{ items: { id: string }[] }>(`/api/v1/packages/${tender.id}/assignable-members?kind=pokja`);
    expect(choices.body.items.map((c) => c.id).sort()).toEqual(pokja.map((p) => p.id).sort());
    expectProblem(await (await loginAs(t, ppk)).get(`/api/v1/packages/${tender.id}/assignable-members?kind=pokja`), 403, "FORBIDDEN");
    const r = await admin.put<PackageView>(`/api/v1/packages/${tender.id}/assignment`, body);
    expect(r.status, r.text).toBe(200);
    expect(r.body.assignment?.kind).toBe("pokja");
    expect(r.body.assignment?.members.map((m) => m.id).sort()).toEqual(body.memberIds.slice().sort());
    expect((await member.get<PackageView>(`/api/v1/packages/${tender.id}`)).body.assignment?.decreeNumber).toBe(body.decreeNumber);
    expect((await member.get<{ items: { id: string }[] }>("/api/v1/packages")).body.items.map((p) => p.id)).toEqual([tender.id]);
    const outsider = await loginAs(t, pokja[3] as TestUser);
    expectProblem(await outsider.get(`/api/v1/packages/${tender.id}`), 404, "NOT_FOUND");
  });

  it("assigns exactly one Pejabat Pengadaan to a Pengadaan Langsung, and only the package's own Admin Agency may", async () => {
    const official = await buildUser(t, "pejabat_pengadaan", { agencyId });
    const body = { kind: "pejabat_pengadaan", memberIds: [official.id], decreeNumber: "027/124/401.112/2026" };
    expectProblem(await (await loginAs(t, ppk)).put(`/api/v1/packages/${small.id}/assignment`, body), 403, "FORBIDDEN");
    const otherAdmin = await loginAs(t, await buildUser(t, "admin_agency"));
    expectProblem(await otherAdmin.put(`/api/v1/packages/${small.id}/assignment`, body), 404, "NOT_FOUND");
    const admin = await loginAs(t, agencyAdmin);
    expectProblem(await admin.put(`/api/v1/packages/${small.id}/assignment`, { ...body, kind: "pokja", memberIds: pokja.slice(0, 3).map((p) => p.id) }), 400, "VALIDATION_FAILED", "body.kind");
    const r = await admin.put<PackageView>(`/api/v1/packages/${small.id}/assignment`, body);
    expect(r.status, r.text).toBe(200);
    expect(r.body.assignment?.members).toEqual([{ id: official.id, name: "Pengguna pejabat_pengadaan" }]);
  });
});
