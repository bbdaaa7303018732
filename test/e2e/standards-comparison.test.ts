import { generateKeyPairSync } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../../src/modules/auth/session.hook.js";
import { newTotpSecret } from "../../src/modules/auth/totp.js";
import { getSettings, updateSettings } from "../../src/modules/settings/settings.service.js";
import { CATALOG_V1 } from "../../src/modules/standards/catalog/v1.js";
import { importSummary } from "../../src/modules/standards/peers.service.js";
import { SUMMARY_FORMAT, signSummary } from "../../src/modules/standards/peers.summary.js";
import { appointTeam, assessCriterion, openCycle, raiseFinding, signOff } from "../../src/modules/standards/standards.service.js";
import { publishTemplate } from "../../src/modules/standards/templates.service.js";
import { findUserById, updateUser } from "../../src/modules/users/users.repository.js";
import { createUser } from "../../src/modules/users/users.service.js";
import { launchBrowser } from "../support/browser.js";
import { logIn } from "../support/bid-steps.js";
import { buildPdf } from "../support/pdf.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { Readable } from "node:stream";

const PASSWORD = "Ngawi#Uji2026";
/** Ngawi's gaps: 6 standards, so 11 of 17 met. */
const GAPS = new Set(["S04", "S08", "S11", "S12", "S14", "S17"]);
const NETWORK = "11. Pengelolaan Keamanan Server dan Jaringan";

/**
 * Ngawi learns from Madiun: its head opens "Perbandingan LPSE" and sees 11/17 next to Madiun's 17/17 per
 * standard, copies Madiun's vulnerability-scan SOP into the open cycle, publishes a form of its own, and records the study visit to
 * Madiun with a follow-up linked to the open finding on network security.
 */
describe("browser: comparison between LPSEs", () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page | undefined;
  const head = { id: "", name: "Drs. Bambang Wijaya", email: "kepala@ngawi.test", password: PASSWORD, totpSecret: newTotpSecret() as string | null };
  let openCycleId = "";
  let findingId = "";

  beforeAll(async () => {
    s = await startTestServer();
    const deps = s.server.runtime.deps;
    const { db } = deps.database;
    const now = new Date();
    await updateSettings(db, null, { ...(await getSettings(db)), name: "LPSE Kabupaten Ngawi", region: "Kabupaten Ngawi, Jawa Timur" }, now);
    const created = await createUser(db, null, { name: head.name, email: head.email, role: "kepala_lpse", password: PASSWORD }, now);
    await updateUser(db, created.id, { totp_secret: head.totpSecret, totp_enrolled_at: now.toISOString() });
    head.id = created.id;
    const kepala = actorOf((await findUserById(db, created.id)) ?? (undefined as never), "");

    // Ngawi's signed-off 2025 cycle (11 of 17), and the open 2026 cycle with a finding on network security.
    const signed = await openCycle(db, kepala, { period: "2025" }, now);
    await appointTeam(db, kepala, signed, [kepala.id], now);
    const firstOfGap = new Set(CATALOG_V1.standards.filter((x) => GAPS.has(x.code)).map((x) => x.criteria[0]?.code));
    for (const code of CATALOG_V1.standards.flatMap((x) => x.criteria.map((k) => k.code))) {
      await assessCriterion(db, kepala, signed, code, firstOfGap.has(code) ? { status: "not_met", notes: "Belum ada bukti." } : { status: "met", notes: "Sesuai." }, now);
    }
    await signOff(db, kepala, signed, "Disahkan.", now);
    openCycleId = await openCycle(db, kepala, { period: "2026" }, now);
    await appointTeam(db, kepala, openCycleId, [kepala.id], now);
    findingId = await raiseFinding(db, kepala, openCycleId, { standardCode: "S11", criterionCode: "S11.2", description: "Pemindaian kerentanan server belum pernah dijalankan.", action: "Jalankan pemindaian bulanan.", priority: "high", ownerId: kepala.id, dueDate: "2027-03-31" }, now);

    // Madiun's signed summary (its own installation's key) and the SOP it published.
    const madiun = await importSummary(db, kepala, signSummary({
      format: SUMMARY_FORMAT, lpse: { name: "LPSE Kota Madiun", region: "Kota Madiun, Jawa Timur" }, period: "2025", catalogVersion: 1, signedOffAt: now.toISOString(), metCount: 17, standardCount: 17,
      standards: CATALOG_V1.standards.map((x) => ({ code: x.code, met: true, lkpp: null })),
    }, generateKeyPairSync("ed25519").privateKey), now);
    const bytes = buildPdf("SOP Pemindaian Kerentanan");
    const stored = await deps.fileStore.put(Readable.from([bytes]), bytes.length);
    await publishTemplate(db, kepala, { peerId: madiun, title: "SOP Pemindaian Kerentanan Bulanan", criterionCode: "S11.2", description: "SOP Madiun.", file: { name: "SOP.pdf", contentType: "application/pdf", size: stored.size, sha256: stored.sha256 } }, now);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await page?.close().catch(() => undefined);
    await browser?.close();
    await s?.close();
  });

  it("compares per standard, copies a Madiun template, publishes its own and records a study visit linked to a finding", async () => {
    const { db } = s.server.runtime.deps.database;
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await logIn(page, s.url, head, new Date());

    // 1. The comparison: 11/17 next to 17/17, standard by standard. A pasted summary changed after signing is
    // refused naming the signature; the genuine one is imported.
    await page.getByRole("link", { name: "Standar LPSE", exact: true }).click();
    // Ngawi's own signed-off cycle is offered as a signed summary for other LPSEs.
    const exported = await page.getByRole("link", { name: "Unduh ringkasan bertanda tangan 2025 (untuk LPSE lain)" }).getAttribute("href");
    const own = await page.evaluate(async (href) => (await fetch(href ?? "")).json(), exported) as { summary: { metCount: number; lpse: { name: string } } };
    expect(own.summary).toMatchObject({ metCount: 11, lpse: { name: "LPSE Kabupaten Ngawi" } });
    await page.getByRole("link", { name: "Perbandingan LPSE" }).click();
    const magetan = signSummary({
      format: SUMMARY_FORMAT, lpse: { name: "LPSE Kabupaten Magetan", region: "Kabupaten Magetan, Jawa Timur" }, period: "2025", catalogVersion: 1, signedOffAt: new Date().toISOString(), metCount: 14, standardCount: 17,
      standards: CATALOG_V1.standards.map((x, i) => ({ code: x.code, met: i < 14, lkpp: null })),
    }, generateKeyPairSync("ed25519").privateKey);
    const importForm = page.getByRole("form", { name: "Impor ringkasan LPSE mitra" });
    const summaryField = importForm.getByLabel("Ringkasan penilaian bertanda tangan (JSON)");
    await summaryField.fill(JSON.stringify({ ...magetan, summary: { ...magetan.summary, metCount: 15, standards: magetan.summary.standards.map((x, i) => ({ ...x, met: i < 15 })) } }));
    await importForm.getByRole("button", { name: "Impor" }).click();
    await importForm.getByRole("alert").getByText(/body\.signature/).waitFor();
    await summaryField.fill(JSON.stringify(magetan));
    await importForm.getByRole("button", { name: "Impor" }).click();
    const table = page.getByRole("table", { name: "Perbandingan LPSE" });
    await table.getByRole("columnheader", { name: /LPSE Kabupaten Ngawi\s*11\/17/ }).waitFor();
    await table.getByRole("columnheader", { name: /LPSE Kota Madiun\s*17\/17/ }).waitFor();
    await table.getByRole("columnheader", { name: /LPSE Kabupaten Magetan\s*14\/17/ }).waitFor();
    const network = table.getByRole("row", { name: new RegExp(`^${NETWORK}`) });
    expect(await network.getByRole("cell").allInnerTexts()).toEqual(["Belum terpenuhi", "Terpenuhi", "Terpenuhi"]);

    // 2. The template library: Madiun's SOP copied into the open 2026 cycle as evidence for S11.2.
    await page.getByRole("link", { name: "Pustaka Templat" }).click();
    const sop = page.getByRole("listitem", { name: "SOP Pemindaian Kerentanan Bulanan" });
    await sop.getByText("Diterbitkan oleh LPSE Kota Madiun").waitFor();
    await sop.getByRole("button", { name: "Salin ke siklus 2026" }).click();
    await sop.getByRole("button", { name: "Sudah disalin" }).waitFor();
    const evidence = await db.selectFrom("criterion_evidence").select(["criterion_code", "title"]).where("cycle_id", "=", openCycleId).execute();
    expect(evidence).toEqual([{ criterion_code: "S11.2", title: "Templat LPSE Kota Madiun: SOP Pemindaian Kerentanan Bulanan" }]);

    // Ngawi publishes a form of its own for others to copy.
    const publish = page.getByRole("form", { name: "Terbitkan templat" });
    await publish.getByLabel("Judul templat").fill("Formulir Permohonan Akses Server");
    await publish.getByLabel("Kode kriteria").fill("S10.1");
    await publish.getByLabel("Berkas templat (PDF atau gambar)").setInputFiles({ name: "Formulir akses.pdf", mimeType: "application/pdf", buffer: buildPdf("Formulir akses") });
    await publish.getByRole("button", { name: "Terbitkan" }).click();
    await page.getByRole("listitem", { name: "Formulir Permohonan Akses Server" }).getByText("Diterbitkan oleh LPSE Kabupaten Ngawi").waitFor();

    // 3. The study visit to Madiun, whose follow-up is linked to the finding on network security.
    await page.getByRole("link", { name: "Kunjungan Studi" }).click();
    const form = page.getByRole("form", { name: "Catat kunjungan studi" });
    await form.getByLabel("LPSE mitra").selectOption({ label: "LPSE Kota Madiun" });
    await form.getByLabel("Tanggal kunjungan").fill("2027-01-20");
    await form.getByLabel("Peserta").fill("Kepala LPSE dan tim penilai internal");
    await form.getByRole("checkbox", { name: NETWORK }).check();
    await form.getByLabel("Tindak lanjut").fill("Terapkan pemindaian bulanan seperti Madiun");
    await form.getByLabel("Terkait temuan").selectOption({ label: "#1 S11: Pemindaian kerentanan server belum pernah dijalankan." });
    await form.getByRole("button", { name: "Simpan kunjungan" }).click();
    const visits = page.getByRole("list", { name: "Daftar kunjungan studi" });
    await visits.getByText("Kunjungan ke LPSE Kota Madiun").waitFor();
    await visits.getByText("Terapkan pemindaian bulanan seperti Madiun — temuan #1 (S11, terbuka)").waitFor();
    const actions = await db.selectFrom("study_visit_actions").select(["description", "finding_id"]).execute();
    expect(actions).toEqual([{ description: "Terapkan pemindaian bulanan seperti Madiun", finding_id: findingId }]);
  });
});
