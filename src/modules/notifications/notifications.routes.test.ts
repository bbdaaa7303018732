import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildUser, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { enqueueMail, type NewNotification, notifyUser } from "./notifications.service.js";

interface Item {
  id: string;
  kind: string;
  title: { id: string; en: string };
  body: { id: string; en: string };
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
interface Inbox {
  items: Item[];
  unreadCount: number;
}
interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  status: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

const UNKNOWN_ID = "5b1f2a7e-8c3d-4e9f-a0b1-c2d3e4f5a6b7";

describe("notification inbox and mail outbox routes", () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, "admin_ppe");
  });
  afterAll(() => t.close());

  async function notify(userId: string, overrides: Partial<NewNotification> = {}) {
    const input: NewNotification = {
      userId,
      kind: "tender.addendum",
      title: { id: "Adendum dokumen pemilihan", en: "Tender document addendum" },
      body: { id: "Pokja menerbitkan adendum.", en: "The committee issued an addendum." },
      link: "/app/tenders/1",
      ...overrides,
    };
    const created = await t.deps.database.db.transaction().execute((trx) => notifyUser(trx, input, t.clock.now(), { publicUrl: t.deps.config.publicUrl }));
    t.clock.advance(1000); // distinct times, so "newest first" is observable
    return created.notificationId;
  }

  it("walks 401 → 400 → 404 → 200 for the inbox; a user sees and marks only their own", async () => {
    const vendor = await buildUser(t, "vendor");
    const other = await buildUser(t, "ppk");
    const first = await notify(vendor.id, { kind: "vendor.verified", link: undefined });
    const second = await notify(vendor.id);
    const foreign = await notify(other.id);

    expectProblem(await t.client().get("/api/v1/notifications"), 401, "UNAUTHENTICATED");
    expectProblem(await t.client().post(`/api/v1/notifications/${first}/read`), 401, "UNAUTHENTICATED");
    expectProblem(await t.client().post("/api/v1/notifications/read-all"), 401, "UNAUTHENTICATED");

    const client = await loginAs(t, vendor);
    expectProblem(await client.get("/api/v1/notifications?limit=0"), 400, "VALIDATION_FAILED", "query.limit");
    expectProblem(await client.get("/api/v1/notifications?limit=1000"), 400, "VALIDATION_FAILED", "query.limit");
    expectProblem(await client.get("/api/v1/notifications?unread=maybe"), 400, "VALIDATION_FAILED", "query.unread");
    expectProblem(await client.get("/api/v1/notifications?before=latest"), 400, "VALIDATION_FAILED", "query.before");
    expectProblem(await client.get("/api/v1/notifications?sort=old"), 400, "VALIDATION_FAILED", "query.sort");
    expectProblem(await client.post("/api/v1/notifications/not-a-uuid/read"), 400, "VALIDATION_FAILED", "params.notificationId");

    // Another user's notification is not acknowledged to exist, neither to read nor as a cursor.
    expectProblem(await client.post(`/api/v1/notifications/${foreign}/read`), 404, "NOT_FOUND");
    expectProblem(await client.post(`/api/v1/notifications/${UNKNOWN_ID}/read`), 404, "NOT_FOUND");
    expectProblem(await client.get(`/api/v1/notifications?before=${foreign}`), 400, "VALIDATION_FAILED", "query.before");

    const inbox = await client.get<Inbox>("/api/v1/notifications");
    expect(inbox.status, inbox.text).toBe(200);
    expect(inbox.body.items.map((i) => i.id)).toEqual([second, first]);
    expect(inbox.body.unreadCount).toBe(2);
    expect(inbox.body.items[0]).toMatchObject({
      kind: "tender.addendum",
      title: { id: "Adendum dokumen pemilihan", en: "Tender document addendum" },
      body: { id: "Pokja menerbitkan adendum.", en: "The committee issued an addendum." },
      link: "/app/tenders/1",
      readAt: null,
    });
    expect(inbox.body.items[1]?.link).toBeNull();

    const readAt = t.clock.now().toISOString();
    const read = await client.post<Item>(`/api/v1/notifications/${first}/read`);
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ id: first, readAt });
    t.clock.advance(60_000);
    const again = await client.post<Item>(`/api/v1/notifications/${first}/read`);
    expect(again.body.readAt, "marking twice keeps the first read time").toBe(readAt);

    const unread = await client.get<Inbox>("/api/v1/notifications?unread=true");
    expect(unread.body.items.map((i) => i.id)).toEqual([second]);
    expect(unread.body.unreadCount).toBe(1);

    // The other user's notification is untouched.
    const otherInbox = await (await loginAs(t, other)).get<Inbox>("/api/v1/notifications");
    expect(otherInbox.body.items.map((i) => [i.id, i.readAt])).toEqual([[foreign, null]]);
  });

  it("pages with limit and before, and marks everything read at once", async () => {
    const user = await buildUser(t, "auditor");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await notify(user.id, { title: { id: `Pemberitahuan ${i}`, en: `Notice ${i}` } }));
    const newestFirst = [...ids].reverse();
    const client = await loginAs(t, user);

    const page1 = await client.get<Inbox>("/api/v1/notifications?limit=2");
    expect(page1.body.items.map((i) => i.id)).toEqual(newestFirst.slice(0, 2));
    const page2 = await client.get<Inbox>(`/api/v1/notifications?limit=2&before=${page1.body.items[1]?.id}`);
    expect(page2.body.items.map((i) => i.id)).toEqual(newestFirst.slice(2, 4));
    const page3 = await client.get<Inbox>(`/api/v1/notifications?limit=2&before=${page2.body.items[1]?.id}`);
    expect(page3.body.items.map((i) => i.id)).toEqual(newestFirst.slice(4));
    expect(page3.body.unreadCount).toBe(5);

    const sizeBefore = await t.deps.eventLog.size();
    const all = await client.post<{ updated: number }>("/api/v1/notifications/read-all");
    expect(all.status, all.text).toBe(200);
    expect(all.body).toEqual({ updated: 5 });
    expect((await client.post<{ updated: number }>("/api/v1/notifications/read-all")).body).toEqual({ updated: 0 });
    expect((await client.get<Inbox>("/api/v1/notifications")).body.unreadCount).toBe(0);
    // Read markers are operational state: the event log does not grow.
    expect(await t.deps.eventLog.size()).toBe(sizeBefore);
  });

  it("walks 401 → 400 → 403 → 200 for the mail outbox, Admin PPE only", async () => {
    const recipient = await buildUser(t, "pokja");
    await notify(recipient.id, { email: true });
    const pending = await t.deps.database.db
      .transaction()
      .execute((trx) => enqueueMail(trx, { to: "calon.penyedia@uji.test", subject: "Konfirmasi email / Confirm your email", text: "Kode rahasia" }, t.clock.now()));

    expectProblem(await t.client().get("/api/v1/admin/mail-outbox"), 401, "UNAUTHENTICATED");
    const client = await loginAs(t, admin);
    expectProblem(await client.get("/api/v1/admin/mail-outbox?status=lost"), 400, "VALIDATION_FAILED", "query.status");
    for (const role of ["ppk", "helpdesk", "vendor"] as const) {
      const other = await loginAs(t, await buildUser(t, role));
      expectProblem(await other.get("/api/v1/admin/mail-outbox"), 403, "FORBIDDEN");
      expectProblem(await other.post(`/api/v1/admin/mail-outbox/${pending}/retry`), 403, "FORBIDDEN");
    }

    const list = await client.get<{ items: OutboxItem[] }>("/api/v1/admin/mail-outbox?status=pending");
    expect(list.status, list.text).toBe(200);
    expect(list.body.items[0]).toMatchObject({ id: pending, to: "calon.penyedia@uji.test", status: "pending", attempts: 0, lastError: null, sentAt: null });
    expect(list.body.items[1]).toMatchObject({ to: recipient.email, subject: "Adendum dokumen pemilihan / Tender document addendum", status: "pending" });
    expect(list.text, "the body may carry one-time codes and is not shown").not.toContain("Kode rahasia");
    expect((await client.get<{ items: OutboxItem[] }>("/api/v1/admin/mail-outbox?status=failed")).body.items).toEqual([]);

    expectProblem(await t.client().post(`/api/v1/admin/mail-outbox/${pending}/retry`), 401, "UNAUTHENTICATED");
    expectProblem(await client.post("/api/v1/admin/mail-outbox/42/retry"), 400, "VALIDATION_FAILED", "params.mailId");
    expectProblem(await client.post(`/api/v1/admin/mail-outbox/${UNKNOWN_ID}/retry`), 404, "NOT_FOUND");
    t.clock.advance(5000);
    const retried = await client.post<OutboxItem>(`/api/v1/admin/mail-outbox/${pending}/retry`);
    expect(retried.status, retried.text).toBe(200);
    expect(retried.body).toMatchObject({ id: pending, status: "pending", attempts: 0, nextAttemptAt: t.clock.now().toISOString() });

    await t.deps.database.db.updateTable("mail_outbox").set({ status: "sent", sent_at: t.clock.now().toISOString() }).where("id", "=", pending).execute();
    const sent = expectProblem(await client.post(`/api/v1/admin/mail-outbox/${pending}/retry`), 409, "CONFLICT");
    expect(sent.messages.en).toContain("sent");
  });
});
