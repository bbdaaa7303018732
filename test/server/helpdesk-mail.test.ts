import nodemailer, { type Transporter } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp.js";
import { startTestServer, type TestServer } from "../support/server.js";

const HELPDESK = "helpdesk@lpse.madiun.test";
const SENDER = "slamet@cv-maju.test";

/** Incoming helpdesk mail through the SMTP listener the service runs, sent by a real SMTP client. */
describe("helpdesk mail intake over SMTP", () => {
  let outgoing: TestSmtpServer;
  let s: TestServer;
  let transport: Transporter;

  beforeAll(async () => {
    outgoing = await startSmtpServer();
    s = await startTestServer({ SMTP_URL: outgoing.url, MAIL_POLL_SECONDS: "1", HELPDESK_SMTP_PORT: "0", HELPDESK_MAIL_ADDRESS: HELPDESK, HELPDESK_MAIL_MAX_BYTES: "65536" });
    transport = nodemailer.createTransport({ host: "127.0.0.1", port: s.server.helpdeskSmtpPort ?? 0, secure: false, ignoreTLS: true });
  }, 60_000);
  afterAll(async () => {
    transport?.close();
    await s?.close();
    await outgoing?.close();
  });

  const db = () => s.server.runtime.deps.database.db;
  const ticketsFrom = (email: string) => db().selectFrom("helpdesk_tickets").selectAll().where("submitter_email", "=", email).orderBy("created_at").execute();

  it("files a ticket on the email channel from an HTML message and mails the submitter its code", async () => {
    const info = await transport.sendMail({
      from: `"Slamet Riyadi" <${SENDER}>`,
      to: HELPDESK,
      subject: "Tidak bisa mengunggah dokumen penawaran",
      html: "<p>Selamat siang,</p><p>Unggahan <b>dokumen penawaran</b> gagal terus sejak pagi.</p>",
      attachments: [{ filename: "tangkapan-layar.png", content: Buffer.alloc(2048, 1) }],
    });
    expect(info.response).toMatch(/^250 .*Accepted as HD-/);
    const [ticket] = await ticketsFrom(SENDER);
    expect(ticket).toMatchObject({ channel: "email", submitter_name: "Slamet Riyadi", subject: "Tidak bisa mengunggah dokumen penawaran", status: "new", submitter_user_id: null });
    expect(ticket?.description).toContain("Unggahan dokumen penawaran gagal terus sejak pagi.");
    expect(ticket?.description).not.toContain("<b>");
    expect(ticket?.description).toContain("tangkapan-layar.png (2 KB)");
    await expect.poll(() => outgoing.received.filter((m) => m.to.includes(SENDER)).length, { timeout: 15_000 }).toBe(1);
    const mail = outgoing.received.find((m) => m.to.includes(SENDER));
    expect(mail?.subject).toContain(ticket?.code as string);
  });

  it("adds a reply carrying the tracking code from the same sender as a public comment; another sender gets a new ticket", async () => {
    const [ticket] = await ticketsFrom(SENDER);
    const code = ticket?.code as string;
    await transport.sendMail({ from: SENDER, to: HELPDESK, subject: `Re: [${code}] Tidak bisa mengunggah dokumen penawaran`, text: "Sudah saya coba dengan peramban lain, tetap gagal." });
    const comments = await db().selectFrom("helpdesk_comments").selectAll().where("ticket_id", "=", ticket?.id as string).execute();
    expect(comments).toEqual([expect.objectContaining({ from_staff: 0, visibility: "public", author_name: "Slamet Riyadi", body: "Sudah saya coba dengan peramban lain, tetap gagal." })]);
    expect(await ticketsFrom(SENDER)).toHaveLength(1);

    await transport.sendMail({ from: "orang.lain@contoh.test", to: HELPDESK, subject: `Re: [${code}] Tidak bisa mengunggah`, text: "Saya juga mengalami hal yang sama." });
    const other = await ticketsFrom("orang.lain@contoh.test");
    expect(other).toHaveLength(1);
    expect(other[0]?.code).not.toBe(code);
    expect(await db().selectFrom("helpdesk_comments").select("id").where("ticket_id", "=", ticket?.id as string).execute()).toHaveLength(1);
  });

  it("refuses other recipients, messages over the size limit and messages without a sender, storing nothing", async () => {
    const before = (await db().selectFrom("helpdesk_tickets").select("id").execute()).length;
    await expect(transport.sendMail({ from: SENDER, to: "kepala@lpse.madiun.test", subject: "Salah alamat", text: "Ini bukan untuk helpdesk." })).rejects.toMatchObject({ responseCode: 550 });
    await expect(transport.sendMail({ from: SENDER, to: HELPDESK, subject: "Berkas besar", text: "x".repeat(70_000) })).rejects.toMatchObject({ responseCode: 552 });
    await expect(
      transport.sendMail({ envelope: { from: SENDER, to: [HELPDESK] }, raw: "Subject: Tanpa pengirim\r\n\r\nIsi pesan tanpa alamat pengirim.\r\n" }),
    ).rejects.toMatchObject({ responseCode: 554 });
    expect((await db().selectFrom("helpdesk_tickets").select("id").execute()).length).toBe(before);
  });
});
