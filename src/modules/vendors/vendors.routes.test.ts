import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildUser, loginAs, TEST_PASSWORD, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";

const profile = {
  name: "CV Karya Manunggal",
  businessForm: "CV",
  npwp: "01.234.567.8-901.000",
  nib: "9120123456789",
  pkp: true,
  address: { street: "Jl. Pahlawan No. 12", city: "Kota Madiun", province: "Jawa Timur", postalCode: "63121" },
  phone: "+62 351 464000",
  contactEmail: "kantor@karyamanunggal.test",
  website: null,
};
const licence = { kind: "NIB", number: "9120123456789", issuer: "OSS RBA", kbliCodes: ["41011", "42101"], validFrom: "2024-01-15", validUntil: null };

interface VendorBody {
  id: string;
  status: string;
  npwpFormatted: string;
  licences: { kbliCodes: string[] }[];
}

describe("vendor registration and verification", () => {
  let t: TestApp;
  let verifikator: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    verifikator = await buildUser(t, "verifikator");
  });
  afterAll(() => t.close());

  /** The confirmation token from the last mail queued for the address. */
  async function tokenFromMail(email: string): Promise<string> {
    const mail = await t.deps.database.db.selectFrom("mail_outbox").selectAll().where("to_address", "=", email).orderBy("created_at", "desc").executeTakeFirstOrThrow();
    const match = /token=([\w-]+)/.exec(mail.text_body);
    if (!match?.[1]) throw new Error(`no link in ${mail.text_body}`);
    return match[1];
  }

  async function register(email: string, npwp: string): Promise<{ vendorId: string; client: Client }> {
    const anonymous = t.client();
    expect((await anonymous.post("/api/v1/vendor-registrations", { email })).status).toBe(202);
    const token = await tokenFromMail(email);
    const done = await anonymous.post<{ vendorId: string }>("/api/v1/vendor-registrations/complete", {
      token,
      company: { name: "CV Uji Coba", businessForm: "CV", npwp },
      user: { name: "Slamet Riyadi", password: TEST_PASSWORD },
    });
    expect(done.status, done.text).toBe(201);
    const client = await loginAs(t, { id: "", email, password: TEST_PASSWORD, role: "vendor", agencyId: null, totpSecret: null });
    return { vendorId: done.body.vendorId, client };
  }

  it("registers with an emailed link, checking NPWP and the password, and the link works once", async () => {
    const anonymous = t.client();
    expectProblem(await anonymous.post("/api/v1/vendor-registrations", { email: "bukan-email" }), 400, "VALIDATION_FAILED", "body.email");
    expect((await anonymous.post("/api/v1/vendor-registrations", { email: "Slamet@KaryaManunggal.test" })).status).toBe(202);
    const token = await tokenFromMail("slamet@karyamanunggal.test");
    const body = { token, company: { name: "CV Karya Manunggal", businessForm: "CV", npwp: "01.234.567.8-901.000" }, user: { name: "Slamet Riyadi", password: TEST_PASSWORD } };
    const badNpwp = expectProblem(await anonymous.post("/api/v1/vendor-registrations/complete", { ...body, company: { ...body.company, npwp: "12.345" } }), 400, "VALIDATION_FAILED", "body.company.npwp");
    expect(badNpwp.messages.en).toContain("15 digits");
    expectProblem(await anonymous.post("/api/v1/vendor-registrations/complete", { ...body, company: { ...body.company, businessForm: "Toko" } }), 400, "VALIDATION_FAILED", "body.company.businessForm");
    expectProblem(await anonymous.post("/api/v1/vendor-registrations/complete", { ...body, user: { ...body.user, password: "lemah" } }), 400, "PASSWORD_POLICY", "body.user.password");
    expect(await t.deps.database.db.selectFrom("vendors").select("id").where("npwp", "=", "012345678901000").executeTakeFirst()).toBeUndefined();

    const done = await anonymous.post<{ vendorId: string; email: string }>("/api/v1/vendor-registrations/complete", body);
    expect(done.status, done.text).toBe(201);
    expect(done.body.email).toBe("slamet@karyamanunggal.test");
    expectProblem(await anonymous.post("/api/v1/vendor-registrations/complete", body), 404, "NOT_FOUND", "body.token");

    // A known address gets the same answer and a reminder, never a second account.
    t.clock.advance(1000);
    expect((await anonymous.post("/api/v1/vendor-registrations", { email: "slamet@karyamanunggal.test" })).status).toBe(202);
    const reminder = await t.deps.database.db.selectFrom("mail_outbox").selectAll().where("to_address", "=", "slamet@karyamanunggal.test").orderBy("created_at", "desc").executeTakeFirstOrThrow();
    expect(reminder.subject).toContain("sudah terdaftar");
  });

  it("goes draft → submitted → rejected → submitted → verified, keeping history and notifying the vendor", async () => {
    const { vendorId, client } = await register("wahyu@madiunjaya.test", "023456789456000");
    const draft = await client.get<VendorBody>(`/api/v1/vendors/${vendorId}`);
    expect(draft.body).toMatchObject({ status: "draft", npwpFormatted: "02.345.678.9-456.000" });

    const incomplete = expectProblem(await client.post(`/api/v1/vendors/${vendorId}/submit`), 400, "VALIDATION_FAILED", "vendor.licences");
    expect(incomplete.errors?.map((e) => e.field)).toContain("vendor.nib");

    expectProblem(await client.put(`/api/v1/vendors/${vendorId}/profile`, { ...profile, npwp: "023456789456000", nib: "12345" }), 400, "VALIDATION_FAILED", "body.nib");
    expectProblem(await client.put(`/api/v1/vendors/${vendorId}/profile`, { ...profile, npwp: "023456789456000", address: { ...profile.address, postalCode: "631" } }), 400, "VALIDATION_FAILED", "body.address.postalCode");
    const saved = await client.put<VendorBody>(`/api/v1/vendors/${vendorId}/profile`, { ...profile, name: "PT Madiun Jaya", businessForm: "PT", npwp: "023456789456000" });
    expect(saved.status, saved.text).toBe(200);

    expectProblem(await client.post(`/api/v1/vendors/${vendorId}/licences`, { ...licence, kbliCodes: ["4101"] }), 400, "VALIDATION_FAILED", "body.kbliCodes.0");
    expectProblem(await client.post(`/api/v1/vendors/${vendorId}/licences`, { ...licence, validUntil: "2020-01-01" }), 400, "VALIDATION_FAILED", "body.validUntil");
    expect((await client.post(`/api/v1/vendors/${vendorId}/licences`, licence)).status).toBe(201);

    const submitted = await client.post<VendorBody>(`/api/v1/vendors/${vendorId}/submit`);
    expect(submitted.body.status).toBe("submitted");
    expectProblem(await client.post(`/api/v1/vendors/${vendorId}/submit`), 409, "CONFLICT");

    const verifier = await loginAs(t, verifikator);
    const queue = await verifier.get<{ items: { id: string }[] }>("/api/v1/verification/queue");
    expect(queue.body.items.map((v) => v.id)).toContain(vendorId);
    expectProblem(await verifier.post(`/api/v1/vendors/${vendorId}/verification`, { decision: "approve", mode: "zoom", reason: "Dokumen asli sesuai" }), 400, "VALIDATION_FAILED", "body.mode");
    const rejected = await verifier.post<VendorBody>(`/api/v1/vendors/${vendorId}/verification`, { decision: "reject", mode: "video_call", reason: "Akta pendirian belum diunggah" });
    expect(rejected.body.status).toBe("rejected");

    const inbox = await client.get<{ items: { kind: string; body: { id: string } }[] }>("/api/v1/notifications");
    expect(inbox.body.items[0]).toMatchObject({ kind: "vendor.rejected" });
    expect(inbox.body.items[0]?.body.id).toContain("Akta pendirian");

    expect((await client.post<VendorBody>(`/api/v1/vendors/${vendorId}/submit`)).body.status).toBe("submitted");
    const approved = await verifier.post<VendorBody>(`/api/v1/vendors/${vendorId}/verification`, { decision: "approve", mode: "in_person", reason: "Dokumen asli sesuai" });
    expect(approved.body.status).toBe("verified");
    expectProblem(await verifier.post(`/api/v1/vendors/${vendorId}/verification`, { decision: "approve", mode: "in_person", reason: "Sekali lagi" }), 409, "CONFLICT");

    const history = await client.get<{ items: { decision: string; mode: string }[] }>(`/api/v1/vendors/${vendorId}/verifications`);
    expect(history.body.items.map((h) => [h.decision, h.mode])).toEqual([["approved", "in_person"], ["rejected", "video_call"]]);

    // Changes to verified data are tracked and shown to the Verifikator.
    t.clock.advance(60_000);
    await client.put(`/api/v1/vendors/${vendorId}/profile`, { ...profile, name: "PT Madiun Jaya", businessForm: "PT", npwp: "023456789456000", phone: "0351 999 888" });
    const changes = await verifier.get<{ items: { type: string; changes: { changes: Record<string, { before: unknown; after: unknown }> } }[] }>(`/api/v1/vendors/${vendorId}/changes`);
    expect(changes.body.items).toHaveLength(1);
    expect(changes.body.items[0]?.changes.changes.phone).toEqual({ before: "+62 351 464000", after: "0351 999 888" });
    const verifiedQueue = await verifier.get<{ items: { id: string; changesSinceVerification: number }[] }>("/api/v1/verification/queue?status=verified");
    expect(verifiedQueue.body.items.find((v) => v.id === vendorId)?.changesSinceVerification).toBe(1);
  });

  it("keeps one vendor's data from other vendors and from roles that have no business with it", async () => {
    const a = await register("a@vendor-a.test", "034567890789000");
    const b = await register("b@vendor-b.test", "3577011234560001");
    expectProblem(await b.client.get(`/api/v1/vendors/${a.vendorId}`), 404, "NOT_FOUND");
    expectProblem(await b.client.put(`/api/v1/vendors/${a.vendorId}/profile`, { ...profile, npwp: "034567890789000" }), 404, "NOT_FOUND");
    expectProblem(await b.client.get("/api/v1/verification/queue"), 403, "FORBIDDEN");
    const ppk = await loginAs(t, await buildUser(t, "ppk"));
    expectProblem(await ppk.get(`/api/v1/vendors/${a.vendorId}`), 403, "FORBIDDEN");
    const verifier = await loginAs(t, verifikator);
    expectProblem(await verifier.put(`/api/v1/vendors/${a.vendorId}/profile`, { ...profile, npwp: "034567890789000" }), 403, "FORBIDDEN");
    // Taking another vendor's NPWP is refused.
    expectProblem(await b.client.put(`/api/v1/vendors/${b.vendorId}/profile`, { ...profile, npwp: "034567890789000" }), 409, "CONFLICT", "body.npwp");
  });
});
