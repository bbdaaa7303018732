import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildVendor, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { buildPublishedTender } from "../../../test/support/tenders.js";

describe("participation, clarification and addenda", () => {
  let t: TestApp;
  let tender: Awaited<ReturnType<typeof buildPublishedTender>>;
  let vendorA: TestUser & { vendorId: string };
  let vendorB: TestUser & { vendorId: string };
  let pokja: Client;
  const at = (iso: string) => new Date(iso);

  beforeAll(async () => {
    t = await createTestApp({ now: at("2026-11-26T03:00:00Z") });
    tender = await buildPublishedTender(t, { name: "Pembangunan Taman Kota Lapangan Gulun" });
    vendorA = await buildVendor(t, "verified", "CV Karya Manunggal");
    vendorB = await buildVendor(t, "verified", "PT Madiun Jaya Konstruksi");
  });
  afterAll(() => t.close());

  it("lets verified vendors join from the announcement, and names the stage when it is too early", async () => {
    const a = await loginAs(t, vendorA);
    const early = expectProblem(await a.post(`/api/v1/tenders/${tender.tenderCode}/participation`), 409, "OUT_OF_STAGE");
    expect(early.messages.id).toContain("Pengumuman (30 Nov 2026, 08.00 WIB");
    expect(early.messages.en).toContain("Current stage: not started");

    expect((await a.get(`/api/v1/tenders/${tender.tenderCode}/viewer`)).body).toEqual({ participant: false, committee: false, escrowHolder: false });
    t.clock.set(at("2026-12-01T03:00:00Z"));
    const joined = await (await loginAs(t, vendorA)).post<{ joined: boolean }>(`/api/v1/tenders/${tender.tenderCode}/participation`);
    expect(joined.body).toEqual({ joined: true });
    expect((await (await loginAs(t, vendorB)).post(`/api/v1/tenders/${tender.tenderCode}/participation`)).status).toBe(200);

    const unverified = await buildVendor(t, "submitted");
    const refused = expectProblem(await (await loginAs(t, unverified)).post(`/api/v1/tenders/${tender.tenderCode}/participation`), 403, "FORBIDDEN");
    expect(refused.messages.en).toContain("not verified");

    const participants = await t.client().get<{ items: { name: string }[] }>(`/api/v1/public/tenders/${tender.tenderCode}/participants`);
    expect(participants.body.items.map((p) => p.name).sort()).toEqual(["CV Karya Manunggal", "PT Madiun Jaya Konstruksi"]);

    // Who the caller is in this tender, for the announcement page.
    expect((await (await loginAs(t, vendorA)).get(`/api/v1/tenders/${tender.tenderCode}/viewer`)).body).toEqual({ participant: true, committee: false, escrowHolder: false });
    expect((await (await loginAs(t, tender.pokja[2] as TestUser)).get(`/api/v1/tenders/${tender.tenderCode}/viewer`)).body).toEqual({ participant: false, committee: true, escrowHolder: false });
    expectProblem(await t.client().get(`/api/v1/tenders/${tender.tenderCode}/viewer`), 401, "UNAUTHENTICATED");
  });

  it("takes questions only during Pemberian Penjelasan and hides who asked", async () => {
    const a = await loginAs(t, vendorA);
    expectProblem(await a.post(`/api/v1/tenders/${tender.tenderCode}/questions`, { question: "Apakah boleh memakai aspal produksi lokal?" }), 409, "OUT_OF_STAGE");
    t.clock.set(at("2026-12-07T20:00:00Z")); // 03:00 WIB: the download stage has closed, the clarification opens at 09:00
    const overnight = expectProblem(await (await loginAs(t, vendorA)).post(`/api/v1/tenders/${tender.tenderCode}/questions`, { question: "Apakah boleh memakai aspal produksi lokal?" }), 409, "OUT_OF_STAGE");
    expect(overnight.messages.id).toContain("Tahap sekarang: menunggu Pemberian Penjelasan, dibuka 8 Des 2026, 09.00 WIB.");
    expect(overnight.messages.en).toContain("Current stage: waiting for Clarification (aanwijzing), opening 8 Dec 2026, 09:00 WIB.");
    t.clock.set(at("2026-12-08T03:00:00Z")); // 10:00 WIB, during the clarification stage
    const a2 = await loginAs(t, vendorA);
    expectProblem(await a2.post(`/api/v1/tenders/${tender.tenderCode}/questions`, { question: "Pendek" }), 400, "VALIDATION_FAILED", "body.question");
    const asked = await a2.post<{ id: string }>(`/api/v1/tenders/${tender.tenderCode}/questions`, { question: "Apakah boleh memakai aspal produksi lokal?" });
    expect(asked.status, asked.text).toBe(201);
    const outsider = await loginAs(t, await buildVendor(t));
    expectProblem(await outsider.post(`/api/v1/tenders/${tender.tenderCode}/questions`, { question: "Saya belum mendaftar, boleh bertanya?" }), 403, "FORBIDDEN");

    pokja = await loginAs(t, tender.pokja[0] as TestUser);
    expectProblem(await a2.post(`/api/v1/tenders/${tender.tenderCode}/questions/${asked.body.id}/answer`, { answer: "Boleh" }), 403, "FORBIDDEN");
    const answered = await pokja.post(`/api/v1/tenders/${tender.tenderCode}/questions/${asked.body.id}/answer`, { answer: "Boleh, sepanjang memenuhi spesifikasi AC-WC Bina Marga 2018." });
    expect(answered.status, answered.text).toBe(204);
    expectProblem(await pokja.post(`/api/v1/tenders/${tender.tenderCode}/questions/${asked.body.id}/answer`, { answer: "Lagi" }), 409, "CONFLICT");

    const asA = await a2.get<{ items: { mine: boolean; answer: string }[] }>(`/api/v1/public/tenders/${tender.tenderCode}/questions`);
    expect(asA.body.items).toEqual([expect.objectContaining({ mine: true, answer: expect.stringContaining("AC-WC") })]);
    const asB = await (await loginAs(t, vendorB)).get<{ items: Record<string, unknown>[] }>(`/api/v1/public/tenders/${tender.tenderCode}/questions`);
    expect(asB.body.items[0]?.mine).toBe(false);
    expect(JSON.stringify(asB.body)).not.toContain("Karya Manunggal");
    expect(JSON.stringify(asB.body)).not.toContain(vendorA.vendorId);

    const inbox = await a2.get<{ items: { kind: string }[] }>("/api/v1/notifications");
    expect(inbox.body.items.map((n) => n.kind)).toContain("tender.question_answered");
  });

  it("publishes addenda as new document versions and notifies every participant", async () => {
    const r = await pokja.post<{ version: number }>(`/api/v1/tenders/${tender.tenderCode}/addenda`, { title: "Adendum spesifikasi lapis aspal", content: "Tebal lapis AC-WC diubah dari 4 cm menjadi 5 cm pada STA 0+000 s.d. 0+450." });
    expect(r.status, r.text).toBe(201);
    expect(r.body.version).toBe(1);
    const b = await loginAs(t, vendorB);
    const docs = await b.get<{ items: { version: number; kind: string }[] }>(`/api/v1/tenders/${tender.tenderCode}/documents`);
    expect(docs.body.items).toEqual([expect.objectContaining({ version: 0, kind: "dokumen_pemilihan" }), expect.objectContaining({ version: 1, kind: "adendum" })]);
    const inbox = await b.get<{ items: { kind: string; title: { id: string } }[] }>("/api/v1/notifications");
    expect(inbox.body.items[0]).toMatchObject({ kind: "tender.addendum" });
    const mails = await t.deps.database.db.selectFrom("mail_outbox").select("subject").where("subject", "like", "Adendum 1%").execute();
    expect(mails.length).toBe(2);
    const outsider = await loginAs(t, await buildVendor(t));
    expectProblem(await outsider.get(`/api/v1/tenders/${tender.tenderCode}/documents`), 403, "FORBIDDEN");
    // The addendum is open data too: an OCDS tenderAmendment release written with it.
    const record = await t.client().get<{ records: { compiledRelease: { tender: { amendments?: { rationale: string }[] } }; releases: { tag: string[] }[] }[] }>(
      `/api/v1/ocds/records/${t.deps.config.ocdsPrefix}-${tender.tenderCode}`,
    );
    expect(record.status, record.text).toBe(200);
    expect(record.body.records[0]?.releases.map((r) => r.tag)).toContainEqual(["tenderAmendment"]);
    expect(record.body.records[0]?.compiledRelease.tender.amendments?.[0]?.rationale).toBe("Adendum spesifikasi lapis aspal");

    // A schedule change after publication reaches every participant with its reason.
    t.clock.advance(60_000);
    const later = (await t.client().get<{ schedule: { stage: string; startsAt: string; endsAt: string }[] }>(`/api/v1/public/tenders/${tender.tenderCode}`)).body.schedule.map((s, i) =>
      i >= 3 ? { ...s, startsAt: new Date(Date.parse(s.startsAt) + 7 * 86_400_000).toISOString(), endsAt: new Date(Date.parse(s.endsAt) + 7 * 86_400_000).toISOString() } : s,
    );
    const changed = await pokja.put(`/api/v1/packages/${tender.packageId}/schedule`, { stages: later, reason: { kind: "document_change", text: "Adendum spesifikasi: tambahan waktu penyusunan penawaran" } });
    expect(changed.status, changed.text).toBe(200);
    const afterChange = await b.get<{ items: { kind: string; body: { en: string } }[] }>("/api/v1/notifications");
    expect(afterChange.body.items[0]).toMatchObject({ kind: "tender.schedule_changed", body: { en: "Reason: Adendum spesifikasi: tambahan waktu penyusunan penawaran" } });

    t.clock.set(at("2026-12-21T03:00:00Z")); // evaluation of the moved schedule: bids are in
    const late = expectProblem(await (await loginAs(t, tender.pokja[1] as TestUser)).post(`/api/v1/tenders/${tender.tenderCode}/addenda`, { title: "Adendum terlambat", content: "Perubahan setelah batas akhir penawaran." }), 409, "OUT_OF_STAGE");
    expect(late.messages.en).toContain("Current stage: Evaluation");
  });
});
