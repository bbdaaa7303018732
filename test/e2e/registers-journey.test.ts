import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTotpSecret } from "../../src/modules/auth/totp.js";
import { proposeChange } from "../../src/modules/registers/changes.service.js";
import { updateUser } from "../../src/modules/users/users.repository.js";
import { createUser } from "../../src/modules/users/users.service.js";
import { logIn } from "../support/bid-steps.js";
import { launchBrowser } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";

const PASSWORD = "Register#Uji2026";

/** The administrator adds an asset and a risk on it (seeing its level and its heat-map cell), and approves a change request. */
describe("browser: asset, risk and change registers", () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  const admin = { email: "admin@madiun.test", password: PASSWORD, totpSecret: newTotpSecret() };

  beforeAll(async () => {
    s = await startTestServer();
    const { db } = s.server.runtime.deps.database;
    const now = new Date();
    const created = await createUser(db, null, { name: "Rina Wulandari", email: admin.email, role: "admin_ppe", password: PASSWORD }, now);
    await updateUser(db, created.id, { totp_secret: admin.totpSecret, totp_enrolled_at: now.toISOString() });
    const officer = await createUser(db, null, { name: "Dwi Cahyono", email: "dwi@madiun.test", role: "helpdesk", password: PASSWORD }, now);
    const actor = { id: officer.id, name: "Dwi Cahyono", email: "dwi@madiun.test", role: "helpdesk" as const, agencyId: null, vendorId: null, sessionId: "setup" };
    await proposeChange(db, actor, { title: "Tambah memori server aplikasi", description: "Menambah RAM server aplikasi dari 16 GB ke 32 GB.", reason: "Beban puncak saat unggah penawaran." }, now);
    browser = await launchBrowser();
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it("adds an asset and a risk, shows its level and heat-map cell, and approves a change", async () => {
    await logIn(page, s.url, admin, new Date());

    await page.getByRole("link", { name: "Register Aset", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Register Aset" }).waitFor();
    await page.getByRole("button", { name: "Tambah aset" }).click();
    await page.getByLabel("Kode").fill("HW-SRV-01");
    await page.getByLabel("Jenis").selectOption("hardware");
    await page.getByLabel("Nama", { exact: true }).fill("Server aplikasi SPSE");
    await page.getByLabel("Pemilik").fill("Admin PPE");
    await page.getByLabel("Lokasi").fill("Ruang server lantai 2");
    await page.getByLabel("Kerahasiaan").selectOption("3");
    await page.getByLabel("Integritas").selectOption("3");
    await page.getByLabel("Ketersediaan").selectOption("2");
    await page.getByRole("button", { name: "Simpan" }).click();
    const row = page.getByRole("row").filter({ hasText: "HW-SRV-01" });
    await row.waitFor();
    expect(await row.textContent()).toContain("8Tinggi");

    await page.getByRole("link", { name: "Register Risiko", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Register Risiko" }).waitFor();
    await page.getByRole("button", { name: "Tambah risiko" }).click();
    await page.getByLabel("Aset", { exact: true }).selectOption({ label: "HW-SRV-01 — Server aplikasi SPSE" });
    await page.getByLabel("Judul", { exact: true }).fill("Kegagalan catu daya");
    await page.getByLabel("Uraian").fill("UPS tua tidak menahan beban saat listrik padam.");
    await page.getByLabel("Dampak", { exact: true }).selectOption("4");
    await page.getByLabel("Ancaman", { exact: true }).selectOption("2");
    await page.getByLabel("Kerentanan", { exact: true }).selectOption("3");
    await page.getByLabel("Paparan", { exact: true }).selectOption("2");
    await page.getByLabel("Pemilik").fill("Admin PPE");
    await page.getByRole("button", { name: "Simpan" }).click();
    // 4 × 2 × 3 × 2 = 48: sedang; likelihood 2 × 3 × 2 = 12 → band 2.
    const riskRow = page.getByRole("row").filter({ hasText: "Kegagalan catu daya" });
    await riskRow.getByText("Sedang").waitFor();
    expect(await riskRow.textContent()).toContain("48");
    await page.getByRole("cell", { name: "Dampak 4, kemungkinan 2: 1 risiko" }).waitFor();

    await page.getByRole("link", { name: "Register Perubahan", exact: true }).click();
    const change = page.getByRole("article", { name: "Tambah memori server aplikasi" });
    await change.getByText("Diajukan", { exact: true }).waitFor();
    await change.getByLabel("Catatan").fill("Disetujui, pasang di luar jam layanan.");
    await change.getByRole("button", { name: "Setujui" }).click();
    await change.getByText("Disetujui", { exact: true }).waitFor();
    await change.getByRole("button", { name: "Catat penerapan" }).waitFor();
    // The first start recorded the platform's own installation as an automatic change.
    await page.getByText("Otomatis", { exact: true }).first().waitFor();
  });
});
