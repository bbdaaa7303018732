import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTotpSecret, totpCode } from "../../src/modules/auth/totp.js";
import { addDays } from "../../src/modules/operations-registers/operations-registers.presenter.js";
import { localDate } from "../../src/modules/settings/calendar.js";
import { launchBrowser } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { createEnrolledUser } from "../support/factories.js";

const PASSWORD = "Madiun#Uji2026";

interface Staff {
  name: string;
  trainingNeeds: unknown[];
  competences: { competence: string; requiredLevel: number; currentLevel: number }[];
}
interface Visit {
  badgeNumber: string;
  exitedAt: string | null;
  devices: { serialNumber: string; direction: string }[];
}

/** Reads the API from the logged-in browser: the saved state, not what the page shows. */
const readApi = <T,>(page: Page, path: string): Promise<T> => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;

/**
 * The Admin PPE records a staff member with a competence gap and a training that closes it; the Kepala LPSE
 * approves a server-room permit; the admin logs a visit with a device brought in and its exit.
 */
describe("browser: staff competence and server-room visits", () => {
  let s: TestServer;
  let browser: Browser;
  const admin = { email: "admin.sdm@madiun.test", name: "Rina Wulandari", role: "admin_ppe" as const, secret: newTotpSecret() };
  const head = { email: "kepala.sdm@madiun.test", name: "Drs. Suryo Wibowo", role: "kepala_lpse" as const, secret: newTotpSecret() };

  beforeAll(async () => {
    s = await startTestServer();
    const { deps } = s.server.runtime;
    const now = new Date();
    for (const u of [admin, head]) {
      await createEnrolledUser(deps.database.db, { name: u.name, email: u.email, role: u.role, password: PASSWORD }, u.secret, now);
    }
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  async function logIn(user: { email: string; secret: string }): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${s.url}/login`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByLabel("Kode autentikator").fill(totpCode(user.secret, new Date()));
    await page.getByRole("button", { name: "Verifikasi" }).click();
    return page;
  }

  it("closes a competence gap with a training, and logs a server-room visit under an approved permit", async () => {
    const today = localDate(new Date(), "WIB");
    const page = await logIn(admin);

    await page.getByRole("link", { name: "Kompetensi", exact: true }).click();
    await page.getByRole("heading", { name: "Kompetensi Pegawai LPSE" }).waitFor();
    await page.getByLabel("Nama", { exact: true }).fill("Bambang Hermawan");
    await page.getByLabel("Jabatan").fill("Tenaga kontrak TI");
    await page.getByLabel("Peran dalam layanan").fill("Koordinator helpdesk");
    await page.getByLabel("Tanggal NDA ditandatangani").fill(addDays(today, -100));
    await page.getByLabel("Kontrak berakhir").fill(addDays(today, 200));
    await page.getByRole("button", { name: "Simpan pegawai" }).click();
    await page.getByRole("table", { name: "Matriks kompetensi" }).getByText("Bambang Hermawan").waitFor();

    await page.getByLabel("Pegawai yang dinilai").selectOption({ label: "Bambang Hermawan" });
    await page.getByLabel("Kompetensi", { exact: true }).selectOption("information_security");
    await page.getByLabel("Tingkat dibutuhkan").selectOption("3");
    await page.getByLabel("Tingkat saat ini").selectOption("1");
    await page.getByRole("button", { name: "Simpan tingkat kompetensi" }).click();
    const needs = page.getByRole("table", { name: "Kebutuhan pelatihan" });
    await needs.getByText("Keamanan informasi").waitFor();

    await page.getByRole("link", { name: "Pelatihan", exact: true }).click();
    await page.getByRole("heading", { name: "Pelatihan Pegawai LPSE" }).waitFor();
    await page.getByLabel("Judul pelatihan").fill("Bimtek Keamanan Informasi SPSE");
    await page.getByLabel("Penyelenggara").fill("BSSN");
    await page.getByLabel("Kompetensi yang dilatih").selectOption("information_security");
    await page.getByLabel("Tingkat yang diberikan").selectOption("3");
    await page.getByLabel("Tanggal mulai").fill(addDays(today, -3));
    await page.getByLabel("Tanggal selesai").fill(addDays(today, -1));
    await page.getByLabel("Jam pelajaran").fill("24");
    await page.getByRole("button", { name: "Simpan pelatihan" }).click();
    await page.getByLabel("Pelatihan yang diikuti").selectOption({ label: "Bimtek Keamanan Informasi SPSE" });
    await page.getByLabel("Peserta").selectOption({ label: "Bambang Hermawan" });
    await page.getByLabel("Hasil atau nilai").fill("Lulus, nilai 86");
    await page.getByRole("button", { name: "Simpan kehadiran" }).click();
    await page.getByRole("table", { name: "Riwayat pelatihan" }).getByText("tingkat 1 → 3").waitFor();

    await page.getByRole("link", { name: "Kompetensi", exact: true }).click();
    await page.getByText("Tidak ada kesenjangan kompetensi.").waitFor();
    const [staff] = (await readApi<{ items: Staff[] }>(page, "/api/v1/operations/staff")).items;
    expect(staff).toMatchObject({ name: "Bambang Hermawan", trainingNeeds: [], competences: [{ competence: "information_security", requiredLevel: 3, currentLevel: 3 }] });

    await page.getByRole("link", { name: "Ruang Server" }).click();
    await page.getByRole("heading", { name: "Ruang Server: Izin dan Buku Tamu" }).waitFor();
    await page.getByLabel("Nama tamu").fill("Bayu Saputra");
    await page.getByLabel("Instansi atau perusahaan").fill("PT Data Nusantara");
    await page.getByLabel("Keperluan").fill("Penggantian disk server basis data");
    await page.getByRole("button", { name: "Ajukan izin" }).click();
    await page.getByRole("table", { name: "Izin masuk ruang server" }).getByText("Menunggu persetujuan").waitFor();

    const headPage = await logIn(head);
    await headPage.getByRole("link", { name: "Ruang Server" }).click();
    await headPage.getByRole("button", { name: "Setujui izin Bayu Saputra" }).click();
    await headPage.getByRole("table", { name: "Izin masuk ruang server" }).getByText("Berlaku", { exact: true }).waitFor();

    await page.reload();
    await page.getByLabel("Izin kunjungan").selectOption({ label: "Bayu Saputra — PT Data Nusantara" });
    await page.getByLabel("Pendamping").fill("Yoga Pratama");
    await page.getByLabel("Nomor tanda pengenal").fill("TAMU-07");
    await page.getByLabel("Perangkat dibawa masuk").fill("Laptop teknisi");
    await page.getByLabel("Nomor seri perangkat masuk").fill("5CD1234XYZ");
    await page.getByRole("button", { name: "Simpan kunjungan" }).click();
    await page.getByText("1 tamu masih di dalam ruang server.").waitFor();

    await page.getByLabel("Kunjungan yang masih terbuka").selectOption({ label: "Bayu Saputra — TAMU-07" });
    await page.getByLabel("Perangkat dibawa keluar").fill("Laptop teknisi");
    await page.getByLabel("Nomor seri perangkat keluar").fill("5CD1234XYZ");
    await page.getByRole("button", { name: "Simpan waktu keluar" }).click();
    await page.getByText("0 tamu masih di dalam ruang server.").waitFor();

    const permits = await readApi<{ items: { status: string; approvedBy: { name: string } | null; requestedBy: { name: string } }[] }>(headPage, "/api/v1/operations/server-room/permits");
    expect(permits.items).toMatchObject([{ status: "active", approvedBy: { name: head.name }, requestedBy: { name: admin.name } }]);
    const visits = (await readApi<{ items: Visit[]; open: number }>(page, "/api/v1/operations/server-room/visits"));
    expect(visits.open).toBe(0);
    expect(visits.items).toHaveLength(1);
    expect(visits.items[0]?.exitedAt).not.toBeNull();
    expect(visits.items[0]?.devices.map((d) => [d.direction, d.serialNumber])).toEqual([["in", "5CD1234XYZ"], ["out", "5CD1234XYZ"]]);
  }, 120_000);
});
