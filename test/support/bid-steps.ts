import { createHash } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { totpCode } from "../../src/modules/auth/totp.js";
import type { TestUser } from "./factories.js";

/** A file as Playwright hands it to a file input. */
export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** One line of the bill of quantities, by its description, with the unit price as the vendor types it. */
export interface BidLine {
  description: string;
  unitPrice: string;
}

/** The evaluation stages, as the committee's forms name them. */
export const EVALUATION_STAGES = ["Administrasi", "Teknis", "Kualifikasi"] as const;
export type EvaluationStage = (typeof EVALUATION_STAGES)[number];

/** What the announcement shows for a public key: SHA-256 of the raw key, 16 bytes, in groups of four. */
export function fingerprintOf(publicKey: string): string {
  return createHash("sha256").update(Buffer.from(publicKey, "base64url")).digest("hex").slice(0, 32).toUpperCase().replace(/(.{4})(?!$)/g, "$1 ");
}

/**
 * Logs in from the login page, with the second factor when the user has one; ends on the workspace.
 * The code is the one for `now`: log each user in once per clock position, since a code is not replayed.
 */
export async function logIn(page: Page, baseUrl: string, user: Pick<TestUser, "email" | "password" | "totpSecret">, now: Date): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Kata sandi").fill(user.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  if (user.totpSecret) {
    await page.getByLabel("Kode autentikator").fill(totpCode(user.totpSecret, now));
    await page.getByRole("button", { name: "Verifikasi" }).click();
  }
  await page.waitForURL(/\/app$/);
}

/** From any page with the workspace menu: the member makes an opening key under the passphrase, in the browser. */
export async function createOpeningKey(page: Page, passphrase: string): Promise<void> {
  await page.getByRole("link", { name: "Kunci Pembukaan", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Kunci Pembukaan" }).waitFor();
  await page.getByTestId("opening-key-status").filter({ hasText: "Anda belum memiliki kunci pembukaan." }).waitFor();
  await page.getByText("LPSE tidak dapat memulihkan atau mengatur ulang frasa sandi yang hilang.").waitFor();
  await page.getByLabel("Frasa sandi", { exact: true }).fill(passphrase);
  await page.getByLabel("Ulangi frasa sandi").fill(passphrase);
  await page.getByRole("button", { name: "Buat kunci pembukaan" }).click();
  await page.getByTestId("opening-key-status").filter({ hasText: "Anda sudah memiliki kunci pembukaan." }).waitFor();
}

/** On the announcement, a member makes the tender key (split and sealed to each member, in the browser). */
export async function createTenderKey(page: Page, threshold: string): Promise<void> {
  await page.getByRole("button", { name: "Buat kunci tender" }).click();
  await page.getByTestId("tender-key-threshold").filter({ hasText: threshold }).waitFor();
}

/** On the announcement during Upload Dokumen Penawaran: the unit prices as typed, the validity and the files (by the label of their kind's input). */
export async function fillBid(page: Page, lines: readonly BidLine[], files: readonly { label: string; file: UploadFile }[], validityDays = "90"): Promise<void> {
  const bid = page.getByTestId("bid");
  for (const [i, line] of lines.entries()) await bid.getByRole("group", { name: `${i + 1}. ${line.description}` }).getByLabel("Harga satuan").fill(line.unitPrice);
  await bid.getByLabel("Masa berlaku penawaran (hari)").fill(validityDays);
  for (const { label, file } of files) {
    await bid.getByLabel(label, { exact: true }).setInputFiles(file);
    await bid.getByTestId("bid-files").getByText(file.name).waitFor();
  }
}

/** Seals and sends the filled bid; waits for the receipt the browser verified and returns its SHA-256. */
export async function sendBid(page: Page): Promise<string> {
  const bid = page.getByTestId("bid");
  await bid.getByRole("button", { name: "Kirim penawaran" }).click();
  await bid.getByTestId("receipt-check").filter({ hasText: "Tanda terima terverifikasi" }).waitFor();
  return (await bid.getByTestId("receipt-sha256").textContent()) ?? "";
}

/** After the deadline, in the opening section: the member unlocks its share with its passphrase and sends it. */
export async function submitShare(opening: Locator, passphrase: string): Promise<void> {
  await opening.getByLabel("Frasa sandi kunci pembukaan").fill(passphrase);
  await opening.getByRole("button", { name: "Buka bagian kunci saya" }).click();
}

/** One finding for one bidder and stage, with the reason when there is one; waits for the saved verdict. */
export async function recordFinding(evaluation: Locator, company: string, stage: EvaluationStage, passed: boolean, reason?: string): Promise<void> {
  const block = evaluation.getByRole("group", { name: company, exact: true }).getByRole("group", { name: stage, exact: true });
  if (reason) await block.getByLabel("Alasan").fill(reason);
  await block.getByRole("button", { name: `${passed ? "Lulus" : "Gugur"} tahap ${stage.toLowerCase()}: ${company}` }).click();
  await block.getByTestId("finding-verdict").filter({ hasText: passed ? "Lulus" : "Gugur" }).waitFor();
}

/** During Penetapan Pemenang, a member names the first in the ranking after the confirmation that names it. */
export async function nameWinner(page: Page, company: string): Promise<void> {
  const evaluation = page.getByTestId("bid-evaluation");
  await evaluation.getByRole("button", { name: "Tetapkan pemenang" }).click();
  const dialog = page.getByRole("dialog", { name: "Tetapkan pemenang?" });
  await dialog.getByText(`Pemenang adalah peserta peringkat pertama: ${company}.`, { exact: false }).waitFor();
  await dialog.getByRole("button", { name: "Ya, lanjutkan" }).click();
  await evaluation.getByText(`Pemenang telah ditetapkan: ${company}.`, { exact: false }).waitFor();
}

/** During Masa Sanggah, a bidder files a sanggah; returns its entry in the list. */
export async function fileObjection(page: Page, company: string, text: string): Promise<Locator> {
  const objections = page.getByTestId("objections");
  await objections.getByLabel("Isi sanggah").fill(text);
  await objections.getByRole("button", { name: "Kirim sanggah" }).click();
  const filed = objections.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `Sanggah ${company}` }) });
  await filed.getByText(text).waitFor();
  return filed;
}

/** A committee member answers the sanggah with the given text. */
export async function answerObjection(page: Page, company: string, objectionText: string, answer: string): Promise<void> {
  const entry = page.getByTestId("objections").getByRole("listitem").filter({ hasText: objectionText });
  await entry.getByLabel("Jawaban sanggah").fill(answer);
  await entry.getByRole("button", { name: `Kirim jawaban untuk ${company}` }).click();
  await entry.getByTestId("objection-answer").filter({ hasText: answer }).waitFor();
}

/** During SPPBJ, the PPK issues the award letter after the confirmation that names the winner and the value. */
export async function issueAwardLetter(page: Page, letterNumber: string, confirmation: string): Promise<void> {
  const award = page.getByTestId("award");
  await award.getByLabel("Nomor SPPBJ").fill(letterNumber);
  await award.getByRole("button", { name: "Terbitkan SPPBJ" }).click();
  const confirm = page.getByRole("dialog", { name: "Terbitkan SPPBJ?" });
  await confirm.getByText(confirmation, { exact: false }).waitFor();
  await confirm.getByRole("button", { name: "Ya, lanjutkan" }).click();
  await award.getByTestId("award-letter").getByText(letterNumber).waitFor();
}
