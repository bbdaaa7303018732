import { createHash } from "node:crypto";
import fs from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenedBid, openBid } from "../../src/crypto/envelope.js";
import { createOpeningKey, type KeyPair, openShare, recoverTenderKey, runKeyCeremony, type StoredOpeningKey, unlockOpeningKey } from "../../src/crypto/keys.js";
import { ceremonyView, publishTenderKey, setOpeningKey } from "../../src/modules/bids/keys.service.js";
import { startOfLocalDate, ZONE_OFFSET_HOURS } from "../../src/modules/settings/calendar.js";
import { getSettings } from "../../src/modules/settings/settings.service.js";
import { joinTender } from "../../src/modules/tenders/participation.service.js";
import { proposeSchedule } from "../../src/modules/tenders/schedule.propose.js";
import { ManualClock } from "../../src/server/clock.js";
import type { TestContext } from "../support/app.js";
import { fillBid, logIn, sendBid, type UploadFile } from "../support/bid-steps.js";
import { launchBrowser } from "../support/browser.js";
import { buildVendor, type TestUser } from "../support/factories.js";
import { buildPdf } from "../support/pdf.js";
import { passphraseOf, TEST_ITERATIONS } from "../support/sealed-bids.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { actorOf, buildPublishedTender } from "../support/tenders.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const nodeDigest = () => {
  const hash = createHash("sha256");
  return { update: (b: Uint8Array) => void hash.update(b), hex: () => hash.digest("hex") };
};
/** A phone's viewport: the vendor bids from one. */
const PHONE = { width: 390, height: 844 };

/**
 * A vendor's sealed bid from the browser, opened in Node: the proof that the browser's envelope and the
 * server's opening speak the same format. The committee's opening keys and the key ceremony run from
 * Node through the services, as the committee's browsers would; the server's clock (a ManualClock from
 * the real time, since the browser's cookies follow the real one) moves into Upload Dokumen Penawaran,
 * where a participant prices the bill of quantities on a phone, attaches a PDF, sends, and checks the
 * receipt. Two members' shares then rebuild the tender key, which opens exactly what was typed.
 */
describe("browser: a vendor's sealed bid", () => {
  let s: TestServer;
  const clock = new ManualClock(new Date());
  let browser: Browser;
  const pages: Page[] = [];
  let tender: Awaited<ReturnType<typeof buildPublishedTender>>;
  let vendor: TestUser & { vendorId: string };
  let upload: { startsAt: string; endsAt: string };
  const openingKeys = new Map<string, StoredOpeningKey>();
  const items = [
    { description: "Galian tanah saluran", unit: "m3", quantity: "1250.5", unitPrice: "85000.50" },
    { description: "Pasangan batu kali", unit: "m3", quantity: "420", unitPrice: "612500" },
  ];
  const method = { name: "Metode pelaksanaan.pdf", mimeType: "application/pdf", buffer: buildPdf("Metode pelaksanaan: galian manual dan pasangan batu kali") };

  beforeAll(async () => {
    s = await startTestServer({}, clock);
    const ctx: TestContext = { deps: s.server.runtime.deps, clock };
    const { db } = s.server.runtime.deps.database;
    const settings = await getSettings(db);
    const holidays = new Set((await db.selectFrom("holidays").select("date").execute()).map((h) => h.date));
    // Published now for tomorrow onwards, from the proposal (working days and holidays respected).
    const tomorrow = new Date(clock.now().getTime() + (ZONE_OFFSET_HOURS[settings.timeZone] + 24) * 3_600_000).toISOString().slice(0, 10);
    const stages = proposeSchedule(startOfLocalDate(tomorrow, settings.timeZone), settings, holidays).map((w) => ({ stage: w.stage, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() }));
    tender = await buildPublishedTender(ctx, { name: "Rehabilitasi Saluran Drainase Jalan Pahlawan", pagu: "400000000", hpsItems: items, stages });
    upload = stages.find((w) => w.stage === "upload_penawaran") as { startsAt: string; endsAt: string };
    vendor = await buildVendor(ctx, "verified", "CV Karya Manunggal");

    // Each member makes its opening key; one runs the ceremony (2 of 3) and uploads its result.
    for (const member of tender.pokja) {
      const stored = await createOpeningKey(passphraseOf(member), TEST_ITERATIONS);
      await setOpeningKey(db, actorOf(member), stored, clock.now());
      openingKeys.set(member.id, stored);
    }
    const lead = actorOf(tender.pokja[0] as TestUser);
    const view = await ceremonyView(db, lead, tender.tenderCode);
    const ceremony = await runKeyCeremony(tender.tenderCode, view.members.map((m) => ({ userId: m.userId, publicKey: m.publicKey ?? "" })), view.threshold);
    await publishTenderKey(db, lead, tender.tenderCode, ceremony, clock.now());

    // Into Upload Dokumen Penawaran; the vendor has joined the tender.
    clock.set(new Date(Date.parse(upload.startsAt) + 30 * 60_000));
    await joinTender(db, { ...actorOf(vendor), vendorId: vendor.vendorId }, tender.tenderCode, clock.now());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await browser?.close();
    await s?.close();
  });

  async function vendorOnAnnouncement(): Promise<Page> {
    const page = await browser.newPage({ viewport: PHONE, acceptDownloads: true });
    page.setDefaultTimeout(15_000);
    pages.push(page);
    await logIn(page, s.url, vendor, clock.now());
    await page.goto(`${s.url}/tender/${tender.tenderCode}`);
    await page.getByTestId("bid").waitFor();
    return page;
  }

  /** The two lines' unit prices as typed, validity 90 days, and the files (by the label of their kind's input). */
  async function fillDrainageBid(page: Page, unitPrices: [string, string], files: { label: string; file: UploadFile }[]): Promise<void> {
    await fillBid(page, items.map((item, i) => ({ description: item.description, unitPrice: unitPrices[i] ?? "" })), files);
  }

  /** The tender key rebuilt from two members' shares, each opened with its member's opening key. */
  async function tenderKeyFromShares(): Promise<KeyPair> {
    const { db } = s.server.runtime.deps.database;
    const key = await db.selectFrom("tender_keys").selectAll().where("package_id", "=", tender.packageId).executeTakeFirstOrThrow();
    const shares: string[] = [];
    for (const member of tender.pokja.slice(1)) {
      const sealed = await db.selectFrom("tender_key_shares").selectAll().where("package_id", "=", tender.packageId).where("user_id", "=", member.id).executeTakeFirstOrThrow();
      const memberKey = await unlockOpeningKey(openingKeys.get(member.id) as StoredOpeningKey, passphraseOf(member));
      shares.push(await openShare({ userId: member.id, enc: sealed.enc, ct: sealed.ct }, tender.tenderCode, memberKey));
    }
    return recoverTenderKey(shares, key.public_key);
  }

  /** The stored envelope (the file store names it by its SHA-256), opened with the tender key. */
  async function openStored(envelopeSha256: string, key: KeyPair): Promise<OpenedBid> {
    const file = path.join(s.testDb.dataDir, "files", envelopeSha256.slice(0, 2), envelopeSha256);
    expect(sha256(await readFile(file))).toBe(envelopeSha256);
    return openBid(fs.createReadStream(file), key, { tenderCode: tender.tenderCode, vendorId: vendor.vendorId }, { newDigest: nodeDigest });
  }

  it("seals the bid in the browser, shows a verified receipt, and Node opens exactly what was typed", async () => {
    const { db } = s.server.runtime.deps.database;
    const page = await vendorOnAnnouncement();
    const bid = page.getByTestId("bid");
    await bid.getByTestId("bid-sealed-note").filter({ hasText: "dienkripsi di peramban Anda" }).filter({ hasText: "2 dari 3 anggota Pokja" }).waitFor();

    // Amounts follow the typing exactly: 1250,5 × Rp84.000,25 = Rp105.042.312,625 → Rp105.042.312,63 (half up).
    await fillDrainageBid(page, ["84000,25", "600000"], [{ label: "Dokumen teknis", file: method }]);
    await bid.getByTestId("bid-line-total").filter({ hasText: "Rp105.042.312,63" }).waitFor();
    await bid.getByTestId("bid-line-total").filter({ hasText: "Rp252.000.000" }).waitFor();
    await bid.getByTestId("bid-total").filter({ hasText: "Rp357.042.312,63" }).waitFor();
    // A text file named .pdf is left out: the server could not tell before the opening.
    await bid.getByLabel("Dokumen lainnya", { exact: true }).setInputFiles({ name: "Catatan.pdf", mimeType: "application/pdf", buffer: Buffer.from("bukan PDF\n") });
    await bid.getByText("Catatan.pdf: isi berkas bukan PDF, PNG atau JPEG").waitFor();
    await bid.getByTestId("bid-files").getByText(method.name).waitFor();
    expect(await bid.getByTestId("bid-files").getByRole("listitem").count()).toBe(1);

    const firstSha = await sendBid(page);
    const check = bid.getByTestId("receipt-check");
    await check.getByText("SHA-256 sama dengan amplop yang baru dikirim dari peramban ini.").waitFor();
    expect(firstSha).toMatch(/^[0-9a-f]{64}$/);

    // Checked in the public log: the browser rebuilds the bid's leaf from the vendor's own event and climbs
    // the audit path to a tree head signed with the log's key.
    await bid.getByRole("button", { name: "Periksa di log publik" }).click();
    const logCheck = bid.getByTestId("receipt-log-check");
    await logCheck.filter({ hasText: "Terverifikasi di log publik" }).waitFor();
    const logSize = await s.server.runtime.deps.eventLog.size();
    await logCheck.filter({ hasText: `berukuran ${logSize} kejadian` }).waitFor();

    // The receipt is the server's, as stored, and downloads as JSON with the key that verifies it.
    const active = await db.selectFrom("bids").selectAll().where("package_id", "=", tender.packageId).execute();
    expect(active).toEqual([expect.objectContaining({ vendor_id: vendor.vendorId, status: "active", sha256: firstSha })]);
    expect(await bid.getByTestId("receipt-log-index").textContent()).toBe(String(active[0]?.log_index));
    const [download] = await Promise.all([page.waitForEvent("download"), bid.getByRole("button", { name: "Unduh tanda terima" }).click()]);
    const saved = JSON.parse(await readFile(await download.path(), "utf8")) as { receipt: { sha256: string; bidId: string }; logKey: { algorithm: string } };
    expect(saved.receipt).toMatchObject({ sha256: firstSha, bidId: active[0]?.id });
    expect(saved.logKey.algorithm).toBe("Ed25519");

    // Browser/Node interoperability: two members' shares rebuild the key, which opens what was typed.
    const key = await tenderKeyFromShares();
    const opened = await openStored(firstSha, key);
    expect(opened.document).toEqual({
      price: "357042312.63",
      items: [
        { hpsItemId: expect.any(String), unitPrice: "84000.25", quantity: "1250.5" },
        { hpsItemId: expect.any(String), unitPrice: "600000", quantity: "420" },
      ],
      validityDays: 90,
      files: [{ name: method.name, kind: "teknis" }],
    });
    const hpsItems = await db.selectFrom("package_hps_items").select("id").where("package_id", "=", tender.packageId).orderBy("position").execute();
    expect(opened.document.items.map((i) => i.hpsItemId)).toEqual(hpsItems.map((i) => i.id));
    expect(opened.files).toEqual([{ size: method.buffer.length, sha256: sha256(method.buffer) }]);

    // A second bid, a while later, replaces the first: the form starts empty (the earlier bid cannot be read back).
    clock.advance(20 * 60_000);
    await bid.getByRole("button", { name: "Kirim ulang" }).click();
    await bid.getByText("Penawaran baru menggantikan penawaran sebelumnya.", { exact: false }).waitFor();
    const price = { name: "Rincian harga.pdf", mimeType: "application/pdf", buffer: buildPdf("Rincian harga penawaran") };
    const deed = { name: "Akta pendirian.pdf", mimeType: "application/pdf", buffer: buildPdf("Akta pendirian CV Karya Manunggal") };
    // 1250,5 × Rp83.500 = Rp104.416.750; 420 × Rp598.000,50 = Rp251.160.210.
    await fillDrainageBid(page, ["83500", "598000,50"], [
      { label: "Dokumen harga", file: price },
      { label: "Dokumen administrasi", file: deed },
    ]);
    await bid.getByTestId("bid-total").filter({ hasText: "Rp355.576.960" }).waitFor();
    await bid.getByRole("button", { name: "Kirim penawaran" }).click();
    await bid.getByTestId("receipt-sha256").filter({ hasNotText: firstSha }).waitFor();
    await check.filter({ hasText: "Tanda terima terverifikasi" }).waitFor();
    const secondSha = (await bid.getByTestId("receipt-sha256").textContent()) ?? "";

    const rows = await db.selectFrom("bids").select(["sha256", "status"]).where("package_id", "=", tender.packageId).orderBy("submitted_at").execute();
    expect(rows.map((r) => [r.sha256, r.status])).toEqual([
      [firstSha, "replaced"],
      [secondSha, "active"],
    ]);
    const second = await openStored(secondSha, key);
    expect(second.document.price).toBe("355576960");
    expect(second.document.files).toEqual([
      { name: price.name, kind: "harga" },
      { name: deed.name, kind: "administrasi" },
    ]);
    expect(second.files.map((f) => f.sha256)).toEqual([sha256(price.buffer), sha256(deed.buffer)]);

    // Withdrawal, after confirming: no active bid, and the form is back.
    await bid.getByRole("button", { name: "Tarik penawaran" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ya, lanjutkan" }).click();
    await bid.getByText("Anda belum mengirim penawaran.").waitFor();
    await bid.getByRole("button", { name: "Kirim penawaran" }).waitFor();
    expect((await db.selectFrom("bids").select("status").where("sha256", "=", secondSha).executeTakeFirstOrThrow()).status).toBe("withdrawn");
  }, 180_000);

  it("shows the server's refusal when the deadline passes before the bid is sent", async () => {
    const { db } = s.server.runtime.deps.database;
    const deadline = Date.parse(upload.endsAt);
    clock.set(new Date(deadline - 10 * 60_000));
    const page = await vendorOnAnnouncement();
    await fillDrainageBid(page, ["84000", "600000"], [{ label: "Dokumen teknis", file: method }]);
    // The page still shows the form; the server's clock decides.
    clock.set(new Date(deadline + 60_000));
    const bid = page.getByTestId("bid");
    await bid.getByRole("button", { name: "Kirim penawaran" }).click();
    await bid.getByRole("alert").filter({ hasText: "Upload Dokumen Penawaran (" }).waitFor();
    expect(await db.selectFrom("bids").select("status").where("package_id", "=", tender.packageId).where("status", "=", "active").execute()).toEqual([]);

    // After the deadline the page shows the deadline and no form.
    await page.reload();
    await bid.getByTestId("bid-window").filter({ hasText: "Batas akhir pemasukan penawaran telah lewat" }).waitFor();
    await bid.getByText("Anda tidak mengirim penawaran untuk tender ini.").waitFor();
    expect(await bid.getByRole("button", { name: "Kirim penawaran" }).count()).toBe(0);
  }, 120_000);
});
