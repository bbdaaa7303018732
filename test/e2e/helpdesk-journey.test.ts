import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/users/users.service.js";
import { launchBrowser } from "../support/browser.js";
import { fileTicketOnPublicPage, mailTo, resolveTicket, seeTicketResolved } from "../support/helpdesk-steps.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp.js";

const PASSWORD = "Helpdesk#Uji2026";
const VENDOR_EMAIL = "sari@cv-maju.test";
const SUBJECT = "Unggah penawaran berhenti di 90%";
const OUTCOME = "Batas ukuran unggahan dinaikkan; silakan unggah ulang penawaran Anda.";

/** A vendor files a ticket on the public Help page; the helpdesk assigns and resolves it; the vendor sees the outcome and gets the mail. */
describe("browser: helpdesk ticket from the public page to resolution", () => {
  let s: TestServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  const staff = { name: "Rina Helpdesk", email: "rina.helpdesk@lpse.test" };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    s = await startTestServer({ SMTP_URL: smtp.url });
    await createUser(s.server.runtime.deps.database.db, null, { name: staff.name, email: staff.email, role: "helpdesk", password: PASSWORD }, new Date());
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
    await smtp?.close();
  });

  it("files, handles and shows the resolved ticket, and mails the outcome", async () => {
    const vendorContext = await browser.newContext();
    const vendor = await vendorContext.newPage();
    vendor.setDefaultTimeout(15_000);
    const code = await fileTicketOnPublicPage(vendor, s.url, { name: "Sari Wulandari", email: VENDOR_EMAIL, subject: SUBJECT, description: "Setiap kali saya mengunggah dokumen penawaran, unggahan berhenti di 90%." });
    expect((await mailTo(smtp, VENDOR_EMAIL, code))?.text).toContain(`/bantuan?kode=${code}`);

    const staffContext = await browser.newContext();
    const desk = await staffContext.newPage();
    desk.setDefaultTimeout(15_000);
    await desk.goto(`${s.url}/login`);
    await desk.getByLabel("Email").fill(staff.email);
    await desk.getByLabel("Kata sandi").fill(PASSWORD);
    await desk.getByRole("button", { name: "Masuk" }).click();
    await desk.getByRole("link", { name: "Helpdesk", exact: true }).click();
    // The SLA timer of a fresh P3 ticket: first response due in 8 hours.
    await desk.getByText("sisa 7 j", { exact: false }).first().waitFor();
    await resolveTicket(desk, code, SUBJECT, staff.name, OUTCOME);
    await seeTicketResolved(vendor, s.url, code, VENDOR_EMAIL, OUTCOME);

    const resolvedMail = await mailTo(smtp, VENDOR_EMAIL, "selesai");
    expect(resolvedMail?.subject).toBe(`Tiket ${code} selesai / Ticket ${code} resolved`);
    expect(resolvedMail?.text).toContain(OUTCOME);
    await vendorContext.close();
    await staffContext.close();
  }, 120_000);
});
