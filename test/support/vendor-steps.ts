import type { Kysely } from "kysely";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { DB } from "../../src/db/schema.js";

/** A company as it signs up in the browser. */
export interface NewVendor {
  email: string;
  /** The first user: the contact person. */
  name: string;
  company: string;
  /** As typed, e.g. "01.234.567.8-901.000". */
  npwp: string;
  password: string;
}

export interface VendorProfile {
  nib: string;
  street: string;
  city: string;
  province: string;
  postalCode: string;
  phone: string;
  contactEmail: string;
  website: string;
}

export interface NewLicence {
  kind: string;
  number: string;
  issuer: string;
  /** As typed: codes separated by commas or spaces. */
  kbli: string;
  validFrom: string;
  validUntil: string;
}

/**
 * Sign-up from the home page: the email address, the confirmation link from the queued mail (no SMTP relay
 * in browser tests: it stays pending), the company and its first user; ends on the login page with the
 * notice and the address filled in.
 */
export async function signUpVendor(page: Page, baseUrl: string, db: Kysely<DB>, vendor: NewVendor): Promise<void> {
  await page.goto(baseUrl);
  await page.getByRole("link", { name: "Daftar sebagai penyedia" }).click();
  await page.getByLabel("Email").fill(vendor.email);
  await page.getByRole("button", { name: "Kirim tautan" }).click();
  await page.getByRole("heading", { name: "Periksa kotak masuk Anda" }).waitFor();

  const mail = await db.selectFrom("mail_outbox").selectAll().where("to_address", "=", vendor.email).executeTakeFirstOrThrow();
  expect(mail.status).toBe("pending");
  const link = /https?:\/\/\S+\/daftar\/konfirmasi\?token=[\w-]+/.exec(mail.text_body)?.[0];
  expect(link).toBeDefined();
  const linkUrl = new URL(link ?? "");
  await page.goto(`${baseUrl}${linkUrl.pathname}${linkUrl.search}`);

  await page.getByLabel("Nama perusahaan").fill(vendor.company);
  await page.getByLabel("Bentuk usaha").selectOption("CV");
  await page.getByLabel("NPWP").fill(vendor.npwp);
  await page.getByLabel("Nama narahubung").fill(vendor.name);
  await page.getByLabel("Kata sandi").fill(vendor.password);
  await page.getByRole("button", { name: "Selesaikan pendaftaran" }).click();
  await page.waitForURL(/\/login$/);
  await page.getByRole("status").filter({ hasText: "Pendaftaran selesai" }).waitFor();
}

/** From the login page the sign-up ended on, into the vendor's own page. */
export async function logInAfterSignUp(page: Page, vendor: NewVendor): Promise<void> {
  expect(await page.getByLabel("Email").inputValue()).toBe(vendor.email);
  await page.getByLabel("Kata sandi").fill(vendor.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(/\/app$/);
  await page.getByRole("link", { name: "Data Penyedia" }).click();
}

/** The profile form on the vendor's page, saved. */
export async function fillVendorProfile(page: Page, profile: VendorProfile): Promise<void> {
  await page.getByLabel("NIB", { exact: true }).fill(profile.nib);
  await page.getByLabel("Pengusaha Kena Pajak (PKP)").check();
  await page.getByLabel("Alamat jalan").fill(profile.street);
  await page.getByLabel("Kota/Kabupaten").fill(profile.city);
  await page.getByLabel("Provinsi").fill(profile.province);
  await page.getByLabel("Kode pos").fill(profile.postalCode);
  await page.getByLabel("Telepon").fill(profile.phone);
  await page.getByLabel("Email kontak").fill(profile.contactEmail);
  await page.getByLabel("Situs web").fill(profile.website);
  await page.getByRole("button", { name: "Simpan profil" }).click();
  await page.getByText("Profil perusahaan disimpan.").waitFor();
}

/** A business licence, on its own page; back on the vendor's page with the licence listed. */
export async function addLicence(page: Page, licence: NewLicence): Promise<void> {
  await page.getByRole("button", { name: "Tambah izin usaha" }).click();
  await page.getByLabel("Jenis izin").selectOption(licence.kind);
  await page.getByLabel("Nomor izin").fill(licence.number);
  await page.getByLabel("Penerbit").fill(licence.issuer);
  await page.getByLabel("Kode KBLI").fill(licence.kbli);
  await page.getByLabel("Berlaku mulai").fill(licence.validFrom);
  await page.getByLabel("Berlaku sampai").fill(licence.validUntil);
  await page.getByRole("button", { name: "Simpan" }).click();
  await page.waitForURL(/\/app\/penyedia$/);
  await page.getByRole("cell", { name: licence.number, exact: true }).waitFor();
}

export async function submitForVerification(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Ajukan verifikasi" }).click();
  await page.getByTestId("vendor-status").filter({ hasText: "Menunggu verifikasi" }).waitFor();
}

/** The Verifikator opens the company from the queue (logged in, on the workspace). */
export async function openFromQueue(desk: Page, company: string, vendorId: string): Promise<void> {
  await desk.getByRole("link", { name: "Verifikasi Penyedia" }).click();
  await desk.getByRole("link", { name: company }).click();
  await desk.waitForURL(new RegExp(`/app/verifikasi/${vendorId}$`));
}

/** The Verifikator approves after checking the originals in person. */
export async function approveInPerson(desk: Page, reason: string): Promise<void> {
  await desk.getByRole("radio", { name: "Setujui" }).check();
  await desk.getByRole("radio", { name: "Tatap muka" }).check();
  await desk.getByLabel("Alasan").fill(reason);
  await desk.getByRole("button", { name: "Simpan keputusan" }).click();
  await desk.getByTestId("vendor-status").filter({ hasText: "Terverifikasi" }).waitFor();
}
