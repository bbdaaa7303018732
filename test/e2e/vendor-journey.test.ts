import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTotpSecret, totpCode } from "../../src/modules/auth/totp.js";
import { updateUser } from "../../src/modules/users/users.repository.js";
import { createUser } from "../../src/modules/users/users.service.js";
import { launchBrowser } from "../support/browser.js";
import { buildPdf } from "../support/pdf.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { addLicence, approveInPerson, fillVendorProfile, logInAfterSignUp, openFromQueue, signUpVendor, submitForVerification } from "../support/vendor-steps.js";

const PASSWORD = "Madiun#Uji2026";
/** The server reads the type from the content, so the bytes must really be a PDF. */
const PDF = buildPdf("Akta pendirian CV Tirta Kencana Abadi");

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
  const newVendor = { ...vendor, npwp: "01.234.567.8-901.000", password: PASSWORD };
  const profile = { nib: "9120001234567", street: "Jl. Pahlawan No. 12", city: "Kota Madiun", province: "Jawa Timur", postalCode: "63121", phone: "0351 464000", contactEmail: "kantor@tirta-kencana.test", website: "tirta-kencana.test" };
  const licenceNumber = "503/0123/401.113/2024";
  const deed = { type: "pendirian", number: "12", date: "2015-03-02", notary: "Notaris Sri Wahyuni, S.H.", approvalNumber: "AHU-0012345.AH.01.07.2015" };
  const expert = { name: "Ir. Bambang Wijaya, M.T.", education: "S2 Teknik Sipil", expertise: "Ahli jalan dan jembatan", yearsOfExperience: 13, certificate: "SKK Ahli Madya Jalan" };
  const documentName = "Akta Pendirian CV Tirta Kencana Abadi.pdf";
  const colleague = { name: "Wahyu Nugroho", email: "wahyu.nugroho@tirta-kencana.test" };

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

    // 1–2. A visitor starts at the home page, gives an email address, follows the emailed link and registers.
    const page = await newPage();
    await signUpVendor(page, s.url, db, newVendor);

    // 3. The company and its first user exist; the login page has the address filled in.
    const row = await db.selectFrom("vendors").selectAll().where("npwp", "=", "012345678901000").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: vendor.company, business_form: "CV", status: "draft" });
    const vendorUser = await db.selectFrom("users").selectAll().where("email", "=", vendor.email).executeTakeFirstOrThrow();
    expect(vendorUser).toMatchObject({ role: "vendor", vendor_id: row.id, name: vendor.name, status: "active" });

    await logInAfterSignUp(page, newVendor);

    // 4. Submitting too early lists what is missing.
    await page.getByRole("button", { name: "Ajukan verifikasi" }).click();
    const missing = page.getByRole("alert").filter({ hasText: "Data belum lengkap" });
    await missing.getByText("NIB belum diisi").waitFor();
    await missing.getByText("minimal satu izin usaha").waitFor();

    // 5. The profile…
    await fillVendorProfile(page, profile);
    // …and a licence, on its own page.
    await addLicence(page, { kind: "SIUP", number: licenceNumber, issuer: "DPMPTSP Kota Madiun", kbli: "41011, 42101 42101", validFrom: "2024-01-02", validUntil: "2029-01-01" });

    // …the company data: a deed and an expert, each on its own page, then back on its tab.
    await page.getByRole("button", { name: "Tambah akta" }).click();
    await page.waitForURL(/\/app\/penyedia\/data\/akta\/baru$/);
    await page.getByLabel("Jenis akta").selectOption("pendirian");
    await page.getByLabel("Nomor akta").fill(deed.number);
    await page.getByLabel("Tanggal akta").fill(deed.date);
    await page.getByLabel("Notaris").fill(deed.notary);
    await page.getByLabel("Nomor pengesahan Kemenkumham").fill(deed.approvalNumber);
    await page.getByRole("button", { name: "Simpan" }).click();
    await page.waitForURL(/\/app\/penyedia\?data=akta#data-perusahaan$/);
    await page.getByRole("cell", { name: deed.notary, exact: true }).waitFor();

    await page.getByRole("tab", { name: /^Tenaga ahli/ }).click();
    await page.getByRole("button", { name: "Tambah tenaga ahli" }).click();
    await page.getByLabel("Nama", { exact: true }).fill(expert.name);
    await page.getByLabel("Pendidikan").fill(expert.education);
    await page.getByLabel("Keahlian", { exact: true }).fill(expert.expertise);
    await page.getByLabel("Pengalaman (tahun)").fill("70");
    await page.getByLabel("Sertifikat keahlian").fill(expert.certificate);
    await page.getByRole("button", { name: "Simpan" }).click();
    // The server's field error appears under its input.
    await page.getByText("maksimal 60").waitFor();
    expect(await page.getByLabel("Pengalaman (tahun)").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Pengalaman (tahun)").fill("12");
    await page.getByRole("button", { name: "Simpan" }).click();
    await page.waitForURL(/\/app\/penyedia\?data=tenaga-ahli#data-perusahaan$/);
    await page.getByRole("cell", { name: expert.name, exact: true }).waitFor();
    // Edited on the same form (PUT), and the row shows the new value.
    await page.getByRole("button", { name: `Ubah tenaga ahli ${expert.name}` }).click();
    expect(await page.getByLabel("Pengalaman (tahun)").inputValue()).toBe("12");
    await page.getByLabel("Pengalaman (tahun)").fill(String(expert.yearsOfExperience));
    await page.getByRole("button", { name: "Simpan" }).click();
    await page.getByRole("cell", { name: String(expert.yearsOfExperience), exact: true }).waitFor();

    // A document: the name follows the file, and the extension is kept when the vendor renames it.
    await page.getByLabel("Jenis dokumen").selectOption("akta_pendirian");
    await page.getByLabel("Berkas", { exact: true }).setInputFiles({ name: "scan-akta.pdf", mimeType: "application/pdf", buffer: PDF });
    expect(await page.getByLabel("Nama dokumen").inputValue()).toBe("scan-akta.pdf");
    await page.getByLabel("Nama dokumen").fill(documentName.replace(/\.pdf$/, ""));
    await page.getByRole("button", { name: "Unggah dokumen" }).click();
    await page.getByText(`Dokumen ${documentName} diunggah.`).waitFor();
    await page.getByRole("link", { name: `Unduh ${documentName}` }).waitFor();
    // A text file named as a picture is refused for its content, in the server's words.
    await page.getByLabel("Jenis dokumen").selectOption("ktp_direktur");
    await page.getByLabel("Berkas", { exact: true }).setInputFiles({ name: "ktp-direktur.png", mimeType: "image/png", buffer: Buffer.from("Ini bukan gambar, hanya teks biasa.\n") });
    await page.getByRole("button", { name: "Unggah dokumen" }).click();
    await page.getByText("Isi berkas bukan PDF, PNG atau JPEG").waitFor();

    // A colleague gets an account of the same company.
    await page.getByLabel("Nama lengkap").fill(colleague.name);
    await page.getByLabel("Email", { exact: true }).fill(colleague.email);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Tambah pengguna" }).click();
    await page.getByText(`Pengguna ${colleague.name} ditambahkan.`).waitFor();
    await page.getByTestId("vendor-users").getByRole("cell", { name: colleague.name, exact: true }).waitFor();

    await submitForVerification(page);

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
    const records = await db.selectFrom("vendor_records").selectAll().where("vendor_id", "=", row.id).orderBy("kind").execute();
    expect(records.map((r) => [r.kind, JSON.parse(r.data) as unknown])).toEqual([
      ["deeds", deed],
      ["experts", expert],
    ]);
    const documents = await db.selectFrom("vendor_documents").selectAll().where("vendor_id", "=", row.id).execute();
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ kind: "akta_pendirian", original_name: documentName, content_type: "application/pdf", size: PDF.length });
    const colleagueUser = await db.selectFrom("users").selectAll().where("email", "=", colleague.email).executeTakeFirstOrThrow();
    expect(colleagueUser).toMatchObject({ role: "vendor", vendor_id: row.id, name: colleague.name, status: "active" });

    // 6. The Verifikator finds the vendor in the queue and approves it after an in-person check.
    const desk = await staffPage(verifier);
    await openFromQueue(desk, vendor.company, row.id);
    // Never verified: every change since registration is listed, the phone among them.
    const changes = desk.getByTestId("vendor-changes");
    await changes.getByRole("cell", { name: "Telepon", exact: true }).waitFor();
    await changes.getByRole("cell", { name: "Akta: data ditambahkan", exact: true }).waitFor();
    await changes.getByRole("cell", { name: `Tenaga ahli ${expert.name}: Pengalaman (tahun)`, exact: true }).waitFor();
    await changes.getByRole("cell", { name: "Dokumen diunggah", exact: true }).waitFor();
    await desk.getByRole("cell", { name: licenceNumber, exact: true }).waitFor();
    // Everything the vendor entered, read-only: the deed, the expert, the document (downloadable) and the users.
    await desk.getByRole("cell", { name: deed.notary, exact: true }).waitFor();
    await desk.getByRole("tab", { name: /^Tenaga ahli/ }).click();
    await desk.getByRole("cell", { name: expert.name, exact: true }).waitFor();
    expect(await desk.getByRole("button", { name: /^Ubah / }).count()).toBe(0);
    const href = await desk.getByRole("link", { name: `Unduh ${documentName}` }).getAttribute("href");
    const download = await desk.request.get(`${s.url}${href ?? ""}`);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
    await desk.getByTestId("vendor-users").getByRole("cell", { name: colleague.name, exact: true }).waitFor();

    await approveInPerson(desk, "Akta pendirian, NPWP, NIB dan SIUP asli diperiksa di kantor LPSE.");
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
    // The confirmation and the approval mail of the journey above, all still pending (no relay); the
    // approval went to both of the company's users.
    await page.getByRole("cell", { name: "Konfirmasi pendaftaran penyedia / Confirm your vendor registration", exact: true }).waitFor();
    for (const to of [vendor.email, colleague.email]) {
      await page.getByRole("row").filter({ hasText: to }).getByRole("cell", { name: "Pendaftaran penyedia disetujui / Vendor registration approved", exact: true }).waitFor();
    }
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
