import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildUser, loginAs, type TestUser } from "../../../test/support/factories.js";
import { deadSmtpUrl, startSmtpServer, type TestSmtpServer } from "../../../test/support/smtp.js";
import { CLAIM_TIMEOUT_MS, MAX_ATTEMPTS, MailWorker, type WorkerLog } from "./mail-worker.js";
import { findMail, updateMailIf } from "./mail-outbox.repository.js";
import { enqueueMail, notifyUser } from "./notifications.service.js";

const MINUTE = 60_000;
const MAIL_FROM = "LPSE Kota Uji <lpse@uji.test>";
const silent: WorkerLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe("mail worker with a real SMTP server", () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let user: TestUser;
  const workers: MailWorker[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    smtp = await startSmtpServer();
    user = await buildUser(t, "ppk");
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    smtp.received.length = 0;
    smtp.rejectWith = null;
    // Each test starts with an empty outbox, so no worker sends another test's mail.
    await t.deps.database.db.deleteFrom("mail_outbox").execute();
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  function worker(smtpUrl: string | undefined, log: WorkerLog = silent): MailWorker {
    const w = new MailWorker({ db: t.deps.database.db, clock: t.clock, smtpUrl, mailFrom: MAIL_FROM, pollIntervalMs: 20, log });
    workers.push(w);
    return w;
  }

  function queue(to: string, subject = "Uji / Test") {
    return t.deps.database.db.transaction().execute((trx) => enqueueMail(trx, { to, subject, text: "Isi / Body" }, t.clock.now()));
  }

  async function mail(id: string) {
    const row = await findMail(t.deps.database.db, id);
    if (!row) throw new Error(`no mail ${id}`);
    return row;
  }

  it("delivers a notification by mail: recipient, bilingual subject, both bodies and the full link", async () => {
    const { notificationId, mailId } = await t.deps.database.db.transaction().execute((trx) =>
      notifyUser(
        trx,
        {
          userId: user.id,
          kind: "tender.addendum",
          title: { id: "Adendum dokumen pemilihan", en: "Tender document addendum" },
          body: { id: "Pokja menerbitkan adendum — jadwal pemasukan penawaran diundur.", en: "The committee issued an addendum — the bid deadline moved." },
          link: "/app/tenders/7d0a6a3e",
          email: true,
        },
        t.clock.now(),
        { publicUrl: "https://lpse.madiunkota.go.id" },
      ),
    );
    expect(mailId).not.toBeNull();
    const w = worker(smtp.url);
    expect(await w.runOnce()).toEqual({ sent: 1, failed: 0, released: 0 });

    expect(smtp.received).toHaveLength(1);
    const received = smtp.received[0];
    expect(received?.to).toEqual([user.email]);
    expect(received?.from).toBe("lpse@uji.test");
    expect(received?.subject).toBe("Adendum dokumen pemilihan / Tender document addendum");
    const text = received?.text ?? "";
    const idAt = text.indexOf("Pokja menerbitkan adendum — jadwal pemasukan penawaran diundur.");
    const enAt = text.indexOf("The committee issued an addendum — the bid deadline moved.");
    const linkAt = text.indexOf("https://lpse.madiunkota.go.id/app/tenders/7d0a6a3e");
    expect(idAt, text).toBeGreaterThanOrEqual(0);
    expect(enAt, "English after Indonesian").toBeGreaterThan(idAt);
    expect(linkAt, "the link last").toBeGreaterThan(enAt);

    const row = await mail(mailId ?? "");
    expect(row).toMatchObject({ status: "sent", attempts: 0, sent_at: t.clock.now().toISOString(), last_error: null });
    const inbox = await t.deps.database.db.selectFrom("notifications").selectAll().where("id", "=", notificationId).executeTakeFirst();
    expect(inbox?.user_id).toBe(user.id);
    expect(await w.runOnce(), "sent once only").toEqual({ sent: 0, failed: 0, released: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("backs off after a refusal and delivers once the server accepts", async () => {
    const id = await queue("penyedia.a@uji.test");
    const w = worker(smtp.url);
    smtp.rejectWith = { code: 451, message: "Kotak surat sibuk, coba lagi" };

    expect(await w.runOnce()).toMatchObject({ sent: 0, failed: 1 });
    let row = await mail(id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, sent_at: null });
    expect(row.last_error).toContain("451");
    expect(row.next_attempt_at).toBe(new Date(t.clock.now().getTime() + MINUTE).toISOString());

    t.clock.advance(MINUTE - 1000);
    expect(await w.runOnce(), "not due yet").toEqual({ sent: 0, failed: 0, released: 0 });
    t.clock.advance(1000);
    expect(await w.runOnce()).toMatchObject({ failed: 1 });
    row = await mail(id);
    expect(row.attempts).toBe(2);
    expect(row.next_attempt_at).toBe(new Date(t.clock.now().getTime() + 2 * MINUTE).toISOString());

    smtp.rejectWith = null;
    t.clock.advance(2 * MINUTE);
    expect(await w.runOnce()).toMatchObject({ sent: 1, failed: 0 });
    expect(await mail(id)).toMatchObject({ status: "sent", attempts: 2, sent_at: t.clock.now().toISOString() });
    expect(smtp.received.map((m) => m.to)).toEqual([["penyedia.a@uji.test"]]);
  });

  it("gives up after 8 attempts; the administrator sees the failure and re-queues it", async () => {
    const id = await queue("penyedia.b@uji.test", "Gagal terus / Keeps failing");
    const dead = worker(await deadSmtpUrl());
    const expectedDelays = [1, 2, 4, 8, 16, 32, 60].map((m) => m * MINUTE); // doubling, capped at 1 h
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await dead.runOnce(), `attempt ${attempt}`).toMatchObject({ failed: 1 });
      const row = await mail(id);
      expect(row.attempts).toBe(attempt);
      expect(row.last_error).toContain("ECONNREFUSED");
      if (attempt === MAX_ATTEMPTS) {
        expect(row.status).toBe("failed");
      } else {
        const delay = expectedDelays[attempt - 1] ?? 0;
        expect(row.status).toBe("pending");
        expect(row.next_attempt_at).toBe(new Date(t.clock.now().getTime() + delay).toISOString());
        t.clock.advance(delay);
      }
    }
    t.clock.advance(24 * 60 * MINUTE);
    expect(await dead.runOnce(), "a failed mail is not retried by itself").toEqual({ sent: 0, failed: 0, released: 0 });

    const admin = await loginAs(t, await buildUser(t, "admin_ppe"));
    const failed = await admin.get<{ items: { id: string; status: string; attempts: number; lastError: string }[] }>("/api/v1/admin/mail-outbox?status=failed");
    expect(failed.status, failed.text).toBe(200);
    expect(failed.body.items).toHaveLength(1);
    expect(failed.body.items[0]).toMatchObject({ id, status: "failed", attempts: MAX_ATTEMPTS });
    expect(failed.body.items[0]?.lastError).toContain("ECONNREFUSED");

    const sizeBefore = await t.deps.eventLog.size();
    const retried = await admin.post<{ status: string; attempts: number; nextAttemptAt: string }>(`/api/v1/admin/mail-outbox/${id}/retry`);
    expect(retried.status, retried.text).toBe(200);
    expect(retried.body).toMatchObject({ status: "pending", attempts: 0, nextAttemptAt: t.clock.now().toISOString() });
    expect(await t.deps.eventLog.size(), "delivery state is not logged").toBe(sizeBefore);

    expect(await worker(smtp.url).runOnce()).toMatchObject({ sent: 1 });
    expect(smtp.received.map((m) => m.subject)).toEqual(["Gagal terus / Keeps failing"]);
  });

  it("creates no inbox row and sends no mail when the surrounding transaction rolls back", async () => {
    const db = t.deps.database.db;
    const before = await db.selectFrom("notifications").select("id").where("user_id", "=", user.id).execute();
    await expect(
      db.transaction().execute(async (trx) => {
        await notifyUser(trx, { userId: user.id, kind: "tender.cancelled", title: { id: "Batal", en: "Cancelled" }, body: { id: "Batal.", en: "Cancelled." }, email: true }, t.clock.now(), {
          publicUrl: t.deps.config.publicUrl,
        });
        await enqueueMail(trx, { to: "tidak.pernah@uji.test", subject: "Tidak / Never", text: "x" }, t.clock.now());
        throw new Error("the business change failed");
      }),
    ).rejects.toThrow("the business change failed");

    expect(await db.selectFrom("notifications").select("id").where("user_id", "=", user.id).execute()).toEqual(before);
    expect(await db.selectFrom("mail_outbox").select("id").where("to_address", "in", [user.email, "tidak.pernah@uji.test"]).where("status", "!=", "sent").execute()).toEqual([]);
    expect(await worker(smtp.url).runOnce()).toEqual({ sent: 0, failed: 0, released: 0 });
    expect(smtp.received).toEqual([]);
  });

  it("never sends a mail twice when two workers poll the same outbox", async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => queue(`penyedia.${n}@uji.test`)));
    const [a, b] = await Promise.all([worker(smtp.url).runOnce(), worker(smtp.url).runOnce()]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(ids.length);
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `penyedia.${n}@uji.test`).sort());
  });

  it("does not claim a row that another process has already tried and rescheduled", async () => {
    const id = await queue("penyedia.g@uji.test");
    const due = t.clock.now().toISOString(); // what a slower process saw when it listed due rows
    expect(await worker(await deadSmtpUrl()).runOnce()).toMatchObject({ failed: 1 });
    expect(await updateMailIf(t.deps.database.db, id, { status: "pending", dueBy: due }, { status: "sending" }), "the retry is not due yet").toBe(false);
    expect(await mail(id)).toMatchObject({ status: "pending", attempts: 1 });
  });

  it("releases the claim of a process that stopped while sending", async () => {
    const id = await queue("penyedia.c@uji.test");
    // What a crashed process leaves behind: claimed, never finished.
    const claimExpires = new Date(t.clock.now().getTime() + CLAIM_TIMEOUT_MS).toISOString();
    await t.deps.database.db.updateTable("mail_outbox").set({ status: "sending", next_attempt_at: claimExpires }).where("id", "=", id).execute();
    const w = worker(smtp.url);
    expect(await w.runOnce(), "the claim is still valid").toEqual({ sent: 0, failed: 0, released: 0 });
    t.clock.advance(CLAIM_TIMEOUT_MS + 1);
    expect(await w.runOnce()).toMatchObject({ released: 1, sent: 0 });
    expect(await mail(id)).toMatchObject({ status: "pending", attempts: 1 });
    expect((await mail(id)).last_error).toContain("interrupted");
    t.clock.advance(MINUTE);
    expect(await w.runOnce()).toMatchObject({ sent: 1 });
  });

  it("without SMTP_URL sends nothing, keeps mail pending and warns once", async () => {
    const warnings: string[] = [];
    const w = worker(undefined, { ...silent, warn: (_obj, msg) => warnings.push(msg) });
    w.start();
    const id = await queue("penyedia.d@uji.test");
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, released: 0 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await mail(id)).status).toBe("pending");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("SMTP_URL");
  });

  it("polls by itself once started, and stops", async () => {
    const w = worker(smtp.url);
    w.start();
    const id = await queue("penyedia.e@uji.test");
    // The SMTP server has the message a moment before the worker records it as sent: wait for the record.
    for (let i = 0; i < 100 && (await mail(id)).status !== "sent"; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await mail(id)).status).toBe("sent");
    expect(smtp.received.map((m) => m.to)).toEqual([["penyedia.e@uji.test"]]);
    await w.stop();
    const later = await queue("penyedia.f@uji.test");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await mail(later)).status).toBe("pending");
  });
});
