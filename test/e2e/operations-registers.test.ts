import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTotpSecret, totpCode } from "../../src/modules/auth/totp.js";
import { addDays } from "../../src/modules/operations-registers/operations-registers.presenter.js";
import { localDate } from "../../src/modules/settings/calendar.js";
import { getSettings } from "../../src/modules/settings/settings.service.js";
import { launchBrowser } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { createEnrolledUser } from "../support/factories.js";

const PASSWORD = "Madiun#Uji2026";

/** The Admin PPE records a server access grant, reviews and revokes it, records a scan and remediates its finding, reads the capacity report and sets the thresholds. */
describe("browser: operations registers", () => {
  let s: TestServer;
  let browser: Browser;
  const admin = { email: "admin.registers@madiun.test", secret: newTotpSecret() };

  beforeAll(async () => {
    s = await startTestServer();
    const { deps } = s.server.runtime;
    const now = new Date();
    await createEnrolledUser(deps.database.db, { name: "Dimas Saputra", email: admin.email, role: "admin_ppe", password: PASSWORD }, admin.secret, now);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it("records a grant, reviews and revokes it, records a scan with a remediated finding, shows the capacity report and sets the thresholds", async () => {
    const today = localDate(new Date(), "WIB");
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${s.url}/login`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByLabel("Kode autentikator").fill(totpCode(admin.secret, new Date()));
    await page.getByRole("button", { name: "Verifikasi" }).click();

    await page.getByRole("link", { name: "Akses Server" }).click();
    await page.getByRole("heading", { name: "Hak Akses Server" }).waitFor();
    await page.getByLabel("Nama", { exact: true }).fill("Andi Pratama");
    await page.getByLabel("Sistem / server").fill("Server aplikasi SPSE");
    await page.getByLabel("Tingkat akses").selectOption("admin");
    await page.getByLabel("Diberikan oleh").fill("Kepala LPSE");
    await page.getByLabel("Alasan").fill("Administrator sistem LPSE");
    await page.getByLabel("Mulai").fill(addDays(today, -200));
    await page.getByRole("button", { name: "Simpan hak akses" }).click();
    const grants = page.getByRole("table", { name: "Daftar hak akses" });
    await grants.getByText("Kaji ulang terlambat").waitFor();

    await page.getByLabel("Keputusan untuk Andi Pratama — Server aplikasi SPSE").selectOption("keep");
    await page.getByLabel("Catatan untuk Andi Pratama — Server aplikasi SPSE").fill("Masih bertugas");
    await page.getByRole("button", { name: "Simpan kaji ulang" }).click();
    await page.getByRole("heading", { name: "Riwayat kaji ulang" }).waitFor();
    await page.getByText("Andi Pratama — Server aplikasi SPSE: Pertahankan (Masih bertugas)").waitFor();
    await expect.poll(() => grants.getByText("Kaji ulang terlambat").count()).toBe(0);

    await page.getByLabel("Hak akses yang dicabut").selectOption({ label: "Andi Pratama — Server aplikasi SPSE" });
    await page.getByLabel("Alasan pencabutan").fill("Pindah tugas ke dinas lain");
    await page.getByRole("button", { name: "Cabut hak akses" }).click();
    await grants.getByText("Dicabut", { exact: true }).waitFor();

    await page.getByRole("link", { name: "Patch & Kerentanan" }).click();
    await page.getByRole("heading", { name: "Patch dan Pemindaian Kerentanan" }).waitFor();
    await page.getByLabel("Tanggal pemindaian").fill(today);
    await page.getByLabel("Alat").fill("OpenVAS 23");
    await page.getByLabel("Cakupan").fill("Aplikasi LPSE");
    await page.getByRole("button", { name: "Tambah temuan" }).click();
    await page.getByLabel("Judul temuan 1").fill("TLS 1.0 masih aktif");
    await page.getByLabel("Tingkat keparahan temuan 1").selectOption("high");
    await page.getByLabel("Batas perbaikan temuan 1").fill(addDays(today, 7));
    await page.getByRole("button", { name: "Simpan pemindaian" }).click();
    const finding = page.getByRole("group", { name: "TLS 1.0 masih aktif" });
    await finding.getByLabel("Status perbaikan").selectOption("remediated");
    await finding.getByLabel("Catatan perbaikan").fill("TLS 1.0 dimatikan");
    await finding.getByRole("button", { name: "Simpan status" }).click();
    await page.getByText("Status temuan disimpan").waitFor();
    await finding.getByText(`Selesai`, { exact: false }).waitFor();

    await page.getByRole("link", { name: "Kapasitas" }).click();
    await page.getByRole("heading", { name: "Kapasitas Layanan" }).waitFor();
    await page.getByRole("table", { name: "Puncak dan persentil 95" }).getByText("Ukuran basis data").waitFor();
    // The server took a sample when it started: the recent samples list it.
    await expect.poll(() => page.getByRole("table", { name: "Sampel terbaru" }).locator("tbody tr").count()).toBeGreaterThan(0);

    // The thresholds and the review period are LPSE settings.
    await page.getByRole("link", { name: "Pengaturan" }).click();
    await page.getByLabel("Batas bawah disk bebas (%)").fill("15");
    await page.getByLabel("Kaji ulang hak akses paling lambat (hari)").fill("30");
    await page.getByRole("button", { name: "Simpan" }).first().click();
    await page.getByText("Pengaturan disimpan.").waitFor();
    expect((await getSettings(s.server.runtime.deps.database.db)).operations).toEqual({ capacitySampleMinutes: 15, diskFreeMinPercent: 15, memoryMaxPercent: 85, cpuLoadMaxPercent: 90, accessReviewDays: 30 });

    const db = s.server.runtime.deps.database.db;
    expect(await db.selectFrom("access_grants").select(["person", "last_reviewed_on", "revoked_on", "revoked_reason"]).execute()).toEqual([
      { person: "Andi Pratama", last_reviewed_on: today, revoked_on: today, revoked_reason: "Pindah tugas ke dinas lain" },
    ]);
    expect(await db.selectFrom("vulnerability_findings").select(["status", "resolution_note"]).execute()).toEqual([{ status: "remediated", resolution_note: "TLS 1.0 dimatikan" }]);
  }, 90_000);
});
