import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/server/clock.js";
import type { TestApp } from "../support/app.js";
import { logIn } from "../support/bid-steps.js";
import { launchBrowser } from "../support/browser.js";
import { Client } from "../support/client.js";
import { buildUser, buildVendor, loginAs, type TestUser } from "../support/factories.js";
import { buildOpenedTender } from "../support/sealed-bids.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { buildPublishedTender } from "../support/tenders.js";

const PACKAGE_NAME = "Pembangunan Jembatan Bengawan Madiun";

/**
 * Above the ceiling (pagu Rp150 billion): the bids are opened and evaluated through the API, the committee
 * proposes the winner; in the browser the agency's PA/KPA finds the tender through its package list, reads
 * the proposal, returns it with a reason (the form refuses a short one in the server's words), and after a
 * new proposal names the winner; the committee sees the decisions.
 */
describe("browser: the PA/KPA names the winner on the committee's proposal", () => {
  let s: TestServer;
  const clock = new ManualClock(new Date("2026-11-26T03:00:00Z"));
  let browser: Browser;
  let t: TestApp;
  let tender: Awaited<ReturnType<typeof buildPublishedTender>>;
  let paKpa: TestUser;
  const pages: Page[] = [];
  const path = () => `/api/v1/tenders/${tender.tenderCode}`;

  beforeAll(async () => {
    s = await startTestServer({}, clock);
    // The sealed-bid helpers drive the running server's app in-process, with the same clock.
    t = { app: s.server.app, deps: s.server.runtime.deps, clock, testDb: s.testDb, client: () => new Client(s.server.app, () => clock.now()), close: () => s.close() };
    tender = await buildPublishedTender(t, { name: PACKAGE_NAME, pagu: "150000000000", hpsItems: [{ description: "Pekerjaan jembatan", unit: "ls", quantity: "1", unitPrice: "140000000000" }] });
    paKpa = await buildUser(t, "pa_kpa", { agencyId: tender.agency.id, name: "Sri Wahyuni" });
    const vendors = [await buildVendor(t, "verified", "PT Jembatan Satu"), await buildVendor(t, "verified", "PT Jembatan Dua")];
    await buildOpenedTender(
      t,
      tender,
      vendors.map((vendor, i) => ({ vendor, price: String(131_000_000_000 - i * 1_000_000_000), unitPrices: [String(131_000_000_000 - i * 1_000_000_000)] })),
    );
    clock.set(new Date("2026-12-14T03:00:00Z"));
    const member = await loginAs(t, tender.pokja[0] as TestUser);
    for (const v of vendors) {
      for (const stage of ["administrasi", "teknis", "kualifikasi"]) {
        const r = await member.put(`${path()}/evaluation/${v.vendorId}/${stage}`, { passed: true, reason: "" });
        expect(r.status, r.text).toBe(200);
      }
    }
    clock.set(new Date("2026-12-16T02:05:00Z")); // 09:05 WIB, Penetapan Pemenang
    const proposed = await (await loginAs(t, tender.pokja[0] as TestUser)).post(`${path()}/winner`);
    expect(proposed.status, proposed.text).toBe(200);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await browser?.close();
    await s?.close();
  });

  async function logInAs(user: TestUser): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    pages.push(page);
    await logIn(page, s.url, user, clock.now());
    return page;
  }

  it("shows the proposal to the PA/KPA, who returns it and then names the winner", async () => {
    const page = await logInAs(paKpa);
    await page.getByRole("link", { name: "Paket", exact: true }).click();
    await page.getByRole("link", { name: PACKAGE_NAME }).first().click();
    await page.getByRole("link", { name: "Lihat pengumuman" }).click();
    await page.getByRole("heading", { level: 1, name: PACKAGE_NAME }).waitFor();
    const section = page.getByTestId("winner-proposal");
    await section.getByText("Pagu Rp150.000.000.000 di atas batas kewenangan Pokja", { exact: false }).waitFor();
    const proposals = section.getByTestId("winner-proposals");
    await proposals.getByRole("row", { name: /PT Jembatan Dua/ }).getByText("Menunggu keputusan PA/KPA").waitFor();
    expect(await section.getByRole("link", { name: "Berita Acara Evaluasi" }).getAttribute("target")).toBe("_blank");

    await section.getByLabel("Catatan atau alasan pengembalian").fill("kurang");
    await section.getByRole("button", { name: "Kembalikan usulan" }).click();
    await section.getByText("alasan pengembalian minimal 10 karakter").waitFor();
    const reason = "Mohon lampirkan hasil pembuktian kualifikasi PT Jembatan Dua.";
    await section.getByLabel("Catatan atau alasan pengembalian").fill(reason);
    await section.getByRole("button", { name: "Kembalikan usulan" }).click();
    await proposals.getByText("Dikembalikan").waitFor();
    await proposals.getByText(reason).waitFor();
    expect(await section.getByRole("button", { name: "Tetapkan pemenang" }).count()).toBe(0);

    // The committee proposes again; the PA/KPA names the winner.
    expect((await (await loginAs(t, tender.pokja[1] as TestUser)).post(`${path()}/winner`)).status).toBe(200);
    await page.reload();
    await proposals.getByText("Menunggu keputusan PA/KPA").waitFor();
    await section.getByRole("button", { name: "Tetapkan pemenang" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Tetapkan pemenang" }).click();
    await proposals.getByText("Ditetapkan sebagai pemenang").waitFor();
    await page.getByTestId("evaluation-winner").filter({ hasText: "Pemenang: PT Jembatan Dua" }).waitFor();
    const result = await s.testDb.database.db.selectFrom("tender_results").select(["winner_vendor_id", "determined_by"]).where("package_id", "=", tender.packageId).executeTakeFirstOrThrow();
    expect(result.determined_by).toBe(paKpa.id);
  });

  it("shows the committee both decisions in its evaluation", async () => {
    const page = await logInAs(tender.pokja[2] as TestUser);
    await page.goto(`${s.url}/tender/${tender.tenderCode}`);
    const evaluation = page.getByTestId("bid-evaluation");
    await evaluation.getByText("Pemenang telah ditetapkan: PT Jembatan Dua", { exact: false }).waitFor();
    const proposals = evaluation.getByTestId("winner-proposals");
    await proposals.getByText("Dikembalikan").waitFor();
    await proposals.getByText("Ditetapkan sebagai pemenang").waitFor();
    await evaluation.getByRole("link", { name: "Berita Acara Hasil Pemilihan" }).waitFor();
  });
});
