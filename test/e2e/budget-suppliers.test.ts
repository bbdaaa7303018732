import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTotpSecret, totpCode } from "../../src/modules/auth/totp.js";
import { addDays } from "../../src/modules/operations-registers/operations-registers.presenter.js";
import { localDate } from "../../src/modules/settings/calendar.js";
import { launchBrowser } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { createEnrolledUser } from "../support/factories.js";

const PASSWORD = "Madiun#Uji2026";

/** What the API answers the logged-in page (its session cookie) for `path`. */
function readApi<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p, { headers: { accept: "application/json" } })).json(), path) as Promise<T>;
}

/** The Admin PPE plans a budget line, records a realisation and reads the share; registers an ISP with an uptime target and a review that misses it. */
describe("browser: budget and suppliers", () => {
  let s: TestServer;
  let browser: Browser;
  const admin = { email: "admin.anggaran@madiun.test", secret: newTotpSecret() };

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

  it("adds a budget line and a realisation and shows the share; adds a supplier with an SLA target and a review that misses it", async () => {
    const today = localDate(new Date(), "WIB");
    const year = Number(today.slice(0, 4));
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${s.url}/login`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByLabel("Kode autentikator").fill(totpCode(admin.secret, new Date()));
    await page.getByRole("button", { name: "Verifikasi" }).click();

    await page.getByRole("link", { name: "Anggaran" }).click();
    await page.getByRole("heading", { name: "Anggaran Layanan" }).waitFor();
    await page.getByLabel("Tahun anggaran").fill(String(year));
    await page.getByLabel("Komponen biaya").selectOption("internet");
    await page.getByLabel("Rencana (Rp)").fill("120000000");
    await page.getByLabel("Uraian", { exact: true }).fill("Langganan internet 100 Mbps");
    await page.getByRole("button", { name: "Simpan baris anggaran" }).click();
    await page.getByRole("button", { name: "Buka realisasi Langganan internet 100 Mbps" }).click();
    await page.getByLabel("Tanggal realisasi").fill(today);
    await page.getByLabel("Jumlah (Rp)").fill("30000000");
    await page.getByLabel("Uraian realisasi").fill("Triwulan I");
    await page.getByLabel("Referensi (mis. nomor SP2D)").fill("SP2D 00123/LS");
    await page.getByRole("button", { name: "Simpan realisasi" }).click();
    await page.getByText("Realisasi disimpan").waitFor();
    await expect.poll(() => page.getByTestId("budget-total-share").textContent()).toBe("25,0%");
    await page.getByRole("table", { name: "Ringkasan per komponen biaya" }).getByText("Rp30.000.000").first().waitFor();

    const budget = await readApi<{ total: { planned: string; realised: string; realisedPercent: number }; lines: { component: string; realisations: { amount: string; reference: string }[] }[] }>(page, `/api/v1/budget/years/${year}`);
    expect(budget.total).toEqual({ planned: "120000000", realised: "30000000", realisedPercent: 25 });
    expect(budget.lines.map((l) => [l.component, l.realisations])).toEqual([["internet", [{ id: expect.any(String), realisedOn: today, amount: "30000000", description: "Triwulan I", reference: "SP2D 00123/LS" }]]]);

    await page.getByRole("link", { name: "Pemasok" }).click();
    await page.getByRole("heading", { name: "Pemasok Layanan Pendukung" }).waitFor();
    await page.getByLabel("Nama pemasok").fill("PT Telkom Indonesia Witel Madiun");
    await page.getByLabel("Layanan", { exact: true }).selectOption("isp");
    await page.getByLabel("Nomor kontrak").fill("027/045/SPK/2026");
    await page.getByLabel("Kontrak mulai").fill(addDays(today, -30));
    await page.getByLabel("Kontrak berakhir").fill(addDays(today, 400));
    await page.getByLabel("Kontak").fill("Account manager, (0351) 462000");
    await page.getByRole("button", { name: "Tambah target SLA" }).click();
    await page.getByLabel("Ukuran SLA 1").fill("Uptime");
    await page.getByLabel("Arah target 1").selectOption("at_least");
    await page.getByLabel("Nilai target 1").fill("99,5");
    await page.getByLabel("Satuan 1").fill("%");
    await page.getByRole("button", { name: "Simpan pemasok" }).click();
    await page.getByText("Pemasok disimpan").waitFor();

    await page.getByRole("button", { name: "Buka evaluasi PT Telkom Indonesia Witel Madiun" }).click();
    await page.getByLabel("Periode dari").fill(addDays(today, -30));
    await page.getByLabel("Periode sampai").fill(today);
    await page.getByLabel("Nilai keseluruhan (1–5)").selectOption("3");
    await page.getByLabel("Hasil terukur Uptime (%)").fill("99,1");
    await page.getByLabel("Catatan").fill("Putus serat optik dua kali");
    await page.getByRole("button", { name: "Simpan evaluasi" }).click();
    await page.getByText("Evaluasi disimpan").waitFor();
    await page.getByText("Uptime: 99.1 % (target 99.5 %) — tidak tercapai").waitFor();
    await page.getByRole("table", { name: "Pemasok Layanan Pendukung" }).getByText("Target tidak tercapai").waitFor();

    const suppliers = await readApi<{ items: { name: string; contract: { state: string }; targets: { metric: string; target: string; direction: string }[]; reviews: { rating: number; allMet: boolean; measurements: { measured: string; met: boolean }[] }[] }[] }>(page, "/api/v1/suppliers");
    expect(suppliers.items).toHaveLength(1);
    const isp = suppliers.items[0];
    expect(isp).toMatchObject({ name: "PT Telkom Indonesia Witel Madiun", contract: { state: "ok" }, targets: [{ metric: "Uptime", target: "99.5", direction: "at_least" }] });
    expect(isp?.reviews.map((r) => ({ rating: r.rating, allMet: r.allMet, measured: r.measurements.map((m) => [m.measured, m.met]) }))).toEqual([{ rating: 3, allMet: false, measured: [["99.1", false]] }]);
  }, 90_000);
});
