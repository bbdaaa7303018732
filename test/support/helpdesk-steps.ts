import { expect } from "vitest";
import type { Page } from "playwright-core";
import type { TestSmtpServer } from "./smtp.js";

/** Browser steps of the helpdesk shared by the journeys: the public form, the staff desk and tracking. */

export interface TicketInput {
  name: string;
  email: string;
  subject: string;
  description: string;
}

/** On the public Help page (no account), files a vendor's ticket and returns its tracking code. */
export async function fileTicketOnPublicPage(page: Page, baseUrl: string, input: TicketInput): Promise<string> {
  await page.goto(baseUrl);
  await page.getByRole("link", { name: "Bantuan dan Helpdesk" }).click();
  await page.getByRole("heading", { name: "Kirim pertanyaan atau laporan" }).waitFor();
  await page.getByLabel("Nama", { exact: true }).fill(input.name);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(input.email);
  await page.getByLabel("Kelompok pengguna").selectOption("vendor");
  await page.getByLabel("Subjek").fill(input.subject);
  await page.getByLabel("Uraian").fill(input.description);
  await page.getByRole("button", { name: "Kirim tiket" }).click();
  const confirmation = page.getByRole("status").filter({ hasText: "Kode pelacakan" });
  await confirmation.waitFor();
  const code = /HD-[2-9A-Z]{8}/.exec((await confirmation.textContent()) ?? "")?.[0] ?? "";
  expect(code).not.toBe("");
  return code;
}

/** A logged-in helpdesk officer opens the ticket from the desk, takes it and resolves it with the outcome. */
export async function resolveTicket(desk: Page, code: string, subject: string, officer: string, outcome: string): Promise<void> {
  await desk.getByRole("link", { name: "Helpdesk", exact: true }).click();
  await desk.getByRole("heading", { name: "Tiket Helpdesk" }).waitFor();
  await desk.getByRole("link", { name: code }).click();
  await desk.getByRole("heading", { name: subject }).waitFor();
  await desk.getByLabel("Petugas").selectOption({ label: officer });
  await desk.getByRole("button", { name: "Tugaskan" }).click();
  await desk.getByText("Ditugaskan", { exact: true }).first().waitFor();
  await desk.getByLabel("Status baru").selectOption("resolved");
  await desk.getByLabel("Hasil penyelesaian").fill(outcome);
  await desk.getByRole("button", { name: "Ubah status" }).click();
  await desk.getByText("terpenuhi").first().waitFor();
}

/** The submitter tracks the ticket with its code and email and sees it resolved with the outcome. */
export async function seeTicketResolved(page: Page, baseUrl: string, code: string, email: string, outcome: string): Promise<void> {
  await page.goto(`${baseUrl}/bantuan?kode=${code}`);
  await expect.poll(() => page.getByLabel("Kode tiket").inputValue()).toBe(code);
  await page.getByLabel("Email pelapor").fill(email);
  await page.getByRole("button", { name: "Lacak" }).click();
  const tracked = page.getByLabel(code);
  await tracked.getByText("Selesai", { exact: true }).waitFor();
  await tracked.getByText(outcome).waitFor();
}

/** Waits for a mail to the address whose subject contains the text, and returns it. */
export async function mailTo(smtp: TestSmtpServer, address: string, subjectPart: string) {
  const match = () => smtp.received.find((m) => m.to.includes(address) && m.subject.includes(subjectPart));
  await expect.poll(() => match() !== undefined, { timeout: 20_000, interval: 200 }).toBe(true);
  return match();
}
