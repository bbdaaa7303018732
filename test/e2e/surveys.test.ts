import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTotpSecret, totpCode } from "../../src/modules/auth/totp.js";
import { addDays } from "../../src/modules/operations-registers/operations-registers.presenter.js";
import { localDate } from "../../src/modules/settings/calendar.js";
import { createUser } from "../../src/modules/users/users.service.js";
import { ManualClock } from "../../src/server/clock.js";
import { launchBrowser } from "../support/browser.js";
import { buildVendor, createEnrolledUser, type TestUser } from "../support/factories.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp.js";

const PASSWORD = "Madiun#Uji2026";
const TITLE = "Survei Kepuasan Pengguna Semester II";
const REQUEST = "Pengingat batas unggah penawaran";
const ANSWER = "Direncanakan pada pembaruan bulan depan.";

/**
 * Standard 15 in the browser: the Admin PPE sends a survey, the vendor answers from the mailed link without logging
 * in, the results show the answer and the IKM, and the link then refuses a second answer. The vendor files an
 * improvement request and reads the helpdesk's response (a second account: the administrator's one-time code
 * of the first journey may not be used again within its 30 seconds).
 */
describe("browser: satisfaction survey and improvement request", () => {
  let s: TestServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let vendor: TestUser;
  const admin = { email: "admin.survei@madiun.test", secret: newTotpSecret() };
  const helpdesk = { email: "helpdesk.survei@madiun.test" };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    s = await startTestServer({ SMTP_URL: smtp.url });
    const { deps } = s.server.runtime;
    const now = new Date();
    await createEnrolledUser(deps.database.db, { name: "Rina Wulandari", email: admin.email, role: "admin_ppe", password: PASSWORD }, admin.secret, now);
    await createUser(deps.database.db, null, { name: "Bayu Pratama", email: helpdesk.email, role: "helpdesk", password: PASSWORD }, now);
    vendor = await buildVendor({ deps, clock: new ManualClock(now) }, "verified", "CV Maju Jaya");
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
    await smtp?.close();
  });

  async function logIn(page: Page, email: string, password: string, secret?: string) {
    await page.goto(`${s.url}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi").fill(password);
    await page.getByRole("button", { name: "Masuk" }).click();
    if (secret) {
      await page.getByLabel("Kode autentikator").fill(totpCode(secret, new Date()));
      await page.getByRole("button", { name: "Verifikasi" }).click();
    }
  }

  async function surveyLink(to: string): Promise<string> {
    await expect.poll(() => smtp.received.some((m) => m.to.includes(to) && m.subject.includes("Survei kepuasan")), { timeout: 20_000, interval: 200 }).toBe(true);
    const mail = smtp.received.find((m) => m.to.includes(to) && m.subject.includes("Survei kepuasan"));
    const link = /https?:\/\/\S+\/survei\/isi\?token=[\w-]+/.exec(mail?.text ?? "")?.[0];
    if (!link) throw new Error(`no survey link in ${mail?.text}`);
    // The mail points at PUBLIC_URL; the test server listens elsewhere, so keep the path and the token.
    const url = new URL(link);
    return `${s.url}${url.pathname}${url.search}`;
  }

  it("sends a survey, takes one anonymous answer through the link, shows the IKM and refuses the link again", async () => {
    const today = localDate(new Date(), "WIB");
    const desk = await browser.newPage();
    desk.setDefaultTimeout(15_000);
    await logIn(desk, admin.email, PASSWORD, admin.secret);
    await desk.getByRole("link", { name: "Survei Kepuasan" }).click();
    await desk.getByRole("heading", { name: "Survei Kepuasan Pengguna" }).waitFor();
    await desk.getByLabel("Judul survei").fill(TITLE);
    await desk.getByLabel("Periode mulai").fill(today);
    await desk.getByLabel("Periode selesai").fill(addDays(today, 30));
    await desk.getByRole("button", { name: "Simpan draf" }).click();
    await desk.getByRole("heading", { name: TITLE }).waitFor();

    // Nothing chosen: the server names the recipients field and sends nothing.
    await desk.getByLabel("Semua penyedia aktif").uncheck();
    await desk.getByRole("button", { name: "Kirim survei" }).click();
    await desk.getByText("pilih paling sedikit satu kelompok penerima").waitFor();
    await desk.getByLabel("Semua penyedia aktif").check();
    await desk.getByRole("button", { name: "Kirim survei" }).click();
    await desk.getByText("Berjalan", { exact: true }).waitFor();

    const link = await surveyLink(vendor.email);
    const respondent = await (await browser.newContext()).newPage();
    respondent.setDefaultTimeout(15_000);
    await respondent.goto(link);
    await respondent.getByRole("heading", { name: TITLE }).waitFor();
    const groups = respondent.getByRole("radiogroup", { name: /^\d+\. / });
    await expect.poll(() => groups.count()).toBe(9);
    // Three answers "Baik" (3) and six "Sangat baik" (4): (3 × 3 + 6 × 4) / 9 × 25 = 91.67, grade A.
    for (let i = 0; i < 9; i++) await groups.nth(i).getByLabel(i < 3 ? "3 – Baik" : "4 – Sangat baik").check();
    await respondent.getByLabel("Saran atau komentar (tidak wajib)").fill("Verifikasi dokumen cepat dan jelas.");
    await respondent.getByRole("button", { name: "Kirim jawaban" }).click();
    await respondent.getByText("Terima kasih, jawaban Anda sudah tercatat.").waitFor();

    await desk.reload();
    await desk.getByText("1 / 1", { exact: true }).waitFor();
    await desk.getByText("91.67", { exact: true }).waitFor();
    await desk.getByText("A (sangat baik)").waitFor();
    await desk.getByText("Verifikasi dokumen cepat dan jelas.").waitFor();

    const again = await (await browser.newContext()).newPage();
    again.setDefaultTimeout(15_000);
    await again.goto(link);
    await again.getByText("Tautan survei ini sudah dipakai untuk menjawab").waitFor();
    expect(await again.getByRole("button", { name: "Kirim jawaban" }).count()).toBe(0);
  });

  it("takes a vendor's improvement request and shows it the helpdesk's response", async () => {
    const own = await (await browser.newContext()).newPage();
    own.setDefaultTimeout(15_000);
    await logIn(own, vendor.email, vendor.password);
    await own.getByRole("link", { name: "Usulan Perbaikan" }).click();
    await own.getByRole("heading", { name: "Usulan Perbaikan" }).waitFor();
    await own.getByLabel("Judul usulan").fill(REQUEST);
    await own.getByLabel("Uraian usulan").fill("Mohon sistem mengirim pengingat surel sehari sebelum batas unggah penawaran.");
    await own.getByRole("button", { name: "Kirim usulan" }).click();
    await own.getByRole("table", { name: "Daftar usulan perbaikan" }).getByText("Diterima").waitFor();

    const desk = await (await browser.newContext()).newPage();
    desk.setDefaultTimeout(15_000);
    await logIn(desk, helpdesk.email, PASSWORD);
    await desk.getByRole("link", { name: "Usulan Perbaikan" }).click();
    await desk.getByRole("link", { name: REQUEST }).click();
    await desk.getByRole("heading", { name: REQUEST }).waitFor();
    await desk.getByLabel("Status berikutnya").selectOption("under_review");
    await desk.getByRole("button", { name: "Simpan tindak lanjut" }).click();
    await desk.getByText("Sedang dikaji", { exact: true }).first().waitFor();
    await desk.getByLabel("Status berikutnya").selectOption("planned");
    await desk.getByLabel("Tanggapan").fill(ANSWER);
    await desk.getByRole("button", { name: "Simpan tindak lanjut" }).click();
    await desk.getByText(ANSWER).waitFor();

    await own.getByRole("link", { name: REQUEST }).click();
    await own.getByText(ANSWER).waitFor();
    await own.getByText("Direncanakan", { exact: true }).waitFor();
    expect(await own.getByRole("button", { name: "Simpan tindak lanjut" }).count()).toBe(0);
    await expect.poll(() => smtp.received.some((m) => m.to.includes(vendor.email) && m.subject.includes("direncanakan")), { timeout: 20_000, interval: 200 }).toBe(true);
  });
});
