import { sql } from "kysely";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDate, startOfLocalDate } from "../../src/modules/settings/calendar.js";
import { getSettings } from "../../src/modules/settings/settings.service.js";
import { joinTender } from "../../src/modules/tenders/participation.service.js";
import { proposeSchedule } from "../../src/modules/tenders/schedule.propose.js";
import { ManualClock } from "../../src/server/clock.js";
import type { TestContext } from "../support/app.js";
import {
  answerObjection,
  createOpeningKey,
  createTenderKey,
  EVALUATION_STAGES,
  fileObjection,
  fillBid,
  fingerprintOf,
  issueAwardLetter,
  logIn,
  nameWinner,
  recordFinding,
  sendBid,
  submitShare,
} from "../support/bid-steps.js";
import { launchBrowser } from "../support/browser.js";
import { Client } from "../support/client.js";
import { buildVendor, type TestUser } from "../support/factories.js";
import { buildPdf } from "../support/pdf.js";
import { passphraseOf } from "../support/sealed-bids.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { actorOf, buildPublishedTender } from "../support/tenders.js";

const HOUR = 60 * 60_000;
const POKJA_NAMES = ["Eko Prasetyo", "Nur Hidayati", "Bambang Sutrisno"] as const;
const HPS_LINE = { description: "Pekerjaan rehabilitasi", unit: "ls", quantity: "1", unitPrice: "1800000000" };

interface Bidder {
  company: string;
  /** The price as the vendor types it (one lump-sum line), and as the opening record shows it. */
  typed: string;
  shown: string;
  priceSen: number;
}

/**
 * The sealed-bid tender from the announcement to the award, every step in the browser on the real server,
 * with a clock the test moves (from the real time: the browser's cookies follow the real one). The
 * package, its Pokja and its schedule are published from Node; in their browsers the three members make
 * their opening keys and one makes the tender key (2 of 3); three verified participants price and send
 * sealed bids; after the deadline two members unlock their shares and the record shows three prices; a
 * member records the findings (one bidder fails the administrative stage) and names the winner; the
 * failed bidder files a sanggah and another member answers; the PPK issues the SPPBJ; a visitor reads it all.
 */
describe("browser: a sealed-bid tender from the bids to the award", () => {
  let s: TestServer;
  const clock = new ManualClock(new Date());
  let browser: Browser;
  const pages: Page[] = [];
  let tender: Awaited<ReturnType<typeof buildPublishedTender>>;
  let windows: ReturnType<typeof proposeSchedule> = [];
  const packageName = "Rehabilitasi Gedung Pasar Besar Kota Madiun";
  const letterNumber = "027/SPPBJ/411.112/2026";
  const failReason = "Jaminan penawaran tidak dilampirkan dalam dokumen penawaran.";
  const objectionText = "Jaminan penawaran kami dilampirkan pada halaman 14 dokumen penawaran; mohon evaluasi administrasi diulang.";
  const answerText = "Halaman 14 memuat surat dukungan bank, bukan jaminan penawaran; sanggah tidak diterima.";
  // HPS Rp1.800.000.000: Alfa is under 80 % of it (its price to be clarified) but fails the administrative stage.
  const bidder = (company: string, typed: string, shown: string, priceSen: number): Bidder => ({ company, typed, shown, priceSen });
  const alfa = bidder("CV Alfa Konstruksi", "1400000000", "Rp1.400.000.000", 140_000_000_000);
  const bravo = bidder("PT Bravo Teknik", "1620000000", "Rp1.620.000.000", 162_000_000_000);
  const citra = bidder("CV Citra Bangun", "1705500000,50", "Rp1.705.500.000,50", 170_550_000_050);
  const bidders = [alfa, bravo, citra];
  const accounts = new Map<Bidder, TestUser & { vendorId: string }>();
  /** The bidder's company and its user, made in the setup. */
  function account(b: Bidder): TestUser & { vendorId: string } {
    const found = accounts.get(b);
    if (!found) throw new Error(`no account for ${b.company}`);
    return found;
  }

  function stageWindow(stage: string) {
    const found = windows.find((w) => w.stage === stage);
    if (!found) throw new Error(`no ${stage} in the schedule`);
    return found;
  }

  beforeAll(async () => {
    // Behind a reverse proxy, so that each user logs in from an address of its own (see logInAs).
    s = await startTestServer({ TRUST_PROXY: "true" }, clock);
    const ctx: TestContext = { deps: s.server.runtime.deps, clock };
    const { db } = ctx.deps.database;
    // Published now for tomorrow onwards, from the server's own proposal (working days and holidays respected).
    const settings = await getSettings(db);
    const holidays = new Set((await db.selectFrom("holidays").select("date").execute()).map((h) => h.date));
    windows = proposeSchedule(startOfLocalDate(localDate(new Date(clock.now().getTime() + 86_400_000), settings.timeZone), settings.timeZone), settings, holidays);
    const stages = windows.map((w) => ({ stage: w.stage, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() }));
    tender = await buildPublishedTender(ctx, { name: packageName, hpsItems: [HPS_LINE], stages, pokjaNames: POKJA_NAMES });
    // The companies join during the announcement.
    const announcement = new Date(stageWindow("pengumuman").startsAt.getTime() + HOUR);
    for (const b of bidders) {
      const user = await buildVendor(ctx, "verified", b.company);
      accounts.set(b, user);
      await joinTender(db, { ...actorOf(user), vendorId: user.vendorId }, tender.tenderCode, announcement);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await browser?.close();
    await s?.close();
  });

  const addresses = new Map<string, string>();
  /**
   * A fresh page logged in as the user (once per user and clock position: a TOTP code is not replayed).
   * Each user sits at its own computer: the login brake counts attempts per address, and this journey's
   * dozen logins within a minute would trip it from a single one.
   */
  async function logInAs(user: TestUser): Promise<Page> {
    if (!addresses.has(user.id)) addresses.set(user.id, `10.20.0.${addresses.size + 1}`);
    const page = await browser.newPage({ extraHTTPHeaders: { "x-forwarded-for": addresses.get(user.id) ?? "" } });
    page.setDefaultTimeout(15_000);
    pages.push(page);
    await logIn(page, s.url, user, clock.now());
    return page;
  }

  async function onAnnouncement(page: Page): Promise<Page> {
    await page.goto(`${s.url}/tender/${tender.tenderCode}`);
    await page.getByRole("heading", { level: 1, name: packageName }).waitFor();
    return page;
  }

  async function visitor(): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    pages.push(page);
    return onAnnouncement(page);
  }

  const memberName = (member: TestUser) => POKJA_NAMES[tender.pokja.indexOf(member)] ?? "";

  it("takes three sealed bids through opening, evaluation, sanggah and SPPBJ", async () => {
    const { db } = s.server.runtime.deps.database;
    const members = tender.pokja;
    const [lead, second, third] = members as [TestUser, TestUser, TestUser];
    const packageId = tender.packageId;

    // 1. The first member makes an opening key; the form checks the passphrase's length and repetition first.
    const leadPage = await logInAs(lead);
    await leadPage.getByRole("link", { name: "Kunci Pembukaan", exact: true }).click();
    await leadPage.getByLabel("Frasa sandi", { exact: true }).fill("pendek");
    await leadPage.getByLabel("Ulangi frasa sandi").fill("pendek sekali");
    await leadPage.getByRole("button", { name: "Buat kunci pembukaan" }).click();
    await leadPage.getByText("Minimal 12 karakter", { exact: true }).waitFor();
    await leadPage.getByText("Frasa sandi tidak sama", { exact: true }).waitFor();
    expect(await db.selectFrom("opening_keys").selectAll().execute()).toEqual([]);
    await leadPage.goto(`${s.url}/app`);
    await createOpeningKey(leadPage, passphraseOf(lead));
    const leadKey = await db.selectFrom("opening_keys").selectAll().where("user_id", "=", lead.id).executeTakeFirstOrThrow();
    await leadPage.getByTestId("opening-key-fingerprint").filter({ hasText: fingerprintOf(leadKey.public_key) }).waitFor();
    // Made with the full work factor, in the browser.
    expect(JSON.parse(leadKey.wrapped)).toMatchObject({ kdf: "PBKDF2-SHA256", iterations: 600_000 });

    // On the announcement the committee sees who is ready; the tender key waits for every member.
    await onAnnouncement(leadPage);
    const readiness = leadPage.getByRole("table", { name: "Kesiapan anggota" });
    await readiness.getByRole("row", { name: new RegExp(`${POKJA_NAMES[0]} \\(Anda\\)`) }).getByText("Siap").waitFor();
    await readiness.getByRole("row", { name: new RegExp(POKJA_NAMES[1]) }).getByText("Belum dibuat").waitFor();
    await leadPage.getByText("Penawaran akan dapat dibuka oleh 2 dari 3 anggota.").waitFor();
    expect(await leadPage.getByRole("button", { name: "Buat kunci tender" }).isDisabled()).toBe(true);

    // 2. The other two make theirs.
    for (const member of [second, third]) await createOpeningKey(await logInAs(member), passphraseOf(member));
    const keys = await db.selectFrom("opening_keys").selectAll().execute();
    expect(keys.map((k) => k.user_id).sort()).toEqual(members.map((m) => m.id).sort());

    // 3. The first member compares fingerprints and makes the tender key, split 2 of 3, in the browser.
    await leadPage.reload();
    for (const member of members) {
      const key = keys.find((k) => k.user_id === member.id)?.public_key ?? "";
      await readiness.getByRole("row", { name: new RegExp(memberName(member)) }).getByText(fingerprintOf(key)).waitFor();
    }
    await createTenderKey(leadPage, "2 dari 3 anggota");
    const tenderKey = await db.selectFrom("tender_keys").selectAll().where("package_id", "=", packageId).executeTakeFirstOrThrow();
    expect(tenderKey).toMatchObject({ threshold: 2, created_by: lead.id });
    await leadPage.getByTestId("tender-key-fingerprint").filter({ hasText: fingerprintOf(tenderKey.public_key) }).waitFor();
    const shares = await db.selectFrom("tender_key_shares").selectAll().where("package_id", "=", packageId).execute();
    expect(shares.map((x) => x.user_id).sort()).toEqual(members.map((m) => m.id).sort());
    await leadPage.getByTestId("bid-opening").getByText("Penawaran dapat dibuka setelah batas akhir penawaran (").waitFor();

    // Holding a share of an unopened tender, the member cannot replace the opening key: the server says why.
    await leadPage.getByRole("link", { name: "Kunci Pembukaan", exact: true }).click();
    await leadPage.getByRole("button", { name: "Ganti kunci pembukaan" }).click();
    await leadPage.getByLabel("Frasa sandi", { exact: true }).fill("frasa sandi pengganti");
    await leadPage.getByLabel("Ulangi frasa sandi").fill("frasa sandi pengganti");
    await leadPage.getByRole("button", { name: "Buat kunci pembukaan" }).click();
    await leadPage.getByRole("alert").filter({ hasText: "Kunci pembukaan tidak dapat diganti selama Anda memegang bagian kunci tender yang belum dibuka" }).waitFor();
    expect((await db.selectFrom("opening_keys").select("public_key").where("user_id", "=", lead.id).executeTakeFirstOrThrow()).public_key).toBe(leadKey.public_key);

    // 4. Upload Dokumen Penawaran: the tender key is public, and each participant prices and sends a sealed bid.
    clock.set(new Date(stageWindow("upload_penawaran").startsAt.getTime() + HOUR));
    const published = await new Client(s.server.app, () => clock.now()).get<{ publicKey: string; threshold: number; members: number }>(`/api/v1/public/tenders/${tender.tenderCode}/key`);
    expect(published.body).toMatchObject({ publicKey: tenderKey.public_key, threshold: 2, members: 3 });
    const receipts = new Map<Bidder, string>();
    for (const b of bidders) {
      const page = await onAnnouncement(await logInAs(account(b)));
      await page.getByTestId("bid").getByTestId("bid-sealed-note").filter({ hasText: "2 dari 3 anggota Pokja" }).waitFor();
      const method = { name: "Metode pelaksanaan.pdf", mimeType: "application/pdf", buffer: buildPdf(`Metode pelaksanaan ${b.company}`) };
      await fillBid(page, [{ description: HPS_LINE.description, unitPrice: b.typed }], [{ label: "Dokumen teknis", file: method }]);
      await page.getByTestId("bid").getByTestId("bid-total").filter({ hasText: b.shown }).waitFor();
      const receipt = await sendBid(page);
      expect(receipt).toMatch(/^[0-9a-f]{64}$/);
      receipts.set(b, receipt);
    }
    const bids = await db.selectFrom("bids").select(["vendor_id", "status", "sha256"]).where("package_id", "=", packageId).execute();
    expect(bids.sort((x, y) => x.vendor_id.localeCompare(y.vendor_id))).toEqual(
      bidders.map((b) => ({ vendor_id: account(b).vendorId, status: "active", sha256: receipts.get(b) })).sort((x, y) => x.vendor_id.localeCompare(y.vendor_id)),
    );

    // 5. After the deadline, two members unlock their shares in their browsers (logging in again: their sessions expired).
    clock.set(new Date(stageWindow("upload_penawaran").endsAt.getTime() + HOUR));
    const public1 = await visitor();
    expect(await public1.getByRole("heading", { name: "Hasil pembukaan penawaran" }).count()).toBe(0);

    const secondOpening = (await onAnnouncement(await logInAs(second))).getByTestId("bid-opening");
    await secondOpening.getByTestId("opening-progress").filter({ hasText: "0 dari 2 bagian kunci diterima" }).waitFor();
    // A wrong passphrase is caught in the browser; nothing reaches the server.
    await submitShare(secondOpening, "bukan frasa sandi saya");
    await secondOpening.getByText("Frasa sandi salah.").waitFor();
    expect(await db.selectFrom("opening_shares").selectAll().execute()).toEqual([]);
    await submitShare(secondOpening, passphraseOf(second));
    await secondOpening.getByText("Bagian kunci Anda sudah diterima.").waitFor();
    await secondOpening.getByTestId("opening-progress").filter({ hasText: "1 dari 2 bagian kunci diterima" }).waitFor();
    expect((await db.selectFrom("opening_shares").select("user_id").execute()).map((x) => x.user_id)).toEqual([second.id]);
    expect(await db.selectFrom("bid_openings").selectAll().execute()).toEqual([]);

    const thirdPage = await onAnnouncement(await logInAs(third));
    const thirdOpening = thirdPage.getByTestId("bid-opening");
    await thirdOpening.getByTestId("opening-progress").filter({ hasText: "1 dari 2 bagian kunci diterima" }).waitFor();
    await submitShare(thirdOpening, passphraseOf(third));
    await thirdOpening.getByText("Penawaran telah dibuka.").waitFor();
    await thirdOpening.getByTestId("opening-progress").filter({ hasText: "2 dari 2 bagian kunci diterima" }).waitFor();

    // The opening record, for the committee and for everyone, in Rupiah.
    await public1.reload();
    for (const page of [thirdPage, public1]) {
      const record = page.getByRole("table", { name: "Hasil pembukaan penawaran" });
      for (const b of bidders) {
        const row = record.getByRole("row", { name: new RegExp(b.company) });
        await row.getByText(b.shown).waitFor();
        await row.getByText("Sah", { exact: true }).waitFor();
      }
    }
    await public1.getByRole("radiogroup", { name: "Bahasa" }).getByRole("radio", { name: "EN" }).check();
    await public1.getByRole("table", { name: "Bid opening results" }).getByRole("row", { name: new RegExp(bravo.company) }).getByText("Valid", { exact: true }).waitFor();
    const opened = await db.selectFrom("bid_openings").select(["vendor_id", "status", "price_sen"]).where("package_id", "=", packageId).execute();
    expect(opened.map((o) => [o.vendor_id, o.status, Number(o.price_sen)]).sort()).toEqual(bidders.map((b) => [account(b).vendorId, "valid", b.priceSen]).sort());
    expect((await db.selectFrom("opening_shares").select("user_id").execute()).map((x) => x.user_id).sort()).toEqual([second.id, third.id].sort());
    expect(await db.selectFrom("tender_openings").select("opened_by").where("package_id", "=", packageId).executeTakeFirstOrThrow()).toEqual({ opened_by: third.id });
    // The passphrases never left the browsers.
    for (const table of ["opening_keys", "tender_key_shares", "opening_shares", "events", "sessions"] as const) {
      const dump = JSON.stringify(await sql`select * from ${sql.table(table)}`.execute(db));
      for (const member of members) expect(dump, `${table} holds a passphrase`).not.toContain(passphraseOf(member));
    }

    // 6. Evaluasi: a member reads every bid against the HPS and records the findings.
    clock.set(new Date(stageWindow("evaluasi").startsAt.getTime() + HOUR));
    const evaluation = (await onAnnouncement(await logInAs(lead))).getByTestId("bid-evaluation");
    const overview = evaluation.getByRole("table", { name: "Evaluasi penawaran" });
    const row = (b: Bidder): Locator => overview.getByRole("row", { name: new RegExp(b.company) });
    await row(alfa).getByText("perlu klarifikasi kewajaran harga").waitFor();
    await row(citra).getByText(citra.shown).first().waitFor();
    expect(await row(bravo).getByText("perlu klarifikasi kewajaran harga").count()).toBe(0);
    expect(await evaluation.getByRole("button", { name: "Tetapkan pemenang" }).count()).toBe(0);
    // A failure without a proper reason: the server's words under the field.
    const alfaAdmin = evaluation.getByRole("group", { name: alfa.company, exact: true }).getByRole("group", { name: "Administrasi", exact: true });
    await alfaAdmin.getByLabel("Alasan").fill("kurang");
    await alfaAdmin.getByRole("button", { name: `Gugur tahap administrasi: ${alfa.company}` }).click();
    await alfaAdmin.getByText("alasan gugur minimal 10 karakter").waitFor();
    await recordFinding(evaluation, alfa.company, "Administrasi", false, failReason);
    for (const b of [bravo, citra]) for (const stage of EVALUATION_STAGES) await recordFinding(evaluation, b.company, stage, true);
    for (const stage of ["Teknis", "Kualifikasi"] as const) await recordFinding(evaluation, alfa.company, stage, true);
    await row(bravo).getByTestId("rank").filter({ hasText: /^1$/ }).waitFor();
    await row(citra).getByTestId("rank").filter({ hasText: /^2$/ }).waitFor();
    expect(await row(alfa).getByTestId("rank").textContent()).toBe("—");
    const findings = await db.selectFrom("bid_findings").select(["vendor_id", "stage", "passed", "reason", "evaluated_by"]).where("package_id", "=", packageId).execute();
    expect(findings).toHaveLength(9);
    expect(findings.filter((f) => f.passed === 0)).toEqual([{ vendor_id: account(alfa).vendorId, stage: "administrasi", passed: 0, reason: failReason, evaluated_by: lead.id }]);

    // 7. Penetapan Pemenang: the member names the first in the ranking.
    clock.set(new Date(stageWindow("penetapan_pemenang").startsAt.getTime() + 10 * 60_000));
    const naming = await onAnnouncement(await logInAs(lead));
    await nameWinner(naming, bravo.company);
    await naming.getByRole("table", { name: "Hasil evaluasi", exact: true }).getByRole("row", { name: new RegExp(bravo.company) }).getByText("Pemenang", { exact: true }).waitFor();
    expect(await db.selectFrom("tender_results").select(["winner_vendor_id", "determined_by"]).where("package_id", "=", packageId).executeTakeFirstOrThrow()).toEqual({ winner_vendor_id: account(bravo).vendorId, determined_by: lead.id });

    // The committee opens the Berita Acara Hasil Pemilihan in a new tab (a draft), then issues it: its SHA-256 is shown and logged.
    const minutes = naming.getByTestId("evaluation-minutes");
    const [tab] = await Promise.all([naming.context().waitForEvent("page"), minutes.getByRole("link", { name: "Berita Acara Hasil Pemilihan" }).click()]);
    await tab.waitForLoadState();
    expect(await tab.locator("h1").textContent()).toBe("Berita Acara Hasil Pemilihan");
    await tab.getByText("DRAF", { exact: false }).waitFor();
    await tab.locator("table.winner").getByText(bravo.company).waitFor();
    await tab.close();
    await minutes.getByRole("button", { name: "Terbitkan Berita Acara Hasil Pemilihan" }).click();
    await naming.getByRole("dialog").getByRole("button", { name: "Terbitkan" }).click();
    await minutes.getByText(/^Diterbitkan \d/).waitFor();
    const issued = await db.selectFrom("evaluation_minutes").select(["kind", "sha256", "issued_by"]).where("package_id", "=", packageId).executeTakeFirstOrThrow();
    expect(issued).toMatchObject({ kind: "hasil_pemilihan", issued_by: lead.id });
    await minutes.getByText(issued.sha256).waitFor();

    // 8. Masa Sanggah: the failed bidder objects (once: a second is refused in the server's words); another member answers.
    clock.set(new Date(stageWindow("sanggah").startsAt.getTime() + HOUR));
    const objector = await onAnnouncement(await logInAs(account(alfa)));
    const objections = objector.getByTestId("objections");
    await objections.getByText("Belum ada sanggah.").waitFor();
    const filed = await fileObjection(objector, alfa.company, objectionText);
    await filed.getByText("Belum dijawab.").waitFor();
    await objections.getByLabel("Isi sanggah").fill(objectionText);
    await objections.getByRole("button", { name: "Kirim sanggah" }).click();
    await objections.getByRole("alert").filter({ hasText: "Anda sudah mengajukan sanggah untuk tender ini" }).waitFor();
    await answerObjection(await onAnnouncement(await logInAs(third)), alfa.company, objectionText, answerText);
    expect(await db.selectFrom("objections").select(["vendor_id", "text", "answer", "answered_by"]).where("package_id", "=", packageId).execute()).toEqual([
      { vendor_id: account(alfa).vendorId, text: objectionText, answer: answerText, answered_by: third.id },
    ]);

    // 9. SPPBJ: the package's PPK issues the award letter to the winner.
    clock.set(new Date(stageWindow("sppbj").startsAt.getTime() + HOUR));
    await issueAwardLetter(await onAnnouncement(await logInAs(tender.ppk)), letterNumber, `kepada ${bravo.company} senilai ${bravo.shown}`);
    expect(await db.selectFrom("awards").select(["vendor_id", "letter_number", "value_sen", "issued_by"]).where("package_id", "=", packageId).executeTakeFirstOrThrow()).toEqual({
      vendor_id: account(bravo).vendorId,
      letter_number: letterNumber,
      value_sen: bravo.priceSen,
      issued_by: tender.ppk.id,
    });

    // 10. A visitor reads the results, the answered sanggah and the award, in Indonesian and English.
    const public2 = await visitor();
    expect(await public2.getByTestId("bid-evaluation").count()).toBe(0);
    const results = public2.getByRole("table", { name: "Hasil evaluasi", exact: true });
    await results.getByRole("row", { name: new RegExp(bravo.company) }).getByText("Pemenang", { exact: true }).waitFor();
    const failed = results.getByRole("row", { name: new RegExp(alfa.company) });
    await failed.getByText(failReason).waitFor();
    await failed.getByText("Gugur", { exact: true }).waitFor();
    await public2.getByTestId("evaluation-winner").filter({ hasText: `Pemenang: ${bravo.company}` }).waitFor();
    await public2.getByTestId("objections").getByTestId("objection-answer").filter({ hasText: answerText }).waitFor();
    const letter = public2.getByTestId("award-letter");
    for (const text of [bravo.company, bravo.shown, letterNumber]) await letter.getByText(text).waitFor();
    expect(await public2.getByLabel("Nomor SPPBJ").count()).toBe(0);
    await public2.getByRole("radiogroup", { name: "Bahasa" }).getByRole("radio", { name: "EN" }).check();
    await public2.getByRole("table", { name: "Evaluation results", exact: true }).getByRole("row", { name: new RegExp(bravo.company) }).getByText("Winner", { exact: true }).waitFor();
    await public2.getByRole("heading", { name: "Award letter (SPPBJ)" }).waitFor();
  }, 240_000);
});
