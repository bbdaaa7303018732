import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTotpSecret, totpCode } from "../../src/modules/auth/totp.js";
import { createAsset } from "../../src/modules/registers/assets.service.js";
import { actorOf } from "../../src/modules/auth/session.hook.js";
import { findUserById } from "../../src/modules/users/users.repository.js";
import { launchBrowser } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { createEnrolledUser } from "../support/factories.js";

const PASSWORD = "Madiun#Uji2026";

interface LicenceView {
  product: string;
  seats: number | null;
  seatsUsed: number;
  overUse: boolean;
  cost: string | null;
  installations: { asset: { code: string } }[];
}

/** The Admin PPE records a regulation, then a one-seat licence installed on two computers: the over-use shows. */
describe("browser: compliance registers", () => {
  let s: TestServer;
  let browser: Browser;
  const admin = { email: "admin.kepatuhan@madiun.test", secret: newTotpSecret() };

  beforeAll(async () => {
    s = await startTestServer();
    const { deps } = s.server.runtime;
    const db = deps.database.db;
    const now = new Date();
    const adminId = await createEnrolledUser(db, { name: "Dimas Saputra", email: admin.email, role: "admin_ppe", password: PASSWORD }, admin.secret, now);
    const actor = actorOf((await findUserById(db, adminId))!, "setup");
    for (const [code, name] of [["PC-HD-01", "Komputer helpdesk"], ["PC-VER-01", "Komputer verifikator"]] as const) {
      await createAsset(db, actor, { code, name, type: "hardware", owner: "Admin PPE", location: "Kantor LPSE", confidentiality: 2, integrity: 2, availability: 2 }, now);
    }
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it("records a regulation and a licence installed on two assets with one seat, and shows the over-use", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${s.url}/login`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByLabel("Kode autentikator").fill(totpCode(admin.secret, new Date()));
    await page.getByRole("button", { name: "Verifikasi" }).click();

    await page.getByRole("link", { name: "Peraturan" }).click();
    await page.getByRole("heading", { name: "Register Peraturan" }).waitFor();
    await page.getByRole("button", { name: "Tambah peraturan" }).click();
    await page.getByLabel("Judul").fill("Pengadaan Barang/Jasa Pemerintah");
    await page.getByLabel("Nomor").fill("Perpres 16/2018");
    await page.getByLabel("Jenis").selectOption("perpres");
    await page.getByLabel("Tanggal terbit").fill("2018-03-16");
    await page.getByLabel("Status").selectOption("replaced");
    // Replaced without naming the successor: the field is named and nothing is stored.
    await page.getByRole("button", { name: "Simpan" }).click();
    await page.getByText("isi peraturan pengganti hanya jika statusnya diganti").waitFor();
    await page.getByLabel("Diganti oleh").fill("Perpres 12/2021");
    await page.getByRole("button", { name: "Simpan" }).click();
    const regulations = page.getByRole("table", { name: "Daftar peraturan" });
    await regulations.getByText("Perpres 16/2018").waitFor();
    await regulations.getByText("Diganti", { exact: true }).waitFor();

    await page.getByRole("link", { name: "Lisensi Perangkat Lunak" }).click();
    await page.getByRole("heading", { name: "Register Lisensi Perangkat Lunak" }).waitFor();
    await page.getByRole("button", { name: "Tambah lisensi" }).click();
    await page.getByLabel("Produk").fill("Microsoft Office 2021 Standard");
    await page.getByLabel("Vendor").fill("Microsoft");
    await page.getByLabel("Jenis lisensi").selectOption("perpetual");
    await page.getByLabel("Jumlah kursi").fill("1");
    await page.getByLabel("Biaya (Rp)").fill("4250000,50");
    await page.getByRole("button", { name: "Simpan" }).click();
    const licences = page.getByRole("table", { name: "Daftar lisensi" });
    await licences.getByText("Microsoft Office 2021 Standard").waitFor();
    await licences.getByText("Rp4.250.000,50").waitFor();

    for (const code of ["PC-HD-01", "PC-VER-01"]) {
      await page.getByLabel("Lisensi", { exact: true }).selectOption({ label: "Microsoft Office 2021 Standard" });
      await page.getByLabel("Aset", { exact: true }).selectOption({ label: code === "PC-HD-01" ? "PC-HD-01 — Komputer helpdesk" : "PC-VER-01 — Komputer verifikator" });
      await page.getByRole("button", { name: "Catat pemasangan" }).click();
      await licences.getByText(code).waitFor();
    }
    await licences.getByText("2 / 1").waitFor();
    await licences.getByText("Melebihi lisensi").waitFor();
    await page.getByText("1 lisensi terpasang melebihi jumlah kursi yang dimiliki").waitFor();

    // The same state through the API, from the logged-in browser.
    const fromApi = await page.evaluate(async () => (await (await fetch("/api/v1/compliance/licences")).json()) as { items: LicenceView[]; overUsed: number });
    expect(fromApi.overUsed).toBe(1);
    expect(fromApi.items).toHaveLength(1);
    expect(fromApi.items[0]).toMatchObject({ product: "Microsoft Office 2021 Standard", seats: 1, seatsUsed: 2, overUse: true, cost: "4250000.50" });
    expect(fromApi.items[0]?.installations.map((i) => i.asset.code)).toEqual(["PC-HD-01", "PC-VER-01"]);
    const regs = await page.evaluate(async () => (await (await fetch("/api/v1/compliance/regulations")).json()) as { items: { number: string; status: string; replacedBy: string | null }[] });
    expect(regs.items).toEqual([expect.objectContaining({ number: "Perpres 16/2018", status: "replaced", replacedBy: "Perpres 12/2021" })]);
  }, 90_000);
});
