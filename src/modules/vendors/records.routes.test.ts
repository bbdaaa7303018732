import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildUser, buildVendor, loginAs, TEST_PASSWORD, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";

const expert = { name: "Ir. Bambang Wijaya, M.T.", education: "S2 Teknik Sipil", expertise: "Ahli jalan dan jembatan", yearsOfExperience: 12, certificate: "SKK Ahli Madya Jalan" };

describe("vendor records and users", () => {
  let t: TestApp;
  let vendor: TestUser & { vendorId: string };
  let client: Client;

  beforeAll(async () => {
    t = await createTestApp();
    vendor = await buildVendor(t, "draft");
    client = await loginAs(t, vendor);
  });
  afterAll(() => t.close());

  it("keeps every kind of record with its own checks", async () => {
    const base = `/api/v1/vendors/${vendor.vendorId}`;
    const bodies: Record<string, unknown> = {
      deeds: { type: "pendirian", number: "12", date: "2015-03-02", notary: "Notaris Sri Wahyuni, S.H.", approvalNumber: "AHU-0012345.AH.01.07.2015" },
      owners: { name: "Slamet Riyadi", identityNumber: "3577011234560001", address: "Jl. Pahlawan 12, Madiun", sharePercent: "60" },
      managers: { name: "Slamet Riyadi", identityNumber: "3577011234560001", position: "Direktur", from: "2015-03-02", until: null },
      experts: expert,
      equipment: { type: "Asphalt finisher", quantity: 1, capacity: "10 ton", brand: "Sakai", year: 2018, condition: "baik", ownership: "milik_sendiri" },
      experience: { contractName: "Peningkatan Jalan Desa Sidorejo", client: "Dinas PUPR Kabupaten Madiun", location: "Kabupaten Madiun", contractNumber: "602/123/2024", contractDate: "2024-05-10", value: "1250000000", completedOn: "2024-10-30" },
      "tax-reports": { type: "spt_tahunan", period: "2025", receiptNumber: "BPE-2025-000123", date: "2026-03-28" },
    };
    for (const [kind, body] of Object.entries(bodies)) {
      const r = await client.post<{ id: string }>(`${base}/${kind}`, body);
      expect(r.status, `${kind}: ${r.text}`).toBe(201);
      expect((await client.get<{ items: unknown[] }>(`${base}/${kind}`)).body.items).toHaveLength(1);
    }
    expectProblem(await client.post(`${base}/owners`, { ...(bodies.owners as object), sharePercent: "101" }), 400, "VALIDATION_FAILED", "body.sharePercent");
    expectProblem(await client.post(`${base}/owners`, { ...(bodies.owners as object), identityNumber: "123" }), 400, "VALIDATION_FAILED", "body.identityNumber");
    expectProblem(await client.post(`${base}/experience`, { ...(bodies.experience as object), value: "1,250,000,000" }), 400, "VALIDATION_FAILED", "body.value");
    expectProblem(await client.post(`${base}/equipment`, { ...(bodies.equipment as object), condition: "bagus" }), 400, "VALIDATION_FAILED", "body.condition");
    expectProblem(await client.post(`${base}/tax-reports`, { ...(bodies["tax-reports"] as object), period: "2025-13" }), 400, "VALIDATION_FAILED", "body.period");
  });

  it("replaces and removes records, logging old and new values for the Verifikator", async () => {
    const base = `/api/v1/vendors/${vendor.vendorId}/experts`;
    const id = (await client.get<{ items: { id: string }[] }>(base)).body.items[0]?.id;
    const updated = await client.put<{ yearsOfExperience: number }>(`${base}/${id}`, { ...expert, yearsOfExperience: 13 });
    expect(updated.body.yearsOfExperience).toBe(13);
    expect((await client.delete(`${base}/${id}`)).status).toBe(204);
    expectProblem(await client.delete(`${base}/${id}`), 404, "NOT_FOUND");
    const verifier = await loginAs(t, await buildUser(t, "verifikator"));
    const changes = await verifier.get<{ items: { type: string }[] }>(`/api/v1/vendors/${vendor.vendorId}/changes`);
    expect(changes.body.items.map((c) => c.type)).toEqual(expect.arrayContaining(["vendor.record_added", "vendor.record_updated", "vendor.record_removed"]));
  });

  it("adds a colleague's account to the vendor, and keeps others out", async () => {
    const r = await client.post<{ email: string }>(`/api/v1/vendors/${vendor.vendorId}/users`, { name: "Wahyu Nugroho", email: "wahyu@cv-uji.test", password: TEST_PASSWORD });
    expect(r.status, r.text).toBe(201);
    const colleague = await loginAs(t, { id: "", email: "wahyu@cv-uji.test", password: TEST_PASSWORD, role: "vendor", agencyId: null, totpSecret: null });
    expect((await colleague.get<{ id: string }>(`/api/v1/vendors/${vendor.vendorId}`)).body.id).toBe(vendor.vendorId);
    expect((await client.get<{ items: unknown[] }>(`/api/v1/vendors/${vendor.vendorId}/users`)).body.items).toHaveLength(2);
    const other = await loginAs(t, await buildVendor(t));
    expectProblem(await other.post(`/api/v1/vendors/${vendor.vendorId}/users`, { name: "Penyusup", email: "x@y.test", password: TEST_PASSWORD }), 404, "NOT_FOUND");
    expectProblem(await other.get(`/api/v1/vendors/${vendor.vendorId}/deeds`), 404, "NOT_FOUND");
  });
});
