import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/server/clock.js";
import type { TestContext } from "../support/app.js";
import { launchBrowser } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { buildPublishedTender } from "../support/tenders.js";

/** Each payload, if it ran, would set a flag on the page or open a dialog. */
const IMG = `<img src=x onerror="window.__xss='img'">`;
const SCRIPT = `<script>window.__xss='script'</script>`;
const SVG = `"><svg onload="window.__xss='svg'">`;

/**
 * Free text that staff and vendors type ends up on public pages: a package name, an agency name, a search
 * query kept in the address. Typed as markup, it must come back as the same characters, never as markup
 * that runs. The fuzz suite sends such payloads to every field of the API; this shows what a browser does
 * with them when the web app renders them.
 */
describe("browser: XSS payloads are shown, never run", () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const clock = new ManualClock(new Date("2026-11-26T03:00:00.000Z"));
  let tenderCode: string;
  const packageName = `Rehabilitasi Saluran ${IMG} ${SCRIPT}`;
  const agencyName = `Dinas Uji ${SVG}`;

  beforeAll(async () => {
    s = await startTestServer({}, clock);
    const ctx: TestContext = { deps: s.server.runtime.deps, clock };
    ({ tenderCode } = await buildPublishedTender(ctx, { name: packageName, agencyName }));
    // The announcement is public from Pengumuman on.
    clock.set(new Date("2026-11-30T03:00:00.000Z"));
    browser = await launchBrowser();
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  afterAll(async () => {
    await page?.close().catch(() => undefined);
    await browser?.close();
    await s?.close();
  });

  // Evaluated in the page, where globalThis is the window.
  const ran = () => page.evaluate(() => (globalThis as { __xss?: string }).__xss ?? null);

  it("renders markup in names and in the search as text", async () => {
    // The search, with the payload in the query (kept in the address, shown in the field and the results).
    await page.goto(`${s.url}/?q=${encodeURIComponent(`Rehabilitasi ${IMG}`)}`);
    await page.getByTestId("search-total").waitFor();
    expect(await page.getByLabel("Cari paket").inputValue()).toBe(`Rehabilitasi ${IMG}`);
    await page.goto(`${s.url}/?q=${encodeURIComponent("Rehabilitasi")}`);
    await page.getByText(packageName, { exact: true }).waitFor();

    // The announcement: the package and the agency exactly as typed.
    await page.goto(`${s.url}/tender/${tenderCode}`);
    await page.getByRole("heading", { level: 1, name: packageName }).waitFor();
    await page.getByText(agencyName).first().waitFor();
    // Nothing became an element: no injected img, script or svg in the document.
    expect(await page.locator("img[src='x'], svg[onload], script:not([src])").count()).toBe(0);
    expect(await page.title()).not.toContain("<img");

    // Given time to fire (an image error fires at once), nothing ran.
    await page.waitForTimeout(300);
    expect(await ran()).toBeNull();
    expect(dialogs).toEqual([]);
  });
});
