import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTotpSecret, totpCode } from "../../src/modules/auth/totp.js";
import { updateUser } from "../../src/modules/users/users.repository.js";
import { createUser } from "../../src/modules/users/users.service.js";
import { launchBrowser } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";

const PASSWORD = "Madiun#Uji2026";

/**
 * A company registers itself, completes its profile and asks for verification; the Verifikator checks it
 * in person and approves; the vendor sees the result and the notification. Built web app, real server.
 */
describe("browser: vendor registration and verification journey", () => {
  let s: TestServer;
  let browser: Browser;
  const admin = { email: "admin@madiun.test", name: "Rina Wulandari", secret: newTotpSecret() };
  const verifier = { email: "verifikator@madiun.test", name: "Dewi Lestari", secret: newTotpSecret() };
  const vendor = { email: "budi.santoso@tirta-kencana.test", name: "Budi Santoso", company: "CV Tirta Kencana Abadi" };
  const licenceNumber = "503/0123/401.113/2024";

  beforeAll(async () => {
    s = await startTestServer();
    const { db } = s.server.runtime.deps.database;
    const now = new Date();
    // An LPSE that has been set up (it has an Admin PPE): only then does the home page invite vendors.
    for (const staff of [
      { ...admin, role: "admin_ppe" as const },
      { ...verifier, role: "verifikator" as const },
    ]) {
      const created = await createUser(db, null, { name: staff.name, email: staff.email, role: staff.role, password: PASSWORD }, now);
      await updateUser(db, created.id, { totp_secret: staff.secret, totp_enrolled_at: now.toISOString() });
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  /** A staff login with the second factor, in a fresh browser context. */
  async function staffPage(user: { email: string; secret: string }): Promise<Page> {
    const page = await newPage();
    await page.goto(`${s.url}/login`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByLabel("Kode autentikator").fill(totpCode(user.secret, new Date()));
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.waitForURL(/\/app$/);
    return page;
  }

  it("registers, completes the profile, is approved in person and is told so", async () => {
    const { db } = s.server.runtime.deps.database;

    // 1. A visitor starts at the home page and gives an email address.
    const page = await newPage();
    await page.goto(s.url);
    await page.getByRole("link", { name: "Daftar sebagai penyedia" }).click();
    await page.getByLabel("Email").fill(vendor.email);
    await page.getByRole("button", { name: "Kirim tautan" }).click();
    await page.getByRole("heading", { name: "Periksa kotak masuk Anda" }).waitFor();

    // 2. The confirmation link is in the queued mail (no SMTP relay in tests: it stays pending).
    const mail = await db.selectFrom("mail_outbox").selectAll().where("to_address", "=", vendor.email).executeTakeFirstOrThrow();
    expect(mail.status).toBe("pending");
    const link = /https?:\/\/\S+\/daftar\/konfirmasi\?token=[\w-]+/.exec(mail.text_body)?.[0];
    expect(link).toBeDefined();
    const linkUrl = new URL(link ?? "");
    await page.goto(`${s.url}${linkUrl.pathname}${linkUrl.search}`);

    await page.getByLabel("Nama perusahaan").fill(vendor.company);
    await page.getByLabel("Bentuk usaha").selectOption("CV");
    await page.getByLabel("NPWP").fill("01.234.567.8-901.000");
    await page.getByLabel("Nama narahubung").fill(vendor.name);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Selesaikan pendaftaran" }).click();

    // 3. On to the login page, with the address filled in.
    await page.waitForURL(/\/login$/);
    await page.getByRole("status").filter({ hasText: "Pendaftaran selesai" }).waitFor();
    const row = await db.selectFrom("vendors").selectAll().where("npwp", "=", "012345678901000").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: vendor.company, business_form: "CV", status: "draft" });
    const vendorUser = await db.selectFrom("users").selectAll().where("email", "=", vendor.email).executeTakeFirstOrThrow();
    expect(vendorUser).toMatchObject({ role: "vendor", vendor_id: row.id, name: vendor.name, status: "active" });

    expect(await page.getByLabel("Email").inputValue()).toBe(vendor.email);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(/\/app$/);
    await page.getByRole("link", { name: "Data Penyedia" }).click();

    // 4. Submitting too early lists what is missing.
    await page.getByRole("button", { name: "Ajukan verifikasi" }).click();
    const missing = page.getByRole("alert").filter({ hasText: "Data belum lengkap" });
    await missing.getByText("NIB belum diisi").waitFor();
    await missing.getByText("minimal satu izin usaha").waitFor();

    // 5. The profile…
    await page.getByLabel("NIB", { exact: true }).fill("9120001234567");
    await page.getByLabel("Pengusaha Kena Pajak (PKP)").check();
    await page.getByLabel("Alamat jalan").fill("Jl. Pahlawan No. 12");
    await page.getByLabel("Kota/Kabupaten").fill("Kota Madiun");
    await page.getByLabel("Provinsi").fill("Jawa Timur");
    await page.getByLabel("Kode pos").fill("63121");
    await page.getByLabel("Telepon").fill("0351 464000");
    await page.getByLabel("Email kontak").fill("kantor@tirta-kencana.test");
    await page.getByLabel("Situs web").fill("tirta-kencana.test");
    await page.getByRole("button", { name: "Simpan profil" }).click();
    await page.getByText("Profil perusahaan disimpan.").waitFor();

    // …and a licence, on its own page.
    await page.getByRole("button", { name: "Tambah izin usaha" }).click();
    await page.getByLabel("Jenis izin").selectOption("SIUP");
    await page.getByLabel("Nomor izin").fill(licenceNumber);
    await page.getByLabel("Penerbit").fill("DPMPTSP Kota Madiun");
    await page.getByLabel("Kode KBLI").fill("41011, 42101 42101");
    await page.getByLabel("Berlaku mulai").fill("2024-01-02");
    await page.getByLabel("Berlaku sampai").fill("2029-01-01");
    await page.getByRole("button", { name: "Simpan" }).click();
    await page.waitForURL(/\/app\/penyedia$/);
    await page.getByRole("cell", { name: licenceNumber, exact: true }).waitFor();

    await page.getByRole("button", { name: "Ajukan verifikasi" }).click();
    await page.getByTestId("vendor-status").filter({ hasText: "Menunggu verifikasi" }).waitFor();

    const submitted = await db.selectFrom("vendors").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
    expect(submitted).toMatchObject({
      status: "submitted",
      nib: "9120001234567",
      pkp: 1,
      address_street: "Jl. Pahlawan No. 12",
      address_city: "Kota Madiun",
      address_province: "Jawa Timur",
      postal_code: "63121",
      phone: "0351 464000",
      contact_email: "kantor@tirta-kencana.test",
      website: "https://tirta-kencana.test",
    });
    expect(submitted.submitted_at).not.toBeNull();
    const licences = await db.selectFrom("vendor_licences").selectAll().where("vendor_id", "=", row.id).execute();
    expect(licences).toHaveLength(1);
    expect(licences[0]).toMatchObject({ kind: "SIUP", number: licenceNumber, issuer: "DPMPTSP Kota Madiun", valid_from: "2024-01-02", valid_until: "2029-01-01" });
    expect(JSON.parse(licences[0]?.kbli_codes ?? "[]")).toEqual(["41011", "42101"]);

    // 6. The Verifikator finds the vendor in the queue and approves it after an in-person check.
    const desk = await staffPage(verifier);
    await desk.getByRole("link", { name: "Verifikasi Penyedia" }).click();
    await desk.getByRole("link", { name: vendor.company }).click();
    await desk.waitForURL(new RegExp(`/app/verifikasi/${row.id}$`));
    // Never verified: every change since registration is listed, the phone among them.
    await desk.getByTestId("vendor-changes").getByRole("cell", { name: "Telepon", exact: true }).waitFor();
    await desk.getByRole("cell", { name: licenceNumber, exact: true }).waitFor();

    await desk.getByRole("radio", { name: "Setujui" }).check();
    await desk.getByRole("radio", { name: "Tatap muka" }).check();
    await desk.getByLabel("Alasan").fill("Akta pendirian, NPWP, NIB dan SIUP asli diperiksa di kantor LPSE.");
    await desk.getByRole("button", { name: "Simpan keputusan" }).click();
    await desk.getByTestId("vendor-status").filter({ hasText: "Terverifikasi" }).waitFor();
    await desk.getByTestId("verification-history").getByText("Tatap muka").waitFor();

    const verified = await db.selectFrom("vendors").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
    expect(verified.status).toBe("verified");
    expect(verified.verified_at).not.toBeNull();
    const decisions = await db.selectFrom("vendor_verifications").selectAll().where("vendor_id", "=", row.id).execute();
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ decision: "approved", mode: "in_person", reason: "Akta pendirian, NPWP, NIB dan SIUP asli diperiksa di kantor LPSE." });
    await desk.close();

    // 7. The vendor sees the new status and the notification, and reads it.
    await page.goto(`${s.url}/app/penyedia`);
    await page.getByTestId("vendor-status").filter({ hasText: "Terverifikasi" }).waitFor();
    await page.getByRole("link", { name: "Kotak masuk, 1 belum dibaca" }).click();
    await page.waitForURL(/\/app\/notifikasi$/);
    await page.getByRole("heading", { name: "Pendaftaran penyedia disetujui" }).waitFor();
    await page.getByText(`${vendor.company} sudah terverifikasi dan dapat mengikuti tender.`).waitFor();
    await page.getByRole("button", { name: "Tandai dibaca" }).click();
    await page.getByRole("link", { name: "Kotak masuk", exact: true }).waitFor();

    const notifications = await db.selectFrom("notifications").selectAll().where("user_id", "=", vendorUser.id).execute();
    expect(notifications).toHaveLength(1);
    expect(notifications[0]?.kind).toBe("vendor.verified");
    expect(notifications[0]?.read_at).not.toBeNull();

    // The inbox follows the language switch: title and body come in both languages.
    await page.getByRole("radio", { name: "EN" }).click();
    await page.getByRole("heading", { name: "Vendor registration approved" }).waitFor();
    await page.close();
  }, 180_000);

  it("the Admin PPE sees the queued mail in Surat Keluar and puts one back in the queue", async () => {
    const { db } = s.server.runtime.deps.database;
    const page = await staffPage(admin);
    await page.getByRole("link", { name: "Surat Keluar" }).click();
    // The confirmation and the approval mail of the journey above, both still pending (no relay).
    await page.getByRole("cell", { name: "Konfirmasi pendaftaran penyedia / Confirm your vendor registration", exact: true }).waitFor();
    await page.getByRole("cell", { name: "Pendaftaran penyedia disetujui / Vendor registration approved", exact: true }).waitFor();
    await page.getByLabel("Saring: status").selectOption("sent");
    await page.getByText("Tidak ada email dengan status ini.").waitFor();
    await page.getByLabel("Saring: status").selectOption("pending");
    await page.getByRole("button", { name: "Kirim ulang: Konfirmasi pendaftaran penyedia" }).click();
    await page.getByText(`Email kepada ${vendor.email} dijadwalkan untuk dikirim ulang.`).waitFor();
    const mail = await db.selectFrom("mail_outbox").selectAll().where("subject", "like", "Konfirmasi pendaftaran%").executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ status: "pending", attempts: 0 });
    await page.close();
  }, 120_000);
});
