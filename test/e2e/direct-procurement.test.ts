import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTotpSecret } from "../../src/modules/auth/totp.js";
import { createAgency, createWorkUnit } from "../../src/modules/orgs/orgs.service.js";
import { assignCommittee } from "../../src/modules/packages/assignment.service.js";
import { createPackage } from "../../src/modules/packages/packages.service.js";
import { localDate, startOfLocalDate } from "../../src/modules/settings/calendar.js";
import { getSettings } from "../../src/modules/settings/settings.service.js";
import type { Role } from "../../src/modules/users/roles.js";
import { updateUser } from "../../src/modules/users/users.repository.js";
import { createUser } from "../../src/modules/users/users.service.js";
import { insertVendor } from "../../src/modules/vendors/vendors.repository.js";
import { ManualClock } from "../../src/server/clock.js";
import { launchBrowser } from "../support/browser.js";
import { actorOf } from "../support/tenders.js";
import { logIn as logInAs } from "../support/bid-steps.js";
import { startTestServer, type TestServer } from "../support/server.js";

const PASSWORD = "Madiun#Uji2026";
const DAY = 86_400_000;

interface Person {
  id: string;
  name: string;
  email: string;
  password: string;
  role: Role;
  agencyId: string | null;
  totpSecret: string | null;
}

/**
 * Pengadaan Langsung in the browser, on the real server and a clock the test moves: the Pejabat Pengadaan
 * invites a verified vendor on the package page; the vendor opens the invitation from its inbox and quotes
 * a unit price per line (exact totals while typing); after the due time the official records the
 * negotiation and awards the vendor.
 */
describe("browser: Pengadaan Langsung", () => {
  let s: TestServer;
  const clock = new ManualClock(new Date());
  let browser: Browser;
  const pages: Page[] = [];
  const person = (name: string, email: string, role: Role): Person => ({ id: "", name, email, password: PASSWORD, role, agencyId: null, totpSecret: role === "vendor" ? null : newTotpSecret() });
  const ppk = person("Yudi Hartono", "ppk@madiun.test", "ppk");
  const admin = person("Agus Setiawan", "admin@madiun.test", "admin_agency");
  const official = person("Sri Wahyuni", "pp@madiun.test", "pejabat_pengadaan");
  const vendor = { ...person("Budi Santoso", "direktur@sumber-tulis.test", "vendor"), vendorId: randomUUID(), company: "CV Sumber Tulis", npwp: "012345678901000" };
  const packageName = "Pengadaan Alat Tulis Kantor Bidang SMP";
  const notes = "Harga tinta disepakati lebih rendah setelah klarifikasi merek dan masa garansi.";
  let packageId = "";
  let dueInput = "";
  let due = new Date();

  beforeAll(async () => {
    s = await startTestServer({}, clock);
    const { db } = s.server.runtime.deps.database;
    const now = clock.now();
    const dinas = await createAgency(db, null, { code: "DISDIK", name: "Dinas Pendidikan", kind: "dinas" }, now);
    const unit = await createWorkUnit(db, null, dinas.id, { code: "DISDIK-SMP", name: "Bidang SMP" }, now);
    for (const user of [ppk, admin, official]) {
      const agencyId = dinas.id;
      const created = await createUser(db, null, { name: user.name, email: user.email, role: user.role, agencyId, password: PASSWORD }, now);
      await updateUser(db, created.id, { totp_secret: user.totpSecret, totp_enrolled_at: now.toISOString() });
      Object.assign(user, { id: created.id, agencyId });
    }
    await insertVendor(db, { id: vendor.vendorId, name: vendor.company, business_form: "CV", npwp: vendor.npwp, status: "verified", verified_at: now.toISOString(), created_at: now.toISOString(), updated_at: now.toISOString() });
    vendor.id = (await createUser(db, null, { name: vendor.name, email: vendor.email, role: "vendor", vendorId: vendor.vendorId, password: PASSWORD }, now)).id;
    const { row } = await createPackage(
      db,
      actorOf(ppk),
      {
        rupCode: "51234005", name: packageName, workUnitId: unit.id, fiscalYear: 2027, fundingSource: "APBD", pagu: "45000000",
        category: "barang", method: "pengadaan_langsung", evaluationMethod: "gugur_harga_terendah", qualification: "pasca", contractType: "lumsum", kbliCodes: [], qualificationRequirements: "",
        hpsItems: [
          { description: "Kertas HVS A4 80 gram", unit: "rim", quantity: "300", unitPrice: "55000" },
          { description: "Tinta printer", unit: "botol", quantity: "60", unitPrice: "95000" },
        ],
      },
      now,
    );
    packageId = row.id;
    await assignCommittee(db, actorOf(admin), packageId, { kind: "pejabat_pengadaan", memberIds: [official.id], decreeNumber: "027/9/2026" }, now);
    // The quotation is due at 10:00 on the LPSE's wall clock, two days from now.
    const { timeZone } = await getSettings(db);
    const date = localDate(new Date(now.getTime() + 2 * DAY), timeZone);
    dueInput = `${date}T10:00`;
    due = new Date(startOfLocalDate(date, timeZone).getTime() + 10 * 3_600_000);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await browser?.close();
    await s?.close();
  });

  /** Logs in (with the second factor for staff) in a fresh browser context: once per user and clock position. */
  async function logIn(user: Person): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    pages.push(page);
    await logInAs(page, s.url, user, clock.now());
    return page;
  }

  async function openPackage(page: Page): Promise<void> {
    await page.getByRole("link", { name: "Paket", exact: true }).click();
    await page.getByRole("link", { name: packageName }).click();
    await page.getByRole("heading", { level: 1, name: packageName }).waitFor();
  }

  it("invites, quotes, negotiates and awards", async () => {
    const { db } = s.server.runtime.deps.database;

    // 1. The official invites the vendor; the tender schedule does not apply to this method.
    const pp = await logIn(official);
    await openPackage(pp);
    const section = pp.getByTestId("direct");
    expect(await pp.getByTestId("schedule-table").count()).toBe(0);
    await section.getByLabel("Cari penyedia").fill("sumber");
    await section.getByLabel("Penyedia", { exact: true }).selectOption(vendor.vendorId);
    await expect.poll(() => section.getByLabel("Penyedia", { exact: true }).locator("option:checked").textContent()).toBe("CV Sumber Tulis — 01.234.567.8-901.000");
    await section.getByLabel("Batas waktu penawaran").fill(dueInput);
    await section.getByRole("button", { name: "Undang penyedia" }).click();
    await expect.poll(() => section.getByTestId("direct-status").textContent()).toBe("Diundang");
    await section.getByText(/Negosiasi dapat dicatat setelah batas waktu penawaran/).waitFor();

    // 2. The vendor opens the invitation from its inbox and quotes; the totals follow exactly while typing.
    const v = await logIn(vendor);
    await v.getByRole("link", { name: "Notifikasi" }).click();
    await v.getByRole("link", { name: `Buka: Undangan Pengadaan Langsung — ${packageName}` }).click();
    await v.getByRole("heading", { level: 1, name: packageName }).waitFor();
    await v.getByRole("group", { name: "1. Kertas HVS A4 80 gram" }).getByLabel("Harga satuan").fill("52000");
    await v.getByRole("group", { name: "2. Tinta printer" }).getByLabel("Harga satuan").fill("92500,5");
    expect(await v.getByTestId("direct-line-total").allTextContents()).toEqual(["Rp15.600.000", "Rp5.550.030"]);
    expect(await v.getByTestId("direct-total").textContent()).toBe("Rp21.150.030");
    await v.getByRole("button", { name: "Kirim penawaran harga" }).click();
    await expect.poll(() => v.getByTestId("direct-status").textContent()).toBe("Penawaran masuk");
    await expect.poll(() => v.getByTestId("direct-quotation").textContent()).toBe("Rp21.150.030");

    // 3. Past the due time the vendor sees the status only; the official negotiates and awards.
    clock.set(new Date(due.getTime() + 3_600_000));
    const vendorLater = await logIn(vendor);
    await vendorLater.getByRole("link", { name: "Pengadaan Langsung", exact: true }).click();
    await vendorLater.getByRole("link", { name: packageName }).click();
    await vendorLater.getByText(/Batas waktu penawaran .* sudah lewat/).waitFor();
    expect(await vendorLater.getByRole("button", { name: "Kirim penawaran harga" }).count()).toBe(0);

    const ppLater = await logIn(official);
    await openPackage(ppLater);
    const later = ppLater.getByTestId("direct");
    await expect.poll(() => later.getByTestId("direct-items").getByRole("row").count()).toBe(4);
    await later.getByLabel("Harga hasil negosiasi").fill("21500000");
    await later.getByLabel("Berita acara klarifikasi dan negosiasi").fill(notes);
    await later.getByRole("button", { name: "Simpan negosiasi" }).click();
    // Above the quotation: refused in the server's words under the price.
    await later.getByText(/paling tinggi Rp21\.150\.030/).waitFor();
    await later.getByLabel("Harga hasil negosiasi").fill("20750000");
    await later.getByRole("button", { name: "Simpan negosiasi" }).click();
    await expect.poll(() => later.getByTestId("direct-status").textContent()).toBe("Sudah dinegosiasi");
    expect(await later.getByLabel("Keputusan").inputValue()).toBe("awarded");
    await later.getByLabel("Alasan", { exact: true }).fill("Harga wajar dan spesifikasi sesuai kebutuhan.");
    await later.getByRole("button", { name: "Simpan hasil" }).click();
    await ppLater.getByRole("dialog").getByRole("button", { name: "Ya, lanjutkan" }).click();
    await expect.poll(() => later.getByTestId("direct-status").textContent()).toBe("Penyedia ditetapkan");
    expect(await later.getByRole("button", { name: "Simpan hasil" }).count()).toBe(0);

    const row = await db.selectFrom("direct_procurements").selectAll().where("package_id", "=", packageId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      vendor_id: vendor.vendorId,
      status: "awarded",
      quotation_due: due.toISOString(),
      quotation_sen: 2_115_003_000,
      negotiated_sen: 2_075_000_000,
      negotiation_notes: notes,
      result_reason: "Harga wajar dan spesifikasi sesuai kebutuhan.",
    });
    expect(JSON.parse(row.quotation_items ?? "[]")).toEqual([
      { hpsItemId: expect.any(String), unitPrice: "52000" },
      { hpsItemId: expect.any(String), unitPrice: "92500.50" },
    ]);

    // 4. The result is public: a visitor finds it from the home page, without the quotation.
    const visitor = await browser.newPage();
    pages.push(visitor);
    await visitor.goto(s.url);
    await visitor.getByRole("link", { name: "Hasil Pengadaan Langsung" }).click();
    await visitor.getByRole("heading", { level: 1, name: "Hasil Pengadaan Langsung" }).waitFor();
    const result = visitor.getByTestId("direct-result").filter({ hasText: packageName });
    await result.getByText("Dinas Pendidikan").waitFor();
    await result.getByText("Rp20.750.000").waitFor();
    await result.getByText(vendor.company).waitFor();
    await result.getByText("Penyedia ditetapkan").waitFor();
    expect(await result.getByText("Rp21.150.030").count()).toBe(0);
  });
});
