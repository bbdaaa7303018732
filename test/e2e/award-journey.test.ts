import { randomUUID } from "node:crypto";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BidDocument } from "../../src/crypto/envelope.js";
import { newTotpSecret, totpCode } from "../../src/modules/auth/totp.js";
import { createAgency, createWorkUnit } from "../../src/modules/orgs/orgs.service.js";
import { assignCommittee } from "../../src/modules/packages/assignment.service.js";
import { createPackage } from "../../src/modules/packages/packages.service.js";
import { localDate, startOfLocalDate } from "../../src/modules/settings/calendar.js";
import { getSettings } from "../../src/modules/settings/settings.service.js";
import { publicationContext } from "../../src/modules/tenders/publication-context.js";
import { publishTender } from "../../src/modules/tenders/publication.service.js";
import { proposeSchedule } from "../../src/modules/tenders/schedule.propose.js";
import { setSchedule } from "../../src/modules/tenders/schedule.service.js";
import type { Role } from "../../src/modules/users/roles.js";
import { updateUser } from "../../src/modules/users/users.repository.js";
import { createUser } from "../../src/modules/users/users.service.js";
import { insertVendor } from "../../src/modules/vendors/vendors.repository.js";
import { ManualClock } from "../../src/server/clock.js";
import type { TestApp } from "../support/app.js";
import { launchBrowser } from "../support/browser.js";
import { Client } from "../support/client.js";
import { loginAs, type TestUser } from "../support/factories.js";
import { giveOpeningKeys, runCeremonyAs, sealEnvelope, unlockShare, uploadEnvelope } from "../support/sealed-bids.js";
import { actorOf } from "../support/tenders.js";
import { startTestServer, type TestServer } from "../support/server.js";

const PASSWORD = "Madiun#Uji2026";

interface Person extends TestUser {
  name: string;
}

interface Bidder extends Person {
  vendorId: string;
  company: string;
  price: string;
}

const HOUR = 60 * 60_000;

/**
 * After the opening, in the browser, on the real server and a clock the test moves: three bids are
 * sealed and opened from Node; during Evaluasi a Pokja member records the findings (one bidder fails the
 * administrative stage), during Penetapan Pemenang names the winner; during Masa Sanggah the failed
 * bidder objects and another member answers; during SPPBJ the PPK issues the award letter; a visitor
 * reads the evaluation results, the sanggah with its answer and the award.
 */
describe("browser: evaluation, winner, sanggah and SPPBJ", () => {
  let s: TestServer;
  // The real time: cookies expire on the browser's clock, so the server's clock only moves forward from here.
  const clock = new ManualClock(new Date());
  let t: TestApp;
  let browser: Browser;
  const pages: Page[] = [];
  const person = (name: string, email: string, role: Role): Person => ({ id: "", name, email, password: PASSWORD, role, agencyId: null, totpSecret: role === "vendor" ? null : newTotpSecret() });
  const ppk = person("Yudi Hartono", "ppk@madiun.test", "ppk");
  const pokja = [person("Eko Prasetyo", "pokja.a@madiun.test", "pokja"), person("Nur Hidayati", "pokja.b@madiun.test", "pokja"), person("Bambang Sutrisno", "pokja.c@madiun.test", "pokja")] as const;
  const bidder = (company: string, email: string, price: string): Bidder => ({ ...person(`Direktur ${company}`, email, "vendor"), vendorId: randomUUID(), company, price });
  // HPS Rp1.800.000.000: Alfa is under 80 % of it (its price to be clarified) but fails the administrative stage.
  const alfa = bidder("CV Alfa Konstruksi", "direktur@alfa-konstruksi.test", "1400000000");
  const bravo = bidder("PT Bravo Teknik", "direktur@bravo-teknik.test", "1620000000");
  const citra = bidder("CV Citra Bangun", "direktur@citra-bangun.test", "1705500000.50");
  const bidders = [alfa, bravo, citra];
  const packageName = "Rehabilitasi Gedung Pasar Besar Kota Madiun";
  const letterNumber = "027/SPPBJ/411.112/2026";
  const failReason = "Jaminan penawaran tidak dilampirkan dalam dokumen penawaran.";
  const objectionText = "Jaminan penawaran kami dilampirkan pada halaman 14 dokumen penawaran; mohon evaluasi administrasi diulang.";
  const answerText = "Halaman 14 memuat surat dukungan bank, bukan jaminan penawaran; sanggah tidak diterima.";
  let tenderCode = "";
  let packageId = "";
  let windows: ReturnType<typeof proposeSchedule> = [];

  function stageWindow(stage: string) {
    const found = windows.find((w) => w.stage === stage);
    if (!found) throw new Error(`no ${stage} in the schedule`);
    return found;
  }

  beforeAll(async () => {
    s = await startTestServer({}, clock);
    // The support helpers' view of the running server: in-process requests, the same database and clock.
    t = { app: s.server.app, deps: s.server.runtime.deps, clock, testDb: s.testDb, client: () => new Client(s.server.app, () => clock.now()), close: async () => undefined };
    const { db } = t.deps.database;
    const now = clock.now();
    const context = publicationContext(t.deps.config);
    const dinas = await createAgency(db, null, { code: "DISPERDAG", name: "Dinas Perdagangan", kind: "dinas" }, now);
    const unit = await createWorkUnit(db, null, dinas.id, { code: "DISPERDAG-PSR", name: "Bidang Pasar" }, now);
    const ukpbj = await createAgency(db, null, { code: "SETDA-PBJ", name: "Bagian Pengadaan Barang/Jasa (UKPBJ)", kind: "sekretariat" }, now);
    const admin = person("Agus Setiawan", "admin@madiun.test", "admin_agency");
    for (const [user, agencyId] of [[ppk, dinas.id], [admin, dinas.id], ...pokja.map((m) => [m, ukpbj.id] as const)] as const) {
      const created = await createUser(db, null, { name: user.name, email: user.email, role: user.role, agencyId, password: PASSWORD }, now);
      await updateUser(db, created.id, { totp_secret: user.totpSecret, totp_enrolled_at: now.toISOString() });
      Object.assign(user, { id: created.id, agencyId });
    }
    for (const b of bidders) {
      await insertVendor(db, { id: b.vendorId, name: b.company, business_form: b.company.startsWith("PT") ? "PT" : "CV", npwp: String(Math.floor(Math.random() * 1e15)).padStart(15, "0"), status: "verified", verified_at: now.toISOString(), created_at: now.toISOString(), updated_at: now.toISOString() });
      b.id = (await createUser(db, null, { name: b.name, email: b.email, role: "vendor", vendorId: b.vendorId, password: PASSWORD }, now)).id;
    }

    // A tender scheduled from tomorrow by the server's own proposal, with the tender key made before the deadline.
    const settings = await getSettings(db);
    const holidays = new Set((await db.selectFrom("holidays").select("date").execute()).map((h) => h.date));
    const { row } = await createPackage(
      db,
      actorOf(ppk),
      {
        rupCode: "41230099",
        name: packageName,
        workUnitId: unit.id,
        fiscalYear: 2027,
        fundingSource: "APBD",
        pagu: "2000000000",
        category: "pekerjaan_konstruksi",
        method: "tender",
        evaluationMethod: "gugur_harga_terendah",
        qualification: "pasca",
        contractType: "harga_satuan",
        kbliCodes: ["41012"],
        qualificationRequirements: "SBU BG004",
        hpsItems: [{ description: "Pekerjaan rehabilitasi", unit: "ls", quantity: "1", unitPrice: "1800000000" }],
      },
      now,
    );
    packageId = row.id;
    await assignCommittee(db, actorOf(admin), packageId, { kind: "pokja", memberIds: pokja.map((m) => m.id), decreeNumber: "027/99/401.112/2026" }, now);
    const tomorrow = localDate(new Date(now.getTime() + 86_400_000), settings.timeZone);
    windows = proposeSchedule(startOfLocalDate(tomorrow, settings.timeZone), settings, holidays);
    await setSchedule(db, actorOf(pokja[0]), packageId, { stages: windows.map((w) => ({ stage: w.stage, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() })) }, now, context);
    tenderCode = await publishTender(db, actorOf(pokja[0]), packageId, now, context);
    await giveOpeningKeys(t, pokja);
    const { publicKey } = await runCeremonyAs(await loginAs(t, pokja[0]), tenderCode);
    const items = (await t.client().get<{ items: { id: string }[] }>(`/api/v1/public/tenders/${tenderCode}`)).body.items;

    // The companies join during the announcement and bid during Upload Dokumen Penawaran.
    clock.set(new Date(stageWindow("pengumuman").startsAt.getTime() + HOUR));
    for (const b of bidders) expect((await (await loginAs(t, b)).post(`/api/v1/tenders/${tenderCode}/participation`)).status).toBe(200);
    clock.set(new Date(stageWindow("upload_penawaran").startsAt.getTime() + HOUR));
    for (const b of bidders) {
      const document: BidDocument = { price: b.price, items: items.map((item) => ({ hpsItemId: item.id, unitPrice: b.price, quantity: "1" })), validityDays: 60, files: [] };
      const receipt = await uploadEnvelope(await loginAs(t, b), tenderCode, await sealEnvelope(tenderCode, b.vendorId, publicKey, document, []));
      expect(receipt.status, receipt.text).toBe(201);
    }
    // Two of three shares open the bids after the deadline.
    clock.set(new Date(stageWindow("upload_penawaran").endsAt.getTime() + HOUR));
    for (const member of pokja.slice(0, 2)) {
      const { client, share } = await unlockShare(t, member, tenderCode);
      expect((await client.post(`/api/v1/tenders/${tenderCode}/opening/shares`, { share })).status).toBe(200);
    }
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await browser?.close();
    await s?.close();
  });

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    pages.push(page);
    return page;
  }

  /** Logs in (with the second factor for staff) and opens the announcement; once per user and clock position. */
  async function openAs(user: Person): Promise<Page> {
    const page = await newPage();
    await page.goto(`${s.url}/login`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    if (user.totpSecret) {
      await page.getByLabel("Kode autentikator").fill(totpCode(user.totpSecret, clock.now()));
      await page.getByRole("button", { name: "Verifikasi" }).click();
    }
    await page.waitForURL(/\/app$/);
    await page.goto(`${s.url}/tender/${tenderCode}`);
    await page.getByRole("heading", { level: 1, name: packageName }).waitFor();
    return page;
  }

  async function recordFinding(evaluation: Locator, b: Bidder, stage: string, passed: boolean, reason?: string) {
    const block = evaluation.getByRole("group", { name: b.company, exact: true }).getByRole("group", { name: stage, exact: true });
    if (reason) await block.getByLabel("Alasan").fill(reason);
    await block.getByRole("button", { name: `${passed ? "Lulus" : "Gugur"} tahap ${stage.toLowerCase()}: ${b.company}` }).click();
    await block.getByTestId("finding-verdict").filter({ hasText: passed ? "Lulus" : "Gugur" }).waitFor();
  }

  it("evaluates, names the winner, takes and answers a sanggah, and issues the SPPBJ", async () => {
    const { db } = t.deps.database;

    // 1. Evaluasi: a Pokja member reads every bid against the HPS and records the findings.
    clock.set(new Date(stageWindow("evaluasi").startsAt.getTime() + HOUR));
    const lead = await openAs(pokja[0]);
    const evaluation = lead.getByTestId("bid-evaluation");
    const overview = evaluation.getByRole("table", { name: "Evaluasi penawaran" });
    const row = (b: Bidder) => overview.getByRole("row", { name: new RegExp(b.company) });
    await row(alfa).getByText("perlu klarifikasi kewajaran harga").waitFor();
    await row(citra).getByText("Rp1.705.500.000,50").first().waitFor();
    expect(await row(bravo).getByText("perlu klarifikasi kewajaran harga").count()).toBe(0);
    expect(await evaluation.getByRole("button", { name: "Tetapkan pemenang" }).count()).toBe(0);

    // A failure without a proper reason: the server's words under the field.
    const alfaAdmin = evaluation.getByRole("group", { name: alfa.company, exact: true }).getByRole("group", { name: "Administrasi", exact: true });
    await alfaAdmin.getByLabel("Alasan").fill("kurang");
    await alfaAdmin.getByRole("button", { name: `Gugur tahap administrasi: ${alfa.company}` }).click();
    await alfaAdmin.getByText("alasan gugur minimal 10 karakter").waitFor();
    await recordFinding(evaluation, alfa, "Administrasi", false, failReason);
    for (const b of [bravo, citra]) for (const stage of ["Administrasi", "Teknis", "Kualifikasi"]) await recordFinding(evaluation, b, stage, true);
    for (const stage of ["Teknis", "Kualifikasi"]) await recordFinding(evaluation, alfa, stage, true);
    await row(bravo).getByTestId("rank").filter({ hasText: /^1$/ }).waitFor();
    await row(citra).getByTestId("rank").filter({ hasText: /^2$/ }).waitFor();
    expect(await row(alfa).getByTestId("rank").textContent()).toBe("—");
    const findings = await db.selectFrom("bid_findings").select(["vendor_id", "stage", "passed", "reason", "evaluated_by"]).where("package_id", "=", packageId).execute();
    expect(findings).toHaveLength(9);
    expect(findings.filter((f) => f.passed === 0)).toEqual([{ vendor_id: alfa.vendorId, stage: "administrasi", passed: 0, reason: failReason, evaluated_by: pokja[0].id }]);

    // 2. Penetapan Pemenang: the member names the first in the ranking, after a confirmation.
    clock.set(new Date(stageWindow("penetapan_pemenang").startsAt.getTime() + 10 * 60_000));
    const naming = await openAs(pokja[0]);
    await naming.getByTestId("bid-evaluation").getByRole("button", { name: "Tetapkan pemenang" }).click();
    const dialog = naming.getByRole("dialog", { name: "Tetapkan pemenang?" });
    await dialog.getByText(`Pemenang adalah peserta peringkat pertama: ${bravo.company}.`, { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "Ya, lanjutkan" }).click();
    await naming.getByTestId("bid-evaluation").getByText(`Pemenang telah ditetapkan: ${bravo.company}.`, { exact: false }).waitFor();
    await naming.getByRole("table", { name: "Hasil evaluasi", exact: true }).getByRole("row", { name: new RegExp(bravo.company) }).getByText("Pemenang", { exact: true }).waitFor();
    expect(await db.selectFrom("tender_results").select(["winner_vendor_id", "determined_by"]).where("package_id", "=", packageId).executeTakeFirstOrThrow()).toEqual({ winner_vendor_id: bravo.vendorId, determined_by: pokja[0].id });

    // 3. Masa Sanggah: the failed bidder objects (once: a second is refused in the server's words).
    clock.set(new Date(stageWindow("sanggah").startsAt.getTime() + HOUR));
    const objector = await openAs(alfa);
    const objections = objector.getByTestId("objections");
    await objections.getByText("Belum ada sanggah.").waitFor();
    await objections.getByLabel("Isi sanggah").fill(objectionText);
    await objections.getByRole("button", { name: "Kirim sanggah" }).click();
    const filed = objections.getByRole("listitem").filter({ has: objector.getByRole("heading", { name: `Sanggah ${alfa.company}` }) });
    await filed.getByText(objectionText).waitFor();
    await filed.getByText("Belum dijawab.").waitFor();
    await objections.getByLabel("Isi sanggah").fill(objectionText);
    await objections.getByRole("button", { name: "Kirim sanggah" }).click();
    await objections.getByRole("alert").filter({ hasText: "Anda sudah mengajukan sanggah untuk tender ini" }).waitFor();

    // Another member answers it.
    const answering = await openAs(pokja[2]);
    const toAnswer = answering.getByTestId("objections").getByRole("listitem").filter({ hasText: objectionText });
    await toAnswer.getByLabel("Jawaban sanggah").fill(answerText);
    await toAnswer.getByRole("button", { name: `Kirim jawaban untuk ${alfa.company}` }).click();
    await toAnswer.getByTestId("objection-answer").filter({ hasText: answerText }).waitFor();
    expect(await db.selectFrom("objections").select(["vendor_id", "text", "answer", "answered_by"]).where("package_id", "=", packageId).execute()).toEqual([
      { vendor_id: alfa.vendorId, text: objectionText, answer: answerText, answered_by: pokja[2].id },
    ]);

    // 4. SPPBJ: the package's PPK issues the award letter to the winner.
    clock.set(new Date(stageWindow("sppbj").startsAt.getTime() + HOUR));
    const desk = await openAs(ppk);
    const award = desk.getByTestId("award");
    await award.getByLabel("Nomor SPPBJ").fill(letterNumber);
    await award.getByRole("button", { name: "Terbitkan SPPBJ" }).click();
    const confirm = desk.getByRole("dialog", { name: "Terbitkan SPPBJ?" });
    await confirm.getByText(`kepada ${bravo.company} senilai Rp1.620.000.000`, { exact: false }).waitFor();
    await confirm.getByRole("button", { name: "Ya, lanjutkan" }).click();
    await award.getByTestId("award-letter").getByText(letterNumber).waitFor();
    expect(await db.selectFrom("awards").select(["vendor_id", "letter_number", "value_sen", "issued_by"]).where("package_id", "=", packageId).executeTakeFirstOrThrow()).toEqual({
      vendor_id: bravo.vendorId,
      letter_number: letterNumber,
      value_sen: 162_000_000_000,
      issued_by: ppk.id,
    });

    // 5. A visitor reads the results, the sanggah with its answer, and the award.
    const visitor = await newPage();
    await visitor.goto(`${s.url}/tender/${tenderCode}`);
    await visitor.getByRole("heading", { level: 1, name: packageName }).waitFor();
    expect(await visitor.getByTestId("bid-evaluation").count()).toBe(0);
    const results = visitor.getByRole("table", { name: "Hasil evaluasi", exact: true });
    await results.getByRole("row", { name: new RegExp(bravo.company) }).getByText("Pemenang", { exact: true }).waitFor();
    const failed = results.getByRole("row", { name: new RegExp(alfa.company) });
    await failed.getByText(failReason).waitFor();
    await failed.getByText("Gugur", { exact: true }).waitFor();
    await visitor.getByTestId("evaluation-winner").filter({ hasText: `Pemenang: ${bravo.company}` }).waitFor();
    await visitor.getByTestId("objections").getByTestId("objection-answer").filter({ hasText: answerText }).waitFor();
    const letter = visitor.getByTestId("award-letter");
    for (const text of [bravo.company, "Rp1.620.000.000", letterNumber]) await letter.getByText(text).waitFor();
    expect(await visitor.getByLabel("Nomor SPPBJ").count()).toBe(0);
    await visitor.getByRole("radiogroup", { name: "Bahasa" }).getByRole("radio", { name: "EN" }).check();
    await visitor.getByRole("table", { name: "Evaluation results", exact: true }).getByRole("row", { name: new RegExp(bravo.company) }).getByText("Winner", { exact: true }).waitFor();
    await visitor.getByRole("heading", { name: "Award letter (SPPBJ)" }).waitFor();
  }, 120_000);
});
