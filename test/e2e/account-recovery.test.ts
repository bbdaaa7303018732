import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTotpSecret, totpCode } from "../../src/modules/auth/totp.js";
import { createAgency } from "../../src/modules/orgs/orgs.service.js";
import { updateUser } from "../../src/modules/users/users.repository.js";
import { createUser } from "../../src/modules/users/users.service.js";
import { askForResetLink, enterPassword, meStatus, resetLinkFromMail, setNewPassword } from "../support/account-steps.js";
import { launchBrowser } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp.js";

const OLD_PASSWORD = "Madiun#Uji2026";
const NEW_PASSWORD = "Pecel#Madiun2027";

/**
 * A Pokja member forgot the password: the emailed link (through a real SMTP server) sets a new one and ends
 * the session left open elsewhere; then, with the phone lost, a recovery code from the account page logs in,
 * and that session is ended from the account page at home.
 */
describe("browser: password reset by email, recovery codes, ending sessions", () => {
  let s: TestServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  const member = { email: "sri.rahayu@madiun.test", name: "Sri Rahayu", secret: newTotpSecret() };
  const verifier = { email: "dewi.lestari@madiun.test", name: "Dewi Lestari" };
  const admin = { email: "rina.wulandari@madiun.test", name: "Rina Wulandari", secret: newTotpSecret() };
  const helpdesk = { email: "agus.salim@madiun.test", name: "Agus Salim" };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    s = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_SECONDS: "1", MAIL_FROM: "LPSE Kota Madiun <lpse@madiun.test>" });
    const { db } = s.server.runtime.deps.database;
    const now = new Date();
    const agency = await createAgency(db, null, { code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", kind: "dinas" }, now);
    const created = await createUser(db, null, { name: member.name, email: member.email, role: "pokja", agencyId: agency.id, password: OLD_PASSWORD }, now);
    await updateUser(db, created.id, { totp_secret: member.secret, totp_enrolled_at: now.toISOString() });
    // A new Verifikator who has not set up an authenticator yet.
    await createUser(db, null, { name: verifier.name, email: verifier.email, role: "verifikator", password: OLD_PASSWORD }, now);
    const adminRow = await createUser(db, null, { name: admin.name, email: admin.email, role: "admin_ppe", password: OLD_PASSWORD }, now);
    await updateUser(db, adminRow.id, { totp_secret: admin.secret, totp_enrolled_at: now.toISOString() });
    await createUser(db, null, { name: helpdesk.name, email: helpdesk.email, role: "helpdesk", password: OLD_PASSWORD }, now);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
    await smtp?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  /**
   * The authenticator step. A code is used once, so the second login takes the next 30-second step's code
   * (`aheadMs` = 30 s), which the server accepts for clock drift, instead of waiting for the step to pass.
   */
  async function enterTotp(page: Page, aheadMs: number) {
    await page.getByLabel("Kode autentikator").fill(totpCode(member.secret, new Date(Date.now() + aheadMs)));
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.waitForURL(/\/app$/);
  }

  it("resets the password through the emailed link, ending the other session, then logs in with a recovery code", async () => {
    // A session left open on another computer.
    const office = await newPage();
    await enterPassword(office, s.url, member.email, OLD_PASSWORD);
    await enterTotp(office, 0);
    expect(await meStatus(office)).toBe(200);

    // 1. "Lupa kata sandi?" on the login page, and the link from the mail.
    const home = await newPage();
    await askForResetLink(home, s.url, member.email);
    const link = await resetLinkFromMail(smtp, member.email);
    await setNewPassword(home, s.url, link, NEW_PASSWORD);

    // 2. The office session is over; the same link does not work twice; the user got the notice by mail.
    expect(await meStatus(office)).toBe(401);
    const url = new URL(link);
    await home.goto(`${s.url}${url.pathname}${url.search}`);
    await home.getByLabel("Kata sandi baru", { exact: true }).fill("Lagi#Sandi2028");
    await home.getByLabel("Ulangi kata sandi baru").fill("Lagi#Sandi2028");
    await home.getByRole("button", { name: "Simpan kata sandi" }).click();
    await home.getByRole("alert").filter({ hasText: "sudah dipakai" }).waitFor();
    await expect.poll(() => smtp.received.some((m) => m.to.includes(member.email) && m.subject.startsWith("Kata sandi Anda diubah")), { timeout: 10_000 }).toBe(true);

    // 3. The new password works; the account page lists the sessions and makes recovery codes.
    await enterPassword(home, s.url, member.email, NEW_PASSWORD);
    await enterTotp(home, 30_000);
    await home.getByRole("link", { name: "Keamanan Akun" }).click();
    await home.getByRole("heading", { name: "Sesi aktif" }).waitFor();
    await home.getByText("Sesi ini").waitFor();
    await home.getByRole("button", { name: "Buat kode pemulihan baru" }).click();
    await home.getByRole("dialog").getByRole("button", { name: "Ya, lanjutkan" }).click();
    const codeItems = home.getByRole("list", { name: "Kode pemulihan" }).getByRole("listitem");
    await codeItems.nth(9).waitFor();
    const codes = await codeItems.allTextContents();
    expect(codes).toHaveLength(10);

    // 4. The phone is lost: a recovery code instead of the authenticator, once.
    const phoneless = await newPage();
    await enterPassword(phoneless, s.url, member.email, NEW_PASSWORD);
    await phoneless.getByRole("button", { name: "Pakai kode pemulihan" }).click();
    await phoneless.getByLabel("Kode pemulihan").fill(codes[0] ?? "");
    await phoneless.getByRole("button", { name: "Masuk dengan kode pemulihan" }).click();
    await phoneless.waitForURL(/\/app$/);
    expect(await meStatus(phoneless)).toBe(200);
    await phoneless.getByRole("link", { name: "Keamanan Akun" }).click();
    await phoneless.getByText("Sisa kode pemulihan yang belum dipakai: 9.").waitFor();

    // 5. Back at home, the other device is listed and ended from the account page.
    await home.reload();
    await home.getByRole("button", { name: /^Akhiri sesi yang dimulai / }).waitFor();
    await home.getByRole("button", { name: "Akhiri semua sesi lain" }).click();
    await home.getByText("1 sesi lain diakhiri.").waitFor();
    expect(await meStatus(phoneless)).toBe(401);
    expect(await meStatus(home)).toBe(200);
  }, 120_000);

  it("shows ten recovery codes once, right after the authenticator is enrolled", async () => {
    const page = await newPage();
    await page.goto(`${s.url}/login`);
    await page.getByLabel("Email").fill(verifier.email);
    await page.getByLabel("Kata sandi").fill(OLD_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
    await page.getByLabel("Kode autentikator").fill(totpCode(secret.trim(), new Date()));
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.getByRole("heading", { name: "Simpan kode pemulihan Anda" }).waitFor();
    const items = page.getByRole("list", { name: "Kode pemulihan" }).getByRole("listitem");
    await items.nth(9).waitFor();
    expect(await items.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/)]));
    expect(await items.count()).toBe(10);
    await page.getByRole("button", { name: "Sudah saya simpan, lanjutkan" }).click();
    await page.waitForURL(/\/app$/);
    await page.getByRole("link", { name: "Keamanan Akun" }).click();
    await page.getByText("Sisa kode pemulihan yang belum dipakai: 10.").waitFor();
  }, 60_000);

  it("lets the Admin PPE end every session of an account from the users table, leaving it enabled", async () => {
    const desk = await newPage();
    await desk.goto(`${s.url}/login`);
    await desk.getByLabel("Email").fill(helpdesk.email);
    await desk.getByLabel("Kata sandi").fill(OLD_PASSWORD);
    await desk.getByRole("button", { name: "Masuk" }).click();
    await desk.waitForURL(/\/app$/);
    expect(await meStatus(desk)).toBe(200);

    const page = await newPage();
    await page.goto(`${s.url}/login`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Kata sandi").fill(OLD_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByLabel("Kode autentikator").fill(totpCode(admin.secret, new Date()));
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.waitForURL(/\/app$/);
    await page.getByRole("link", { name: "Pengguna" }).click();
    await page.getByRole("button", { name: `Akhiri sesi ${helpdesk.name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ya, lanjutkan" }).click();
    await page.getByText(`Sesi ${helpdesk.name} diakhiri.`).waitFor();
    expect(await meStatus(desk)).toBe(401);
    // Still enabled: the row still offers to disable it.
    await page.getByRole("button", { name: `Nonaktifkan ${helpdesk.name}` }).waitFor();
  }, 60_000);
});
