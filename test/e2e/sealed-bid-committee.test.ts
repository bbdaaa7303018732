import { createHash, randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BidDocument } from "../../src/crypto/envelope.js";
import { newTotpSecret, totpCode } from "../../src/modules/auth/totp.js";
import { createAgency, createWorkUnit } from "../../src/modules/orgs/orgs.service.js";
import { assignCommittee } from "../../src/modules/packages/assignment.service.js";
import { createPackage } from "../../src/modules/packages/packages.service.js";
import { localDate, startOfLocalDate } from "../../src/modules/settings/calendar.js";
import { getSettings } from "../../src/modules/settings/settings.service.js";
import { joinTender } from "../../src/modules/tenders/participation.service.js";
import { publicationContext } from "../../src/modules/tenders/publication-context.js";
import { publishTender } from "../../src/modules/tenders/publication.service.js";
import { proposeSchedule } from "../../src/modules/tenders/schedule.propose.js";
import { setSchedule } from "../../src/modules/tenders/schedule.service.js";
import type { Role } from "../../src/modules/users/roles.js";
import { updateUser } from "../../src/modules/users/users.repository.js";
import { createUser } from "../../src/modules/users/users.service.js";
import { insertVendor } from "../../src/modules/vendors/vendors.repository.js";
import type { Actor } from "../../src/server/actor.js";
import { ManualClock } from "../../src/server/clock.js";
import { launchBrowser } from "../support/browser.js";
import { Client } from "../support/client.js";
import { sealEnvelope, uploadEnvelope } from "../support/sealed-bids.js";
import { startTestServer, type TestServer } from "../support/server.js";

const PASSWORD = "Madiun#Uji2026";

interface Member {
  id: string;
  email: string;
  name: string;
  secret: string;
  /** The opening key's passphrase: short for a test, but at the minimum length the browser asks. */
  passphrase: string;
}

interface Bidder {
  vendorId: string;
  userId: string;
  email: string;
  company: string;
  price: string;
}

const actor = (id: string, role: Role, agencyId: string | null, vendorId: string | null = null): Actor => ({ id, name: role, email: `${id}@uji.test`, role, agencyId, vendorId, sessionId: "" });

/** What the announcement shows for a public key: SHA-256 of the raw key, 16 bytes, in groups of four. */
function fingerprintOf(publicKey: string): string {
  return createHash("sha256").update(Buffer.from(publicKey, "base64url")).digest("hex").slice(0, 32).toUpperCase().replace(/(.{4})(?!$)/g, "$1 ");
}

function bidDocument(price: string): BidDocument {
  return { price, items: [{ hpsItemId: "pekerjaan", unitPrice: price, quantity: "1" }], validityDays: 60, files: [{ name: "Metode pelaksanaan.pdf", kind: "teknis" }] };
}

/**
 * The committee's side of sealed bids in the browser, on the real server and a clock the test moves:
 * three Pokja members make their opening keys under passphrases in their browsers, one of them makes
 * the tender key (split 2 of 3 and sealed to each member, in the browser), two vendors' sealed bids
 * arrive from Node during Upload Dokumen Penawaran, and after the deadline two members unlock their
 * shares with their passphrases: the second share opens both bids, and everyone reads the prices.
 */
describe("browser: sealed bids, the committee's side", () => {
  let s: TestServer;
  // The real time: cookies expire on the browser's clock, so the server's clock only moves forward from here.
  const clock = new ManualClock(new Date());
  let browser: Browser;
  const pages: Page[] = [];
  const members: Member[] = [
    { id: "", email: "pokja.a@madiun.test", name: "Eko Prasetyo", secret: newTotpSecret(), passphrase: "kopi tubruk pagi" },
    { id: "", email: "pokja.b@madiun.test", name: "Nur Hidayati", secret: newTotpSecret(), passphrase: "pecel madiun enak" },
    { id: "", email: "pokja.c@madiun.test", name: "Bambang Sutrisno", secret: newTotpSecret(), passphrase: "kereta api pagi" },
  ];
  const bidders: Bidder[] = [
    { vendorId: randomUUID(), userId: "", email: "direktur@alfa-konstruksi.test", company: "CV Alfa Konstruksi", price: "1634567890.55" },
    { vendorId: randomUUID(), userId: "", email: "direktur@bravo-teknik.test", company: "PT Bravo Teknik", price: "1702000000" },
  ];
  const packageName = "Rehabilitasi Gedung Pasar Besar Kota Madiun";
  let tenderCode = "";
  let packageId = "";
  let windows: ReturnType<typeof proposeSchedule> = [];

  beforeAll(async () => {
    s = await startTestServer({}, clock);
    const { db } = s.server.runtime.deps.database;
    const now = clock.now();
    const context = publicationContext(s.server.runtime.deps.config);
    const dinas = await createAgency(db, null, { code: "DISPERDAG", name: "Dinas Perdagangan", kind: "dinas" }, now);
    const unit = await createWorkUnit(db, null, dinas.id, { code: "DISPERDAG-PSR", name: "Bidang Pasar" }, now);
    const ukpbj = await createAgency(db, null, { code: "SETDA-PBJ", name: "Bagian Pengadaan Barang/Jasa (UKPBJ)", kind: "sekretariat" }, now);
    const ppk = await createUser(db, null, { name: "Yudi Hartono", email: "ppk@madiun.test", role: "ppk", agencyId: dinas.id, password: PASSWORD }, now);
    const admin = await createUser(db, null, { name: "Agus Setiawan", email: "admin@madiun.test", role: "admin_agency", agencyId: dinas.id, password: PASSWORD }, now);
    for (const member of members) {
      const created = await createUser(db, null, { name: member.name, email: member.email, role: "pokja", agencyId: ukpbj.id, password: PASSWORD }, now);
      await updateUser(db, created.id, { totp_secret: member.secret, totp_enrolled_at: now.toISOString() });
      member.id = created.id;
    }

    // A tender scheduled from tomorrow by the server's own proposal (working days, holidays).
    const settings = await getSettings(db);
    const holidays = new Set((await db.selectFrom("holidays").select("date").execute()).map((h) => h.date));
    const { row } = await createPackage(
      db,
      actor(ppk.id, "ppk", dinas.id),
      {
        rupCode: "41230088",
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
    await assignCommittee(db, actor(admin.id, "admin_agency", dinas.id), packageId, { kind: "pokja", memberIds: members.map((m) => m.id), decreeNumber: "027/88/401.112/2026" }, now);
    const tomorrow = localDate(new Date(now.getTime() + 86_400_000), settings.timeZone);
    windows = proposeSchedule(startOfLocalDate(tomorrow, settings.timeZone), settings, holidays);
    const lead = actor(members[0]?.id ?? "", "pokja", ukpbj.id);
    await setSchedule(db, lead, packageId, { stages: windows.map((w) => ({ stage: w.stage, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() })) }, now, context);
    tenderCode = await publishTender(db, lead, packageId, now, context);

    // Two verified companies join during the announcement.
    const announcement = new Date(stageWindow("pengumuman").startsAt.getTime() + 60 * 60_000);
    for (const bidder of bidders) {
      await insertVendor(db, { id: bidder.vendorId, name: bidder.company, business_form: bidder.company.startsWith("PT") ? "PT" : "CV", npwp: String(Math.floor(Math.random() * 1e15)).padStart(15, "0"), status: "verified", verified_at: now.toISOString(), created_at: now.toISOString(), updated_at: now.toISOString() });
      const user = await createUser(db, null, { name: `Direktur ${bidder.company}`, email: bidder.email, role: "vendor", vendorId: bidder.vendorId, password: PASSWORD }, now);
      bidder.userId = user.id;
      await joinTender(db, actor(user.id, "vendor", null, bidder.vendorId), tenderCode, announcement);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await browser?.close();
    await s?.close();
  });

  function stageWindow(stage: string) {
    const found = windows.find((w) => w.stage === stage);
    if (!found) throw new Error(`no ${stage} in the schedule`);
    return found;
  }

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    pages.push(page);
    return page;
  }

  /** A member logs in with the second factor; each member logs in once per clock position, so no code is replayed. */
  async function logIn(member: Member): Promise<Page> {
    const page = await newPage();
    await page.goto(`${s.url}/login`);
    await page.getByLabel("Email").fill(member.email);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByLabel("Kode autentikator").fill(totpCode(member.secret, clock.now()));
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.waitForURL(/\/app$/);
    return page;
  }

  async function createOpeningKey(page: Page, member: Member): Promise<void> {
    await page.getByRole("link", { name: "Kunci Pembukaan", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Kunci Pembukaan" }).waitFor();
    await page.getByTestId("opening-key-status").filter({ hasText: "Anda belum memiliki kunci pembukaan." }).waitFor();
    await page.getByText("LPSE tidak dapat memulihkan atau mengatur ulang frasa sandi yang hilang.").waitFor();
    await page.getByLabel("Frasa sandi", { exact: true }).fill(member.passphrase);
    await page.getByLabel("Ulangi frasa sandi").fill(member.passphrase);
    await page.getByRole("button", { name: "Buat kunci pembukaan" }).click();
    await page.getByTestId("opening-key-status").filter({ hasText: "Anda sudah memiliki kunci pembukaan." }).waitFor();
    const stored = await s.server.runtime.deps.database.db.selectFrom("opening_keys").selectAll().where("user_id", "=", member.id).executeTakeFirstOrThrow();
    await page.getByTestId("opening-key-fingerprint").filter({ hasText: fingerprintOf(stored.public_key) }).waitFor();
    // Made with the full work factor, in the browser.
    expect(JSON.parse(stored.wrapped)).toMatchObject({ kdf: "PBKDF2-SHA256", iterations: 600_000 });
  }

  it("makes opening keys and the tender key in the browser, and opens the bids with 2 of 3 shares after the deadline", async () => {
    const { db } = s.server.runtime.deps.database;
    const [lead, second, third] = members as [Member, Member, Member];

    // 1. The first member makes an opening key; the form checks the passphrase's length and repetition first.
    const leadPage = await logIn(lead);
    await leadPage.getByRole("link", { name: "Kunci Pembukaan", exact: true }).click();
    await leadPage.getByLabel("Frasa sandi", { exact: true }).fill("pendek");
    await leadPage.getByLabel("Ulangi frasa sandi").fill("pendek sekali");
    await leadPage.getByRole("button", { name: "Buat kunci pembukaan" }).click();
    await leadPage.getByText("Minimal 12 karakter", { exact: true }).waitFor();
    await leadPage.getByText("Frasa sandi tidak sama", { exact: true }).waitFor();
    expect(await db.selectFrom("opening_keys").selectAll().execute()).toEqual([]);
    await leadPage.goto(`${s.url}/app`);
    await createOpeningKey(leadPage, lead);

    // On the announcement, the committee sees who is ready; the tender key waits for every member.
    await leadPage.goto(`${s.url}/tender/${tenderCode}`);
    const readiness = leadPage.getByRole("table", { name: "Kesiapan anggota" });
    await readiness.getByRole("row", { name: /Eko Prasetyo \(Anda\)/ }).getByText("Siap").waitFor();
    await readiness.getByRole("row", { name: /Nur Hidayati/ }).getByText("Belum dibuat").waitFor();
    await leadPage.getByText("Penawaran akan dapat dibuka oleh 2 dari 3 anggota.").waitFor();
    expect(await leadPage.getByRole("button", { name: "Buat kunci tender" }).isDisabled()).toBe(true);

    // 2. The other two make theirs.
    for (const member of [second, third]) await createOpeningKey(await logIn(member), member);

    // 3. The first member compares fingerprints and makes the tender key in the browser.
    await leadPage.reload();
    const keys = await db.selectFrom("opening_keys").selectAll().execute();
    for (const member of members) {
      const key = keys.find((k) => k.user_id === member.id)?.public_key ?? "";
      await readiness.getByRole("row", { name: new RegExp(member.name) }).getByText(fingerprintOf(key)).waitFor();
    }
    await leadPage.getByRole("button", { name: "Buat kunci tender" }).click();
    await leadPage.getByTestId("tender-key-threshold").filter({ hasText: "2 dari 3 anggota" }).waitFor();
    const tenderKey = await db.selectFrom("tender_keys").selectAll().where("package_id", "=", packageId).executeTakeFirstOrThrow();
    expect(tenderKey).toMatchObject({ threshold: 2, created_by: lead.id });
    await leadPage.getByTestId("tender-key-fingerprint").filter({ hasText: fingerprintOf(tenderKey.public_key) }).waitFor();
    const shares = await db.selectFrom("tender_key_shares").selectAll().where("package_id", "=", packageId).execute();
    expect(shares.map((x) => x.user_id).sort()).toEqual(members.map((m) => m.id).sort());
    // The opening section waits for the deadline.
    await leadPage.getByTestId("bid-opening").getByText("Penawaran dapat dibuka setelah batas akhir penawaran (").waitFor();

    // Holding a share of an unopened tender, the member cannot replace the opening key: the server says why.
    await leadPage.getByRole("link", { name: "Kunci Pembukaan", exact: true }).click();
    await leadPage.getByRole("button", { name: "Ganti kunci pembukaan" }).click();
    await leadPage.getByLabel("Frasa sandi", { exact: true }).fill("frasa sandi pengganti");
    await leadPage.getByLabel("Ulangi frasa sandi").fill("frasa sandi pengganti");
    await leadPage.getByRole("button", { name: "Buat kunci pembukaan" }).click();
    await leadPage.getByRole("alert").filter({ hasText: "Kunci pembukaan tidak dapat diganti selama Anda memegang bagian kunci tender yang belum dibuka" }).waitFor();
    expect((await db.selectFrom("opening_keys").select("public_key").where("user_id", "=", lead.id).executeTakeFirstOrThrow()).public_key).toBe(keys.find((k) => k.user_id === lead.id)?.public_key);

    // 4. During Upload Dokumen Penawaran both vendors seal their bids to the tender key (from Node) and upload them.
    clock.set(new Date(stageWindow("upload_penawaran").startsAt.getTime() + 60 * 60_000));
    const published = await new Client(s.server.app, () => clock.now()).get<{ publicKey: string; threshold: number; members: number }>(`/api/v1/public/tenders/${tenderCode}/key`);
    expect(published.body).toMatchObject({ publicKey: tenderKey.public_key, threshold: 2, members: 3 });
    for (const bidder of bidders) {
      const client = new Client(s.server.app, () => clock.now());
      const login = await client.post("/api/v1/auth/login", { email: bidder.email, password: PASSWORD });
      expect(login.status, login.text).toBe(200);
      const envelope = await sealEnvelope(tenderCode, bidder.vendorId, tenderKey.public_key, bidDocument(bidder.price), [Buffer.from(`Metode pelaksanaan ${bidder.company}`)]);
      const receipt = await uploadEnvelope(client, tenderCode, envelope);
      expect(receipt.status, receipt.text).toBe(201);
    }

    // 5. After the deadline two members unlock their shares in their browsers (their sessions have expired: they log in again).
    clock.set(new Date(stageWindow("upload_penawaran").endsAt.getTime() + 60 * 60_000));
    const visitor = await newPage();
    await visitor.goto(`${s.url}/tender/${tenderCode}`);
    await visitor.getByRole("heading", { level: 1, name: packageName }).waitFor();
    expect(await visitor.getByRole("heading", { name: "Hasil pembukaan penawaran" }).count()).toBe(0);

    const secondPage = await logIn(second);
    await secondPage.goto(`${s.url}/tender/${tenderCode}`);
    const secondOpening = secondPage.getByTestId("bid-opening");
    await secondOpening.getByTestId("opening-progress").filter({ hasText: "0 dari 2 bagian kunci diterima" }).waitFor();
    // A wrong passphrase is caught in the browser; nothing reaches the server.
    await secondOpening.getByLabel("Frasa sandi kunci pembukaan").fill("bukan frasa sandi saya");
    await secondOpening.getByRole("button", { name: "Buka bagian kunci saya" }).click();
    await secondOpening.getByText("Frasa sandi salah.").waitFor();
    expect(await db.selectFrom("opening_shares").selectAll().execute()).toEqual([]);
    await secondOpening.getByLabel("Frasa sandi kunci pembukaan").fill(second.passphrase);
    await secondOpening.getByRole("button", { name: "Buka bagian kunci saya" }).click();
    await secondOpening.getByText("Bagian kunci Anda sudah diterima.").waitFor();
    await secondOpening.getByTestId("opening-progress").filter({ hasText: "1 dari 2 bagian kunci diterima" }).waitFor();
    expect((await db.selectFrom("opening_shares").select("user_id").execute()).map((x) => x.user_id)).toEqual([second.id]);
    expect(await db.selectFrom("bid_openings").selectAll().execute()).toEqual([]);

    const thirdPage = await logIn(third);
    await thirdPage.goto(`${s.url}/tender/${tenderCode}`);
    const thirdOpening = thirdPage.getByTestId("bid-opening");
    await thirdOpening.getByTestId("opening-progress").filter({ hasText: "1 dari 2 bagian kunci diterima" }).waitFor();
    await thirdOpening.getByLabel("Frasa sandi kunci pembukaan").fill(third.passphrase);
    await thirdOpening.getByRole("button", { name: "Buka bagian kunci saya" }).click();
    await thirdOpening.getByText("Penawaran telah dibuka.").waitFor();
    await thirdOpening.getByTestId("opening-progress").filter({ hasText: "2 dari 2 bagian kunci diterima" }).waitFor();

    // 6. The opening record, for the committee and for everyone, in Rupiah.
    for (const page of [thirdPage, visitor]) {
      if (page === visitor) await visitor.reload();
      const results = page.getByRole("table", { name: "Hasil pembukaan penawaran" });
      const alfa = results.getByRole("row", { name: /CV Alfa Konstruksi/ });
      await alfa.getByText("Rp1.634.567.890,55").waitFor();
      await alfa.getByText("Sah", { exact: true }).waitFor();
      await results.getByRole("row", { name: /PT Bravo Teknik/ }).getByText("Rp1.702.000.000").waitFor();
    }
    await visitor.getByRole("radiogroup", { name: "Bahasa" }).getByRole("radio", { name: "EN" }).check();
    await visitor.getByRole("table", { name: "Bid opening results" }).getByRole("row", { name: /PT Bravo Teknik/ }).getByText("Valid", { exact: true }).waitFor();

    const opened = await db.selectFrom("bid_openings").selectAll().where("package_id", "=", packageId).execute();
    expect(opened.map((o) => [o.vendor_id, o.status, Number(o.price_sen)]).sort()).toEqual(
      [
        [bidders[0]?.vendorId, "valid", 163_456_789_055],
        [bidders[1]?.vendorId, "valid", 170_200_000_000],
      ].sort(),
    );
    expect((await db.selectFrom("opening_shares").select("user_id").execute()).map((x) => x.user_id).sort()).toEqual([second.id, third.id].sort());
    expect(await db.selectFrom("tender_openings").select("opened_by").where("package_id", "=", packageId).executeTakeFirstOrThrow()).toEqual({ opened_by: third.id });
    // The passphrases never left the browsers.
    for (const table of ["opening_keys", "tender_key_shares", "opening_shares", "events", "sessions"] as const) {
      const dump = JSON.stringify(await sql`select * from ${sql.table(table)}`.execute(db));
      for (const member of members) expect(dump, `${table} holds a passphrase`).not.toContain(member.passphrase);
    }
  }, 240_000);
});
