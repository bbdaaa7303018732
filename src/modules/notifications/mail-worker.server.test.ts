import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.js";
import { startSmtpServer, type TestSmtpServer } from "../../../test/support/smtp.js";
import { findMail } from "./mail-outbox.repository.js";
import { enqueueMail } from "./notifications.service.js";

describe("the mail worker in a running server", () => {
  let smtp: TestSmtpServer;
  let s: TestServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    s = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_SECONDS: "1", MAIL_FROM: "LPSE Uji <lpse@uji.test>" });
  });
  afterAll(async () => {
    await s.close();
    await smtp.close();
  });

  it("is started by startServer and delivers queued mail by itself", async () => {
    const { db } = s.server.runtime.deps.database;
    const id = await db.transaction().execute((trx) => enqueueMail(trx, { to: "penyedia@uji.test", subject: "Konfirmasi / Confirmation", text: "Halo / Hello" }, new Date()));
    // Poll (bounded) rather than sleep a fixed time: the worker runs every second.
    for (let i = 0; i < 50 && (await findMail(db, id))?.status !== "sent"; i++) await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await findMail(db, id))?.status).toBe("sent");
    expect(smtp.received.map((m) => [m.to, m.subject])).toEqual([[["penyedia@uji.test"], "Konfirmasi / Confirmation"]]);
  });
});
