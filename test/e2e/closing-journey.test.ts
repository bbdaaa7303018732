import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScheduleInput } from "../../src/modules/tenders/tenders.schemas.js";
import { ManualClock } from "../../src/server/clock.js";
import type { TestApp } from "../support/app.js";
import { logIn } from "../support/bid-steps.js";
import { launchBrowser } from "../support/browser.js";
import { Client } from "../support/client.js";
import { buildUser, buildVendor, loginAs, type TestUser } from "../support/factories.js";
import { buildOpenedTender } from "../support/sealed-bids.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { pascaSchedule } from "../support/schedule.js";
import { buildPublishedTender } from "../support/tenders.js";

type Vendor = TestUser & { vendorId: string };

const DAY_MS = 86_400_000;
/**
 * The test schedule (`pascaSchedule`, December 2026) moved by whole weeks (same weekdays) until its first
 * browser step is not before the real time: the browser drops a cookie whose expiry, set by the server's
 * clock, is already past by its own.
 */
const SHIFT_DAYS = 7 * Math.max(0, Math.ceil((Date.now() - Date.parse("2026-12-14T04:00:00Z")) / (7 * DAY_MS)));
const at = (iso: string) => new Date(Date.parse(iso) + SHIFT_DAYS * DAY_MS);
/** A calendar date of the test schedule, moved the same way. */
const day = (date: string) => at(`${date}T00:00:00Z`).toISOString().slice(0, 10);
type Tender = Awaited<ReturnType<typeof buildPublishedTender>>;

const FAILED_NAME = "Pembangunan Jembatan Kali Madiun";
const APPEALED_NAME = "Rehabilitasi Stadion Wilis Kota Madiun";
const NO_BIDS = "Sampai batas akhir upload dokumen penawaran tidak ada penawaran yang masuk; berita acara terlampir.";
const OBJECTION = "Harga terkoreksi pemenang tidak wajar dibanding harga pasar pekerjaan struktur.";
const OBJECTION_ANSWER = "Harga satuan pemenang sesuai survei harga pasar dan dinyatakan wajar; sanggah tidak diterima.";
const APPEAL = "Jawaban sanggah tidak menanggapi bukti harga pasar yang kami lampirkan pada sanggah.";
const APPEAL_ANSWER = "Pokja telah memeriksa bukti harga pasar; jawaban sanggah dikuatkan dan sanggah banding ditolak.";
const LETTER = "027/SPPBJ/412.105/2026";
const CONTRACT = "602/KONTRAK/DPUPR/2026";

/**
 * The end of two tenders in the browser, on the real server with the test schedule (`pascaSchedule`,
 * December 2026, moved by whole weeks once that is past) and a clock the test moves; the bids are sealed and opened through the API. Tender one
 * receives no bid: a Pokja member declares it failed (a short explanation refused in the server's words), a visitor reads
 * the reason in Indonesian and English, the PPK starts the re-tender and the two packages link to each
 * other. Tender two (construction): the bidder whose sanggah was answered files a sanggah banding with its
 * guarantee (below 1 % of the HPS refused), the PPK's SPPBJ is held until the PA/KPA answers it, then the
 * PPK issues the letter and records the contract; a visitor reads the answer and the contract.
 */
describe("browser: failed tender, sanggah banding and the contract", () => {
  let s: TestServer;
  const clock = new ManualClock(at("2026-11-26T03:00:00Z"));
  let t: TestApp;
  let browser: Browser;
  const pages: Page[] = [];
  let failed: Tender;
  let appealed: Tender;
  let vendors: Record<"citra" | "dewi", Vendor>;

  beforeAll(async () => {
    s = await startTestServer({ TRUST_PROXY: "true" }, clock);
    const deps = s.server.runtime.deps;
    t = { app: s.server.app, deps, clock, testDb: s.testDb, client: () => new Client(s.server.app, () => clock.now()), close: () => s.close() };
    const stages = pascaSchedule(SHIFT_DAYS) as ScheduleInput["stages"];
    failed = await buildPublishedTender(t, { name: FAILED_NAME, rupCode: "37700011", stages });
    appealed = await buildPublishedTender(t, { name: APPEALED_NAME, rupCode: "37700012", stages });
    vendors = {
      citra: await buildVendor(t, "verified", "PT Citra Stadion"),
      dewi: await buildVendor(t, "verified", "CV Dewi Struktur"),
    };
    // Nobody bids in the first tender; the second takes two sealed bids, opened after the deadline.
    await buildOpenedTender(t, appealed, [
      { vendor: vendors.citra, price: "1700000000", unitPrices: ["1700000000"] },
      { vendor: vendors.dewi, price: "1750000000", unitPrices: ["1750000000"] },
    ], [], SHIFT_DAYS);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await browser?.close();
    await s?.close();
  });

  const addresses = new Map<string, string>();
  /** A fresh page logged in as the user, from an address of its own (the login brake counts per address). */
  async function logInAs(user: TestUser): Promise<Page> {
    if (!addresses.has(user.id)) addresses.set(user.id, `10.30.0.${addresses.size + 1}`);
    const page = await browser.newPage({ extraHTTPHeaders: { "x-forwarded-for": addresses.get(user.id) ?? "" } });
    page.setDefaultTimeout(15_000);
    pages.push(page);
    await logIn(page, s.url, user, clock.now());
    return page;
  }

  async function onAnnouncement(page: Page, tender: Tender, name: string): Promise<Page> {
    await page.goto(`${s.url}/tender/${tender.tenderCode}`);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    return page;
  }

  async function visitor(tender: Tender, name: string): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    pages.push(page);
    return onAnnouncement(page, tender, name);
  }

  it("declares a tender failed and re-tenders it; takes a sanggah banding to the PA/KPA's answer, the SPPBJ and the contract", async () => {
    const db = s.server.runtime.deps.database.db;

    // 1. Evaluasi of the first tender: a Pokja member declares it failed, after the confirmation.
    clock.set(at("2026-12-14T04:00:00Z"));
    const member = await onAnnouncement(await logInAs(failed.pokja[0] as TestUser), failed, FAILED_NAME);
    const declare = member.getByTestId("declare-failure");
    await declare.getByLabel("Alasan tender gagal").selectOption("no_bids");
    await declare.getByLabel("Penjelasan").fill("Tidak ada.");
    await declare.getByRole("button", { name: "Nyatakan tender gagal" }).click();
    await member.getByRole("dialog", { name: "Nyatakan tender gagal?" }).getByText('dengan alasan "Tidak ada penawaran yang masuk"', { exact: false }).waitFor();
    await member.getByRole("dialog", { name: "Nyatakan tender gagal?" }).getByRole("button", { name: "Ya, lanjutkan" }).click();
    await declare.getByText("minimal 20 karakter", { exact: true }).waitFor();
    expect(await db.selectFrom("tender_failures").selectAll().execute()).toEqual([]);
    await declare.getByLabel("Penjelasan").fill(NO_BIDS);
    await declare.getByRole("button", { name: "Nyatakan tender gagal" }).click();
    await member.getByRole("dialog", { name: "Nyatakan tender gagal?" }).getByRole("button", { name: "Ya, lanjutkan" }).click();
    const notice = member.getByTestId("failure-notice");
    await notice.getByText("Alasan: Tidak ada penawaran yang masuk").waitFor();
    await notice.getByText(NO_BIDS).waitFor();
    expect(await member.getByTestId("declare-failure").count()).toBe(0);
    expect(await db.selectFrom("tender_failures").select(["reason", "text", "declared_by"]).execute()).toEqual([{ reason: "no_bids", text: NO_BIDS, declared_by: failed.pokja[0]?.id }]);

    // 2. Everyone reads the reason, in Indonesian and English; only the PPK is offered the re-tender.
    const public1 = await visitor(failed, FAILED_NAME);
    await public1.getByTestId("failure-notice").getByText("Alasan: Tidak ada penawaran yang masuk").waitFor();
    expect(await public1.getByRole("button", { name: "Tender ulang" }).count()).toBe(0);
    await public1.getByRole("radiogroup", { name: "Bahasa" }).getByRole("radio", { name: "EN" }).check();
    await public1.getByTestId("failure-notice").getByText("Reason: No bids were submitted").waitFor();

    // 3. The PPK starts the re-tender: a new draft package that names the failed tender, linked both ways.
    const ppk = await onAnnouncement(await logInAs(failed.ppk), failed, FAILED_NAME);
    await ppk.getByTestId("failure-notice").getByRole("button", { name: "Tender ulang" }).click();
    await ppk.getByRole("dialog", { name: "Mulai tender ulang?" }).getByRole("button", { name: "Ya, lanjutkan" }).click();
    await ppk.waitForURL(/\/app\/paket\/[0-9a-f-]{36}$/);
    const retender = await db.selectFrom("packages").select(["id", "status", "retender_of", "name"]).where("retender_of", "=", failed.packageId).executeTakeFirstOrThrow();
    expect(retender).toMatchObject({ status: "draft", name: FAILED_NAME });
    expect(ppk.url()).toBe(`${s.url}/app/paket/${retender.id}`);
    const origin = ppk.getByTestId("retender-of");
    await origin.getByText(`Tender ulang dari ${failed.tenderCode}`).waitFor();
    await origin.getByRole("link", { name: `Lihat tender ${failed.tenderCode}` }).click();
    await ppk.getByRole("heading", { level: 1, name: FAILED_NAME }).waitFor();
    await ppk.getByTestId("retender-link").getByRole("link", { name: "Buka paket tender ulang" }).click();
    await ppk.waitForURL(`${s.url}/app/paket/${retender.id}`);
    await ppk.getByTestId("retender-of").waitFor();

    // 4. The second tender through the API: everyone passes, the winner is named, Dewi objects and the committee answers.
    clock.set(at("2026-12-14T05:00:00Z"));
    const committee = await loginAs(t, appealed.pokja[0] as TestUser);
    for (const v of [vendors.citra, vendors.dewi]) {
      for (const stage of ["administrasi", "teknis", "kualifikasi"]) {
        const r = await committee.put(`/api/v1/tenders/${appealed.tenderCode}/evaluation/${v.vendorId}/${stage}`, { passed: true, reason: "Lengkap dan sah." });
        expect(r.status, r.text).toBe(200);
      }
    }
    clock.set(at("2026-12-16T02:30:00Z"));
    expect((await (await loginAs(t, appealed.pokja[0] as TestUser)).post(`/api/v1/tenders/${appealed.tenderCode}/winner`)).status).toBe(200);
    clock.set(at("2026-12-17T03:00:00Z"));
    const objection = await (await loginAs(t, vendors.dewi)).post<{ id: string }>(`/api/v1/tenders/${appealed.tenderCode}/objections`, { text: OBJECTION });
    expect(objection.status, objection.text).toBe(201);
    const answered = await (await loginAs(t, appealed.pokja[1] as TestUser)).post(`/api/v1/tenders/${appealed.tenderCode}/objections/${objection.body.id}/answer`, { answer: OBJECTION_ANSWER });
    expect(answered.status, answered.text).toBe(204);

    // 5. In the SPPBJ stage Dewi, whose sanggah was answered, files a sanggah banding.
    clock.set(at("2026-12-22T02:00:00Z"));
    const dewi = await onAnnouncement(await logInAs(vendors.dewi), appealed, APPEALED_NAME);
    const appeals = dewi.getByTestId("appeals");
    await appeals.getByText("jaminan sanggah banding paling sedikit 1% dari HPS (Rp18.000.000)", { exact: false }).waitFor();
    await appeals.getByText("Belum ada sanggah banding.").waitFor();
    await appeals.getByLabel("Isi sanggah banding").fill(APPEAL);
    await appeals.getByLabel("Nomor jaminan sanggah banding").fill("JSB-2026-0042");
    await appeals.getByLabel("Penerbit jaminan sanggah banding").fill("PT Bank Jatim");
    await appeals.getByLabel("Nilai jaminan sanggah banding (Rp)").fill("17999999,99");
    await appeals.getByRole("button", { name: "Ajukan sanggah banding" }).click();
    await appeals.getByText("jaminan sanggah banding paling sedikit 1% HPS (Rp18.000.000)").waitFor();
    await appeals.getByLabel("Nilai jaminan sanggah banding (Rp)").fill("18000000");
    await appeals.getByRole("button", { name: "Ajukan sanggah banding" }).click();
    const filed = appeals.getByRole("listitem").filter({ has: dewi.getByRole("heading", { name: "Sanggah banding CV Dewi Struktur" }) });
    await filed.getByText(APPEAL).waitFor();
    await filed.getByTestId("appeal-guarantee").getByText("Rp18.000.000").waitFor();
    await filed.getByText("Menunggu jawaban PA/KPA.", { exact: false }).waitFor();
    expect(await appeals.getByLabel("Isi sanggah banding").count()).toBe(0);

    // 6. The PPK's SPPBJ is held while the appeal waits: the server's words.
    const ppkAward = await onAnnouncement(await logInAs(appealed.ppk), appealed, APPEALED_NAME);
    const award = ppkAward.getByTestId("award");
    await award.getByLabel("Nomor SPPBJ").fill(LETTER);
    await award.getByRole("button", { name: "Terbitkan SPPBJ" }).click();
    await ppkAward.getByRole("dialog", { name: "Terbitkan SPPBJ?" }).getByRole("button", { name: "Ya, lanjutkan" }).click();
    await award.getByRole("alert").filter({ hasText: "SPPBJ ditahan: 1 sanggah banding menunggu jawaban PA/KPA" }).waitFor();
    expect(await db.selectFrom("awards").selectAll().execute()).toEqual([]);

    // 7. The PA/KPA of the agency answers; the bidder and the committee read the answer.
    const kpa = await buildUser(t, "pa_kpa", { agencyId: appealed.agency.id });
    const kpaPage = await onAnnouncement(await logInAs(kpa), appealed, APPEALED_NAME);
    const entry = kpaPage.getByTestId("appeals").getByRole("listitem").filter({ hasText: APPEAL });
    await entry.getByLabel("Jawaban sanggah banding", { exact: true }).fill(APPEAL_ANSWER);
    await entry.getByRole("button", { name: "Kirim jawaban sanggah banding untuk CV Dewi Struktur" }).click();
    await entry.getByTestId("appeal-answer").filter({ hasText: APPEAL_ANSWER }).waitFor();
    expect(await db.selectFrom("objection_appeals").select(["vendor_id", "guarantee_number", "guarantee_sen", "answer", "answered_by"]).execute()).toEqual([
      { vendor_id: vendors.dewi.vendorId, guarantee_number: "JSB-2026-0042", guarantee_sen: 1_800_000_000, answer: APPEAL_ANSWER, answered_by: kpa.id },
    ]);
    for (const page of [await onAnnouncement(dewi, appealed, APPEALED_NAME), await onAnnouncement(await logInAs(appealed.pokja[1] as TestUser), appealed, APPEALED_NAME)]) {
      await page.getByTestId("appeals").getByTestId("appeal-answer").filter({ hasText: APPEAL_ANSWER }).waitFor();
    }

    // 8. Now the PPK issues the SPPBJ (the form keeps the number).
    await award.getByRole("button", { name: "Terbitkan SPPBJ" }).click();
    await ppkAward.getByRole("dialog", { name: "Terbitkan SPPBJ?" }).getByRole("button", { name: "Ya, lanjutkan" }).click();
    await award.getByTestId("award-letter").getByText(LETTER).waitFor();

    // 9. Penandatanganan Kontrak: a value above the award letter's is refused; then the contract is recorded.
    clock.set(at("2026-12-23T03:00:00Z"));
    const ppkContract = await onAnnouncement(await logInAs(appealed.ppk), appealed, APPEALED_NAME);
    const contract = ppkContract.getByTestId("contract");
    await contract.getByLabel("Nomor kontrak").fill(CONTRACT);
    await contract.getByLabel("Nilai kontrak").fill("1700000000,01");
    await contract.getByLabel("Tanggal penandatanganan").fill(day("2026-12-23"));
    await contract.getByLabel("Tanggal mulai pekerjaan").fill(day("2026-12-28"));
    await contract.getByLabel("Tanggal selesai pekerjaan").fill(day("2027-06-30"));
    const confirmRecord = async (text: string) => {
      await contract.getByRole("button", { name: "Catat kontrak" }).click();
      const dialog = ppkContract.getByRole("dialog", { name: "Catat kontrak?" });
      await dialog.getByText(text, { exact: false }).waitFor();
      await dialog.getByRole("button", { name: "Ya, lanjutkan" }).click();
    };
    await confirmRecord("senilai Rp1.700.000.000,01");
    await contract.getByText("nilai kontrak paling besar nilai SPPBJ (Rp1.700.000.000)").waitFor();
    await contract.getByLabel("Nilai kontrak").fill("1699500000,50");
    await confirmRecord(`Kontrak nomor ${CONTRACT} dengan PT Citra Stadion senilai Rp1.699.500.000,50`);
    await contract.getByTestId("contract-record").getByText(CONTRACT).waitFor();
    expect(await db.selectFrom("contracts").select(["vendor_id", "contract_number", "value_sen", "signed_on", "starts_on", "ends_on"]).execute()).toEqual([
      { vendor_id: vendors.citra.vendorId, contract_number: CONTRACT, value_sen: 169_950_000_050, signed_on: day("2026-12-23"), starts_on: day("2026-12-28"), ends_on: day("2027-06-30") },
    ]);

    // 10. A visitor reads the appeal's answer and the contract, in Indonesian and English.
    const public2 = await visitor(appealed, APPEALED_NAME);
    await public2.getByTestId("appeals").getByTestId("appeal-answer").filter({ hasText: APPEAL_ANSWER }).waitFor();
    const record = public2.getByTestId("contract-record");
    for (const text of [CONTRACT, "PT Citra Stadion", "Rp1.699.500.000,50"]) await record.getByText(text).waitFor();
    for (const date of ["2026-12-23", "2026-12-28", "2027-06-30"]) await record.locator(`time[datetime="${day(date)}"]`).waitFor();
    expect(await public2.getByLabel("Nomor kontrak").count()).toBe(0);
    await public2.getByRole("radiogroup", { name: "Bahasa" }).getByRole("radio", { name: "EN" }).check();
    await public2.getByRole("heading", { name: "Contract", exact: true }).waitFor();
    await public2.getByTestId("contract-record").getByText("Contract value").waitFor();
  }, 240_000);
});
