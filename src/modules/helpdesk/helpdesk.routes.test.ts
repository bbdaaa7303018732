import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildUser, buildVendor, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { startSmtpServer, type TestSmtpServer } from "../../../test/support/smtp.js";
import { MailWorker } from "../notifications/mail-worker.js";
import { helpdeskSlaCompliance } from "./helpdesk.compliance.js";
import { escalateOverdueTickets } from "./helpdesk.escalation.js";

const HOUR = 3_600_000;
/** 08:00 WIB on Monday 2 November 2026. */
const T0 = new Date("2026-11-02T01:00:00.000Z");
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

interface Ticket {
  id: string;
  code: string;
  status: string;
  priority: string;
  assignee: { id: string; name: string } | null;
  escalatedTo: { id: string } | null;
  outcome: string | null;
  comments: { visibility: string; body: string }[];
  sla: { firstResponse: { dueAt: string; remainingSeconds: number | null; state: string }; resolution: { dueAt: string; remainingSeconds: number | null; state: string } };
}
interface Tracked {
  code: string;
  status: string;
  outcome: string | null;
  replies: { fromStaff: boolean; authorName: string; body: string }[];
}

describe("helpdesk tickets, SLA timers and compliance", () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let worker: MailWorker;
  let officer: TestUser;
  let adminUser: TestUser;
  let helpdesk: Client;
  let admin: Client;
  let head: Client;
  let auditor: Client;
  let vendor: Client;
  let vendorUser: TestUser;
  let ppk: Client;
  let anonymous: Client;
  const ids = { a: "", b: "", c: "" };
  const codes = { a: "" };

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-02T00:30:00.000Z") });
    smtp = await startSmtpServer();
    worker = new MailWorker({ db: t.deps.database.db, clock: t.clock, smtpUrl: smtp.url, mailFrom: "LPSE Uji <lpse@uji.test>", pollIntervalMs: 1000, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    officer = await buildUser(t, "helpdesk", { name: "Rina Helpdesk" });
    adminUser = await buildUser(t, "admin_ppe", { name: "Budi Admin" });
    helpdesk = await loginAs(t, officer);
    admin = await loginAs(t, adminUser);
    head = await loginAs(t, await buildUser(t, "kepala_lpse"));
    auditor = await loginAs(t, await buildUser(t, "auditor"));
    vendorUser = await buildVendor(t);
    vendor = await loginAs(t, vendorUser);
    ppk = await loginAs(t, await buildUser(t, "ppk"));
    anonymous = t.client();
    t.clock.set(T0);
  });
  afterAll(async () => {
    await worker.stop();
    await smtp.close();
    await t.close();
  });

  async function eventTypes(ticketId: string): Promise<string[]> {
    const rows = await t.deps.database.db.selectFrom("events").select("type").where("subject_id", "=", ticketId).orderBy("idx").execute();
    return rows.map((r) => r.type);
  }

  it("files a ticket from the public form, shows and mails its tracking code", async () => {
    const r = await anonymous.post<{ code: string; id: string }>("/api/v1/helpdesk/public/tickets", {
      name: "Sari Penyedia",
      email: "Sari@Contoh.test",
      subject: "Tidak bisa unggah dokumen penawaran",
      description: "Unggahan berhenti di 90% setiap kali saya mencoba.",
      userGroup: "vendor",
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.code).toMatch(/^HD-[2-9A-HJKMNP-Z]{8}$/);
    ids.a = r.body.id;
    codes.a = r.body.code;
    await worker.runOnce();
    const mail = smtp.received.find((m) => m.to.includes("sari@contoh.test"));
    expect(mail?.subject).toContain(`Tiket ${codes.a} diterima`);
    expect(mail?.text).toContain(`/bantuan?kode=${codes.a}`);
  });

  it("shows the queue with live SLA timers from the server clock", async () => {
    t.clock.set(at(2));
    const list = await helpdesk.get<{ items: Ticket[]; serverNow: string }>("/api/v1/helpdesk/tickets?status=open");
    expect(list.status, list.text).toBe(200);
    expect(list.body.serverNow).toBe(at(2).toISOString());
    const a = list.body.items.find((i) => i.id === ids.a);
    // Default classification medium × medium → P3: 8 h to first response, 72 h to resolution.
    expect(a).toMatchObject({ priority: "P3", status: "new" });
    expect(a?.sla.firstResponse).toEqual({ dueAt: at(8).toISOString(), doneAt: null, remainingSeconds: 6 * 3600, state: "running" });
    expect(a?.sla.resolution.remainingSeconds).toBe(70 * 3600);
  });

  it("reclassifies (priority and due times follow), assigns and escalates, logging each change", async () => {
    const c = await helpdesk.post<Ticket>(`/api/v1/helpdesk/tickets/${ids.a}/classification`, { type: "incident", technical: true, userGroup: "vendor", urgency: "high", impact: "high" });
    expect(c.status, c.text).toBe(200);
    expect(c.body.priority).toBe("P1");
    expect(c.body.sla.firstResponse).toMatchObject({ dueAt: at(1).toISOString(), remainingSeconds: -3600, state: "overdue" });
    expect(c.body.sla.resolution).toMatchObject({ dueAt: at(4).toISOString(), remainingSeconds: 2 * 3600, state: "running" });

    const assigned = await helpdesk.post<Ticket>(`/api/v1/helpdesk/tickets/${ids.a}/assignment`, { assigneeId: officer.id });
    expect(assigned.body).toMatchObject({ status: "assigned", assignee: { id: officer.id, name: "Rina Helpdesk" } });

    expectProblem(await helpdesk.post(`/api/v1/helpdesk/tickets/${ids.a}/escalation`, { toUserId: vendorUser.id, reason: "Butuh akses server" }), 400, "VALIDATION_FAILED", "body.toUserId");
    const escalated = await helpdesk.post<Ticket>(`/api/v1/helpdesk/tickets/${ids.a}/escalation`, { toUserId: adminUser.id, reason: "Perlu cek log server aplikasi" });
    expect(escalated.body.escalatedTo?.id).toBe(adminUser.id);
    const inbox = await admin.get<{ items: { title: string }[] }>("/api/v1/notifications");
    expect(JSON.stringify(inbox.body)).toContain(`Eskalasi tiket ${codes.a}`);
    expect(await eventTypes(ids.a)).toEqual(["helpdesk.ticket_filed", "helpdesk.ticket_classified", "helpdesk.ticket_assigned", "helpdesk.ticket_escalated"]);
  });

  it("replies publicly (the first response, mailed) and notes internally (never shown to the submitter)", async () => {
    smtp.received.length = 0;
    expect((await helpdesk.post(`/api/v1/helpdesk/tickets/${ids.a}/comments`, { body: "Mohon coba dengan peramban lain.", visibility: "public" })).status).toBe(200);
    t.clock.advance(60_000);
    const note = await helpdesk.post<Ticket>(`/api/v1/helpdesk/tickets/${ids.a}/comments`, { body: "Cek batas unggah di proxy.", visibility: "internal" });
    expect(note.body.sla.firstResponse).toMatchObject({ doneAt: at(2).toISOString(), remainingSeconds: null, state: "breached" });
    expect(note.body.comments.map((c) => c.visibility)).toEqual(["public", "internal"]);
    await worker.runOnce();
    expect(smtp.received.map((m) => m.subject)).toEqual([`Balasan untuk tiket ${codes.a} / Reply on ticket ${codes.a}`]);
    expect(smtp.received[0]?.text).toContain("Mohon coba dengan peramban lain.");
  });

  it("resolves only with an outcome, tells the submitter by mail, and shows it on the tracking page", async () => {
    t.clock.set(at(3));
    expectProblem(await helpdesk.post(`/api/v1/helpdesk/tickets/${ids.a}/status`, { status: "resolved" }), 400, "VALIDATION_FAILED", "body.outcome");
    smtp.received.length = 0;
    const resolved = await helpdesk.post<Ticket>(`/api/v1/helpdesk/tickets/${ids.a}/status`, { status: "resolved", outcome: "Batas unggah proxy dinaikkan menjadi 100 MB." });
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.body.sla.resolution).toMatchObject({ doneAt: at(3).toISOString(), state: "met" });
    await worker.runOnce();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual(["sari@contoh.test"]);
    expect(smtp.received[0]?.subject).toBe(`Tiket ${codes.a} selesai / Ticket ${codes.a} resolved`);
    expect(smtp.received[0]?.text).toContain("Batas unggah proxy dinaikkan menjadi 100 MB.");

    const tracked = await anonymous.post<Tracked>("/api/v1/helpdesk/public/track", { code: codes.a.toLowerCase(), email: "sari@contoh.test" });
    expect(tracked.status, tracked.text).toBe(200);
    expect(tracked.body).toMatchObject({ code: codes.a, status: "resolved", outcome: "Batas unggah proxy dinaikkan menjadi 100 MB." });
    expect(tracked.body.replies).toEqual([{ fromStaff: true, authorName: "Helpdesk", body: "Mohon coba dengan peramban lain.", createdAt: at(2).toISOString() }]);
    expectProblem(await anonymous.post("/api/v1/helpdesk/public/track", { code: codes.a, email: "orang.lain@contoh.test" }), 404, "NOT_FOUND");
    expectProblem(await helpdesk.post(`/api/v1/helpdesk/tickets/${ids.a}/assignment`, { assigneeId: officer.id }), 409, "CONFLICT");
    expect((await eventTypes(ids.a)).slice(-3)).toEqual(["helpdesk.ticket_commented", "helpdesk.ticket_commented", "helpdesk.ticket_status_changed"]);
  });

  it("lets staff enter a phone call, and a logged-in vendor file and see only its own ticket", async () => {
    const phone = await helpdesk.post<Ticket>("/api/v1/helpdesk/tickets", {
      channel: "phone",
      name: "Pak Joko (Pokja Dinas PU)",
      phone: "0351 123456",
      subject: "Lupa cara mengubah jadwal",
      description: "Pokja bertanya cara mengubah jadwal tender yang sudah tayang.",
      type: "request",
      technical: false,
      userGroup: "committee",
      urgency: "low",
      impact: "low",
    });
    expect(phone.status, phone.text).toBe(201);
    expect(phone.body).toMatchObject({ priority: "P4", status: "new" });
    ids.b = phone.body.id;
    t.clock.set(at(4));
    await helpdesk.post(`/api/v1/helpdesk/tickets/${ids.b}/comments`, { body: "Dijelaskan lewat telepon: menu Jadwal, lalu Ubah.", visibility: "public" });

    const own = await vendor.post<{ id: string; code: string }>("/api/v1/helpdesk/public/tickets", { name: "Direktur CV", email: vendorUser.email, subject: "Status verifikasi belum berubah", description: "Sudah tiga hari status verifikasi masih menunggu.", userGroup: "vendor" });
    expect(own.status, own.text).toBe(201);
    ids.c = own.body.id;
    const mine = await vendor.get<{ items: Tracked[] }>("/api/v1/helpdesk/my-tickets");
    expect(mine.body.items.map((i) => i.code)).toEqual([own.body.code]);
    const ownView = await vendor.get<Ticket>(`/api/v1/helpdesk/tickets/${ids.c}`);
    expect(ownView.status, ownView.text).toBe(200);
    expectProblem(await vendor.get(`/api/v1/helpdesk/tickets/${ids.a}`), 404, "NOT_FOUND");
    expectProblem(await vendor.post(`/api/v1/helpdesk/tickets/${ids.c}/status`, { status: "resolved", outcome: "Saya tutup sendiri" }), 403, "FORBIDDEN");
    expectProblem(await vendor.get("/api/v1/helpdesk/tickets"), 403, "FORBIDDEN");
    // Its inbox holds the confirmation too.
    expect(JSON.stringify((await vendor.get("/api/v1/notifications")).body)).toContain(own.body.code);
  });

  it("lets the head of the LPSE and auditors read but not change; others get 403/404, anonymous 401", async () => {
    for (const reader of [head, auditor]) {
      expect((await reader.get("/api/v1/helpdesk/tickets")).status).toBe(200);
      expect((await reader.get(`/api/v1/helpdesk/tickets/${ids.a}`)).status).toBe(200);
      expectProblem(await reader.post(`/api/v1/helpdesk/tickets/${ids.b}/comments`, { body: "Halo", visibility: "internal" }), 403, "FORBIDDEN");
      expectProblem(await reader.put("/api/v1/helpdesk/sla", { P1: { firstResponseHours: 1, resolutionHours: 2 }, P2: { firstResponseHours: 2, resolutionHours: 8 }, P3: { firstResponseHours: 8, resolutionHours: 72 }, P4: { firstResponseHours: 24, resolutionHours: 120 } }), 403, "FORBIDDEN");
    }
    expectProblem(await ppk.get(`/api/v1/helpdesk/tickets/${ids.a}`), 404, "NOT_FOUND");
    expectProblem(await anonymous.get("/api/v1/helpdesk/tickets"), 401, "UNAUTHENTICATED");
    const phoneCall = { channel: "phone", name: "Penelepon", subject: "Pertanyaan umum", description: "Pertanyaan lewat telepon.", type: "request", technical: false, userGroup: "public", urgency: "low", impact: "low" };
    expectProblem(await anonymous.post("/api/v1/helpdesk/tickets", phoneCall), 401, "UNAUTHENTICATED");
    expectProblem(await head.post("/api/v1/helpdesk/tickets", phoneCall), 403, "FORBIDDEN");
  });

  it("counts SLA compliance exactly, and pending tickets turn breached once their due time passes", async () => {
    const range = { from: at(-24), to: at(24) };
    // A: response breached (2 h > 1 h), resolved in 3 h (≤ 4 h). B (P4): response in 1 h, open. C (P3, filed at 4 h): open.
    expect(await helpdeskSlaCompliance(t.deps.database.db, { ...range, now: at(10) })).toEqual({
      tickets: 3,
      firstResponse: { met: 1, breached: 1, pending: 1, share: 0.5 },
      resolution: { met: 1, breached: 0, pending: 2, share: 1 },
    });
    expect(await helpdeskSlaCompliance(t.deps.database.db, { ...range, now: at(13) })).toEqual({
      tickets: 3,
      firstResponse: { met: 1, breached: 2, pending: 0, share: 1 / 3 },
      resolution: { met: 1, breached: 0, pending: 2, share: 1 },
    });
    expect((await helpdeskSlaCompliance(t.deps.database.db, { from: at(5), to: at(24), now: at(13) })).tickets).toBe(0);
  });

  it("reports the month by type, priority, user group and channel with mean times", async () => {
    t.clock.set(at(5));
    const r = await head.get<Record<string, unknown>>("/api/v1/helpdesk/reports/monthly?month=2026-11");
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      month: "2026-11",
      timeZone: "WIB",
      from: "2026-10-31T17:00:00.000Z",
      to: "2026-11-30T17:00:00.000Z",
      total: 3,
      byType: { incident: 1, problem: 0, request: 2 },
      byPriority: { P1: 1, P2: 0, P3: 1, P4: 1 },
      byUserGroup: { committee: 1, vendor: 2, ppk: 0, auditor: 0, public: 0, other: 0 },
      byChannel: { web: 2, email: 0, phone: 1, walk_in: 0 },
      technical: 1,
      escalated: 1,
      meanFirstResponseMinutes: 90,
      meanResolutionMinutes: 180,
      compliance: { tickets: 3, firstResponse: { met: 1, breached: 1, pending: 1 }, resolution: { met: 1, breached: 0, pending: 2 } },
    });
    expect((await head.get<{ total: number }>("/api/v1/helpdesk/reports/monthly?month=2026-10")).body.total).toBe(0);
    expectProblem(await head.get("/api/v1/helpdesk/reports/monthly?month=2026-13"), 400, "VALIDATION_FAILED", "query.month");
    expectProblem(await vendor.get("/api/v1/helpdesk/reports/monthly?month=2026-11"), 403, "FORBIDDEN");
  });

  it("keeps SLA targets as settings: defaults, changed by the administrator, used by new tickets", async () => {
    const sla = await helpdesk.get<Record<string, { firstResponseHours: number; resolutionHours: number }>>("/api/v1/helpdesk/sla");
    expect(sla.body.P3).toEqual({ firstResponseHours: 8, resolutionHours: 72 });
    const next = { ...sla.body, P3: { firstResponseHours: 2, resolutionHours: 16 } };
    expectProblem(await helpdesk.put("/api/v1/helpdesk/sla", next), 403, "FORBIDDEN");
    expectProblem(await admin.put("/api/v1/helpdesk/sla", { ...next, P3: { firstResponseHours: 0, resolutionHours: 16 } }), 400, "VALIDATION_FAILED", "body.P3.firstResponseHours");
    expect((await admin.put("/api/v1/helpdesk/sla", next)).status).toBe(200);
    const filed = await anonymous.post<{ id: string }>("/api/v1/helpdesk/public/tickets", { name: "Warga", email: "warga@contoh.test", subject: "Cara melihat pengumuman", description: "Di mana saya melihat pengumuman pemenang?", userGroup: "public" });
    const ticket = await helpdesk.get<Ticket>(`/api/v1/helpdesk/tickets/${filed.body.id}`);
    expect(ticket.body.sla.firstResponse.dueAt).toBe(at(7).toISOString());
    expect(ticket.body.sla.resolution.dueAt).toBe(at(21).toISOString());
  });

  it("refuses bad public input naming the field, and changes nothing", async () => {
    const before = await t.deps.eventLog.size();
    const client = t.client();
    expectProblem(await client.post("/api/v1/helpdesk/public/tickets", { name: "S", email: "bukan-email", subject: "Hal", description: "pendek", userGroup: "vendor" }), 400, "VALIDATION_FAILED", "body.email");
    expectProblem(await client.post("/api/v1/helpdesk/public/tickets", { name: "Sari", email: "s@contoh.test", subject: "Subjek cukup panjang", description: "Deskripsi yang cukup panjang.", userGroup: "presiden" }), 400, "VALIDATION_FAILED", "body.userGroup");
    expectProblem(await client.post("/api/v1/helpdesk/public/track", { code: "HD-1", email: "s@contoh.test" }), 400, "VALIDATION_FAILED", "body.code");
    expectProblem(await helpdesk.post(`/api/v1/helpdesk/tickets/${ids.b}/status`, { status: "closed" }), 409, "CONFLICT");
    expect(await t.deps.eventLog.size()).toBe(before);
  });

  it("lets the submitter reply by code and email; a ticket waiting for it goes back in progress", async () => {
    const c = await helpdesk.post<Ticket>(`/api/v1/helpdesk/tickets/${ids.c}/status`, { status: "waiting_for_user" });
    expect(c.body.status).toBe("waiting_for_user");
    const code = (await vendor.get<{ items: Tracked[] }>("/api/v1/helpdesk/my-tickets")).body.items[0]?.code ?? "";
    const reply = await t.client().post<Tracked>("/api/v1/helpdesk/public/replies", { code, email: vendorUser.email, body: "Sudah saya lengkapi akta perusahaan." });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body.status).toBe("in_progress");
    expect(reply.body.replies.at(-1)).toMatchObject({ fromStaff: false, body: "Sudah saya lengkapi akta perusahaan." });
  });
});

describe("knowledge base (FAQ)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("publishes articles for everyone, keeps drafts for staff, and searches title and body", async () => {
    const staff = await loginAs(t, await buildUser(t, "helpdesk"));
    const vendor = await loginAs(t, await buildVendor(t));
    const published = await staff.post<{ id: string; publishedAt: string | null }>("/api/v1/helpdesk/articles", { title: "Cara mengunggah penawaran", body: "Gunakan Chromium terbaru; unggahan dapat dilanjutkan bila terputus.", category: "Penawaran", status: "published" });
    expect(published.status, published.text).toBe(201);
    expect(published.body.publishedAt).toBe(t.clock.now().toISOString());
    const draft = await staff.post<{ id: string }>("/api/v1/helpdesk/articles", { title: "Mengubah data perusahaan", body: "Draf: langkah-langkah mengubah profil.", category: "Akun", status: "draft" });
    const anonymous = t.client();
    const list = await anonymous.get<{ items: { title: string }[] }>("/api/v1/helpdesk/articles");
    expect(list.body.items.map((a) => a.title)).toEqual(["Cara mengunggah penawaran"]);
    expect((await anonymous.get<{ items: unknown[] }>("/api/v1/helpdesk/articles?q=chromium")).body.items).toHaveLength(1);
    expect((await anonymous.get<{ items: unknown[] }>("/api/v1/helpdesk/articles?q=tidak-ada")).body.items).toHaveLength(0);
    expectProblem(await anonymous.get(`/api/v1/helpdesk/articles/${draft.body.id}`), 404, "NOT_FOUND");
    expect((await staff.get(`/api/v1/helpdesk/articles/${draft.body.id}`)).status).toBe(200);
    expect((await staff.get<{ items: unknown[] }>("/api/v1/helpdesk/articles?drafts=true")).body.items).toHaveLength(2);
    expectProblem(await vendor.get("/api/v1/helpdesk/articles?drafts=true"), 403, "FORBIDDEN");
    expectProblem(await vendor.post("/api/v1/helpdesk/articles", { title: "Artikel penyedia", body: "Isi yang cukup panjang.", category: "Umum", status: "published" }), 403, "FORBIDDEN");
    expectProblem(await anonymous.post("/api/v1/helpdesk/articles", { title: "Artikel anonim", body: "Isi yang cukup panjang.", category: "Umum", status: "published" }), 401, "UNAUTHENTICATED");
    const unpublished = await staff.put<{ status: string; publishedAt: string | null }>(`/api/v1/helpdesk/articles/${published.body.id}`, { title: "Cara mengunggah penawaran", body: "Diperbarui.", category: "Penawaran", status: "draft" });
    expect(unpublished.body).toMatchObject({ status: "draft", publishedAt: null });
    expect((await anonymous.get<{ items: unknown[] }>("/api/v1/helpdesk/articles")).body.items).toHaveLength(0);
  });
});

describe("automatic escalation past the resolution due time", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: T0 });
  });
  afterAll(() => t.close());

  it("escalates open, unescalated tickets to the LPSE administrator once, and leaves the others", async () => {
    const adminUser = await buildUser(t, "admin_ppe", { name: "Budi Admin" });
    const staff = await loginAs(t, await buildUser(t, "helpdesk"));
    t.clock.set(T0);
    const file = async (subject: string) =>
      (await t.client().post<{ id: string }>("/api/v1/helpdesk/public/tickets", { name: "Sari", email: "sari@contoh.test", subject, description: "Uraian yang cukup panjang.", userGroup: "vendor" })).body.id;
    const late = await file("Tiket yang terlambat");
    const resolved = await file("Tiket yang sudah selesai");
    await staff.post(`/api/v1/helpdesk/tickets/${resolved}/status`, { status: "resolved", outcome: "Sudah dijawab lewat telepon." });
    t.clock.set(at(71));
    expect(await escalateOverdueTickets(t.deps)).toBe(0);
    // P3: 72 hours to resolve.
    t.clock.set(at(73));
    expect(await escalateOverdueTickets(t.deps)).toBe(1);
    expect(await escalateOverdueTickets(t.deps)).toBe(0);
    // A fresh login: the sessions of three days ago have expired.
    const admin = await loginAs(t, adminUser);
    const ticket = await admin.get<Ticket & { escalationReason: string }>(`/api/v1/helpdesk/tickets/${late}`);
    expect(ticket.body.escalatedTo?.id).toBe(adminUser.id);
    expect(ticket.body.escalationReason).toContain("Otomatis");
    const events = await t.deps.database.db.selectFrom("events").select(["type", "actor_id"]).where("subject_id", "=", late).execute();
    expect(events.at(-1)).toEqual({ type: "helpdesk.ticket_escalated", actor_id: null });
    expect((await admin.get<{ items: { title: { id: string } }[] }>("/api/v1/notifications")).body.items.map((n) => n.title.id)).toContain(`Eskalasi otomatis tiket ${ticket.body.code}`);
  });
});

describe("the submitter's view of its own ticket", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: T0 });
  });
  afterAll(() => t.close());

  it("names no officer and shows no assignment, escalation or internal note, as the tracking page", async () => {
    const officer = await buildUser(t, "helpdesk", { name: "Rina Helpdesk" });
    const headUser = await buildUser(t, "kepala_lpse", { name: "Kepala LPSE Uji" });
    const staff = await loginAs(t, officer);
    const vendorUser = await buildVendor(t);
    const vendor = await loginAs(t, vendorUser);
    const filed = await vendor.post<{ id: string }>("/api/v1/helpdesk/public/tickets", { name: "Direktur CV", email: vendorUser.email, subject: "Akun terkunci", description: "Akun terkunci setelah salah kata sandi.", userGroup: "vendor" });
    expect(filed.status, filed.text).toBe(201);
    const id = filed.body.id;
    await staff.post(`/api/v1/helpdesk/tickets/${id}/assignment`, { assigneeId: officer.id });
    await staff.post(`/api/v1/helpdesk/tickets/${id}/escalation`, { toUserId: headUser.id, reason: "Keluhan berulang dari penyedia ini" });
    await staff.post(`/api/v1/helpdesk/tickets/${id}/comments`, { body: "Catatan internal: cek log masuk", visibility: "internal" });
    await staff.post(`/api/v1/helpdesk/tickets/${id}/comments`, { body: "Kunci akun sudah kami buka.", visibility: "public" });

    const asStaff = await staff.get<Ticket & { escalationReason: string | null }>(`/api/v1/helpdesk/tickets/${id}`);
    expect(asStaff.body.assignee?.id).toBe(officer.id);
    expect(asStaff.body.escalationReason).toBe("Keluhan berulang dari penyedia ini");

    const own = await vendor.get<Omit<Ticket, "comments"> & { escalationReason: string | null; escalatedAt: string | null; comments: { authorName: string; body: string }[] }>(`/api/v1/helpdesk/tickets/${id}`);
    expect(own.status, own.text).toBe(200);
    expect(own.body).toMatchObject({ assignee: null, escalatedTo: null, escalationReason: null, escalatedAt: null });
    expect(own.body.comments.map((c) => [c.authorName, c.body])).toEqual([["Helpdesk", "Kunci akun sudah kami buka."]]);
    expect(own.text).not.toContain("Rina Helpdesk");
    expect(own.text).not.toContain("Kepala LPSE Uji");
  });
});
