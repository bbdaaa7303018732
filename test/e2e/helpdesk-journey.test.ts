import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/users/users.service.js";
import { launchBrowser } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp.js";

const PASSWORD = "Helpdesk#Uji2026";
const VENDOR_EMAIL = "sari@cv-maju.test";
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

  async function mailTo(address: string, subjectPart: string) {
    await expect.poll(() => smtp.received.some((m) => m.to.includes(address) && m.subject.includes(subjectPart)), { timeout: 20_000, interval: 200 }).toBe(true);
    return smtp.received.find((m) => m.to.includes(address) && m.subject.includes(subjectPart));
  }

  it("files, handles and shows the resolved ticket, and mails the outcome", async () => {
    const vendorContext = await browser.newContext();
    const vendor = await vendorContext.newPage();
    vendor.setDefaultTimeout(15_000);
    await vendor.goto(s.url);
    await vendor.getByRole("link", { name: "Bantuan dan Helpdesk" }).click();
    await vendor.getByRole("heading", { name: "Kirim pertanyaan atau laporan" }).waitFor();
    await vendor.getByLabel("Nama", { exact: true }).fill("Sari Wulandari");
    await vendor.getByRole("textbox", { name: "Email", exact: true }).fill(VENDOR_EMAIL);
    await vendor.getByLabel("Kelompok pengguna").selectOption("vendor");
    await vendor.getByLabel("Subjek").fill("Unggah penawaran berhenti di 90%");
    await vendor.getByLabel("Uraian").fill("Setiap kali saya mengunggah dokumen penawaran, unggahan berhenti di 90%.");
    await vendor.getByRole("button", { name: "Kirim tiket" }).click();
    const confirmation = vendor.getByRole("status").filter({ hasText: "Kode pelacakan" });
    await confirmation.waitFor();
    const code = /HD-[2-9A-Z]{8}/.exec((await confirmation.textContent()) ?? "")?.[0] ?? "";
    expect(code).not.toBe("");
    expect((await mailTo(VENDOR_EMAIL, code))?.text).toContain(`/bantuan?kode=${code}`);

    const staffContext = await browser.newContext();
    const desk = await staffContext.newPage();
    desk.setDefaultTimeout(15_000);
    await desk.goto(`${s.url}/login`);
    await desk.getByLabel("Email").fill(staff.email);
    await desk.getByLabel("Kata sandi").fill(PASSWORD);
    await desk.getByRole("button", { name: "Masuk" }).click();
    await desk.getByRole("link", { name: "Helpdesk", exact: true }).click();
    await desk.getByRole("heading", { name: "Tiket Helpdesk" }).waitFor();
    await desk.getByText("sisa 7 j", { exact: false }).first().waitFor();
    await desk.getByRole("link", { name: code }).click();
    await desk.getByRole("heading", { name: "Unggah penawaran berhenti di 90%" }).waitFor();
    await desk.getByLabel("Petugas").selectOption({ label: staff.name });
    await desk.getByRole("button", { name: "Tugaskan" }).click();
    await desk.getByText("Ditugaskan", { exact: true }).first().waitFor();
    await desk.getByLabel("Status baru").selectOption("resolved");
    await desk.getByLabel("Hasil penyelesaian").fill(OUTCOME);
    await desk.getByRole("button", { name: "Ubah status" }).click();
    await desk.getByText("terpenuhi").first().waitFor();

    await vendor.goto(`${s.url}/bantuan?kode=${code}`);
    await expect.poll(() => vendor.getByLabel("Kode tiket").inputValue()).toBe(code);
    await vendor.getByLabel("Email pelapor").fill(VENDOR_EMAIL);
    await vendor.getByRole("button", { name: "Lacak" }).click();
    const tracked = vendor.getByLabel(code);
    await tracked.getByText("Selesai", { exact: true }).waitFor();
    await tracked.getByText(OUTCOME).waitFor();

    const resolvedMail = await mailTo(VENDOR_EMAIL, "selesai");
    expect(resolvedMail?.subject).toBe(`Tiket ${code} selesai / Ticket ${code} resolved`);
    expect(resolvedMail?.text).toContain(OUTCOME);
    await vendorContext.close();
    await staffContext.close();
  }, 120_000);
});
