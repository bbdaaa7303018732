import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { TestSmtpServer } from "./smtp.js";

/** The password-reset link mailed to `to`, read from what the real SMTP server received (bounded wait). */
export async function resetLinkFromMail(smtp: TestSmtpServer, to: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const mail = smtp.received.find((m) => m.to.includes(to) && m.subject.startsWith("Atur ulang kata sandi"));
    const link = mail && /https?:\/\/\S+\/lupa-sandi\/atur\?token=[\w-]+/.exec(mail.text)?.[0];
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no password reset mail reached ${to}`);
}

/** From the login page: "Lupa kata sandi?", the address, and the answer that is the same for every address. */
export async function askForResetLink(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole("link", { name: "Lupa kata sandi?" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Kirim tautan" }).click();
  await page.getByRole("heading", { name: "Periksa email Anda" }).waitFor();
}

/** Open the emailed link on this server and set the new password; ends on the login page with the notice. */
export async function setNewPassword(page: Page, baseUrl: string, link: string, password: string): Promise<void> {
  const url = new URL(link);
  await page.goto(`${baseUrl}${url.pathname}${url.search}`);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill(password);
  await page.getByLabel("Ulangi kata sandi baru").fill(password);
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await page.waitForURL(/\/login$/);
  await page.getByText("Kata sandi baru disimpan. Silakan masuk.").waitFor();
}

/** Email and password on the login page, stopping at the second-factor step. */
export async function enterPassword(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByRole("heading", { name: "Verifikasi dua langkah" }).waitFor();
}

/** The caller's session as the API sees it, asked from inside the page (the cookie the browser holds). */
export async function meStatus(page: Page): Promise<number> {
  const status = await page.evaluate(async () => (await fetch("/api/v1/auth/me")).status);
  expect([200, 401]).toContain(status);
  return status;
}
