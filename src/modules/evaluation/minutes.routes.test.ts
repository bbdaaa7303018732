import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { launchBrowser } from "../../../test/support/browser.js";
import { buildAgency, buildUser, buildVendor, loginAs, type TestUser } from "../../../test/support/factories.js";
import { pdfText } from "../../../test/support/pdf-text.js";
import { expectProblem } from "../../../test/support/problems.js";
import { buildOpenedTender } from "../../../test/support/sealed-bids.js";
import { buildPublishedTender } from "../../../test/support/tenders.js";
import { verifyMinutes } from "./verify-minutes.js";

type Vendor = TestUser & { vendorId: string };

/** A reason written to run script if the minutes did not escape it. */
const XSS_REASON = `Metode kerja tidak lengkap <script>document.title="diretas"</script><img src=x onerror="document.title='diretas'">`;

/**
 * The Berita Acara Evaluasi Penawaran and the Berita Acara Hasil Pemilihan of a tender with HPS
 * Rp20.000.000: CV Alfa passes every stage; "PT Jaya & Sons" fails the technical stage with a reason
 * that carries markup.
 */
describe("evaluation minutes", () => {
  let t: TestApp;
  let tender: Awaited<ReturnType<typeof buildPublishedTender>>;
  let alfa: Vendor;
  let jaya: Vendor;
  const path = (kind = "evaluasi") => `/api/v1/tenders/${tender.tenderCode}/minutes/${kind}`;
  const member = (i = 0) => loginAs(t, tender.pokja[i] as TestUser);

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    tender = await buildPublishedTender(t, {
      pagu: "25000000",
      hpsItems: [
        { description: "Galian tanah", unit: "m3", quantity: "100", unitPrice: "100000" },
        { description: "Beton K-250", unit: "m3", quantity: "10", unitPrice: "1000000" },
      ],
    });
    alfa = await buildVendor(t, "verified", "CV Alfa");
    jaya = await buildVendor(t, "verified", "PT Jaya & Sons");
  });
  afterAll(() => t.close());

  it("exists after the opening, for the committee, the agency's PPK and PA/KPA and auditors only", async () => {
    expectProblem(await (await member()).get(path()), 409, "CONFLICT");
    await buildOpenedTender(t, tender, [
      { vendor: alfa, price: "19000000", unitPrices: ["95000", "950000"] },
      { vendor: jaya, price: "18000000", unitPrices: ["80000", "1000000"] },
    ]);
    t.clock.set(new Date("2026-12-14T03:00:00Z"));
    const committee = await member();
    for (const [vendor, stage, finding] of [
      [alfa, "administrasi", { passed: true, reason: "Dokumen lengkap dan sah." }],
      [alfa, "teknis", { passed: true, reason: "" }],
      [alfa, "kualifikasi", { passed: true, reason: "SBU BG004 berlaku." }],
      [jaya, "administrasi", { passed: true, reason: "" }],
      [jaya, "teknis", { passed: false, reason: XSS_REASON }],
      [jaya, "kualifikasi", { passed: true, reason: "" }],
    ] as const) {
      const r = await committee.put(`/api/v1/tenders/${tender.tenderCode}/evaluation/${vendor.vendorId}/${stage}`, finding);
      expect(r.status, r.text).toBe(200);
    }

    expectProblem(await t.client().get(path()), 401, "UNAUTHENTICATED");
    expectProblem(await (await loginAs(t, alfa)).get(path()), 403, "FORBIDDEN");
    expectProblem(await (await loginAs(t, await buildUser(t, "pokja"))).get(path()), 403, "FORBIDDEN");
    expectProblem(await (await loginAs(t, await buildUser(t, "pa_kpa", { agencyId: (await buildAgency(t)).id }))).get(path()), 403, "FORBIDDEN");
    expectProblem(await committee.get(path("berita")), 400, "VALIDATION_FAILED", "params.kind");
    for (const reader of [tender.ppk, await buildUser(t, "pa_kpa", { agencyId: tender.agency.id }), await buildUser(t, "auditor")]) {
      const r = await (await loginAs(t, reader)).get(path());
      expect(r.status, r.text).toBe(200);
    }
    // The Berita Acara Hasil Pemilihan waits for the winner.
    expectProblem(await committee.get(path("hasil_pemilihan")), 409, "CONFLICT");
  });

  it("is a draft in Indonesian until issued, with every user text escaped", async () => {
    const r = await (await member()).get(path());
    expect(r.headers["content-type"]).toContain("text/html");
    expect(r.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(r.headers["x-document-sha256"]).toBeUndefined();
    const html = r.text;
    for (const text of ["Berita Acara Evaluasi Penawaran", "DRAF", "Pembangunan Gedung Serbaguna Kelurahan", tender.tenderCode, "Harga terendah sistem gugur", "Rp20.000.000,00", "Rp25.000.000,00", "Rp19.000.000,00", "WIB", "Senin, 14 Desember 2026"]) {
      expect(html).toContain(text);
    }
    expect(html).toContain("PT Jaya &amp; Sons");
    expect(html).toContain("&lt;script&gt;document.title=&quot;diretas&quot;&lt;/script&gt;&lt;img src=x onerror=&quot;document.title=&#39;diretas&#39;&quot;&gt;");
    expect(html).not.toMatch(/<script|<img/i);
  });

  it("is issued once by the committee after the evaluation, its SHA-256 logged and printed on every later view", async () => {
    expectProblem(await (await member()).post(path()), 409, "OUT_OF_STAGE");
    t.clock.set(new Date("2026-12-16T02:10:00Z")); // 09:10 WIB, Penetapan Pemenang
    expectProblem(await (await loginAs(t, tender.ppk)).post(path()), 403, "FORBIDDEN");
    const issued = await (await member(1)).post<{ sha256: string; kind: string }>(path());
    expect(issued.status, issued.text).toBe(201);
    expect(issued.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expectProblem(await (await member(2)).post(path()), 409, "CONFLICT");

    t.clock.set(new Date("2026-12-16T02:20:00Z"));
    const first = await (await member()).get(path());
    const second = await (await loginAs(t, tender.ppk)).get(path());
    expect(first.text).toBe(second.text);
    expect(first.headers["x-document-sha256"]).toBe(issued.body.sha256);
    expect(first.text).toContain(`SHA-256: <span class="hash">${issued.body.sha256}</span>`);
    expect(first.text).not.toContain("DRAF");
    // The hash covers the body of the minutes, so a printed copy is checked against the log.
    const body = /<main>\n([\s\S]*)\n<\/main>/.exec(first.text)?.[1] ?? "";
    expect(createHash("sha256").update(body, "utf8").digest("hex")).toBe(issued.body.sha256);
    const event = await t.deps.database.db.selectFrom("events").select(["payload", "visibility"]).where("type", "=", "evaluation.minutes_issued").executeTakeFirstOrThrow();
    expect(event.visibility).toBe("public");
    expect(JSON.parse(event.payload)).toEqual({ tenderCode: tender.tenderCode, kind: "evaluasi", sha256: issued.body.sha256 });
    const status = await (await member()).get<{ items: { kind: string; sha256: string }[] }>(`/api/v1/tenders/${tender.tenderCode}/minutes`);
    expect(status.body.items).toEqual([expect.objectContaining({ kind: "evaluasi", sha256: issued.body.sha256 })]);

    // An insider who edits the issued minutes in the database is caught by `openlpse verify`.
    const db = t.deps.database.db;
    expect(await verifyMinutes(db)).toEqual([]);
    await db.updateTable("evaluation_minutes").set({ content: body.replace("Gugur", "Lulus") }).where("kind", "=", "evaluasi").execute();
    expect(await verifyMinutes(db)).toEqual([expect.stringContaining(`minutes evaluasi of tender ${tender.tenderCode} differ from their event`)]);
    await db.updateTable("evaluation_minutes").set({ content: body }).where("kind", "=", "evaluasi").execute();
    expect(await verifyMinutes(db)).toEqual([]);
  });

  it("prints the Berita Acara Hasil Pemilihan to an A4 PDF naming the package, the winner and the amounts, with the markup inert", async () => {
    expect((await (await member()).post(`/api/v1/tenders/${tender.tenderCode}/winner`)).status).toBe(200);
    const issued = await (await member()).post<{ sha256: string }>(path("hasil_pemilihan"));
    expect(issued.status, issued.text).toBe(201);
    const html = (await (await member()).get(path("hasil_pemilihan"))).text;
    expect(html).toContain("Berita Acara Hasil Pemilihan");

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: "load" });
      // The reason is shown as text; nothing in it became an element or ran.
      expect(await page.title()).toBe("Berita Acara Hasil Pemilihan");
      expect(await page.locator("script, img").count()).toBe(0);
      expect(await page.getByText("<script>document.title", { exact: false }).count()).toBe(1);
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      // A4 is 595 × 842 points.
      expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
      const text = pdfText(pdf);
      expect(text).toContain("Pembangunan Gedung Serbaguna Kelurahan");
      expect(text).toContain("CV Alfa");
      expect(text).toContain("Rp19.000.000,00");
      expect(text).toContain(issued.body.sha256.slice(0, 16));
    } finally {
      await browser.close();
    }
  });
});
