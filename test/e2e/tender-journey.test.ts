import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTotpSecret, totpCode } from "../../src/modules/auth/totp.js";
import { createAgency, createWorkUnit } from "../../src/modules/orgs/orgs.service.js";
import { startOfLocalDate } from "../../src/modules/settings/calendar.js";
import { getSettings, updateSettings } from "../../src/modules/settings/settings.service.js";
import { proposeSchedule } from "../../src/modules/tenders/schedule.propose.js";
import type { Role } from "../../src/modules/users/roles.js";
import { updateUser } from "../../src/modules/users/users.repository.js";
import { createUser } from "../../src/modules/users/users.service.js";
import { ManualClock } from "../../src/server/clock.js";
import { createOpeningKey } from "../../src/crypto/keys.js";
import { setOpeningKey } from "../../src/modules/bids/keys.service.js";
import { createOpeningKey as createOpeningKeyInBrowser } from "../support/bid-steps.js";
import { launchBrowser } from "../support/browser.js";
import { TEST_ITERATIONS } from "../support/sealed-bids.js";
import { buildPdf } from "../support/pdf.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { addLicence, approveInPerson, fillVendorProfile, logInAfterSignUp, openFromQueue, signUpVendor, submitForVerification } from "../support/vendor-steps.js";

const PASSWORD = "Madiun#Uji2026";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

interface Staff {
  email: string;
  name: string;
  role: Role;
  secret: string;
}

/**
 * A tender from a vendor's sign-up to clarification, through the built web app on the real server and
 * clock: a company registers and is verified, the PPK drafts a package with its HPS and attaches the KAK, the Admin Agency assigns the Pokja, a Pokja
 * member schedules and publishes it, a visitor finds the announcement, a verified vendor joins, downloads
 * the KAK, asks, and reads the answer and the addendum the Pokja issues — and finds both in its inbox.
 *
 * The clock: publication needs a schedule that starts in the future, so the tender is announced for
 * tomorrow (the proposal from tomorrow's date). Joining and asking need open stages, so the test then
 * moves the server's clock (a ManualClock, starting at the real time) into Pemberian Penjelasan; the users
 * log in again there, since their sessions have expired on the server's clock.
 */
describe("browser: tender journey", () => {
  let s: TestServer;
  const clock = new ManualClock(new Date());
  let browser: Browser;
  const pages: Page[] = [];
  const ppk: Staff = { email: "ppk.dpupr@madiun.test", name: "Yudi Hartono", role: "ppk", secret: newTotpSecret() };
  const adminAgency: Staff = { email: "admin.dpupr@madiun.test", name: "Agus Setiawan", role: "admin_agency", secret: newTotpSecret() };
  const pokja: Staff[] = [
    { email: "pokja1@madiun.test", name: "Eko Prasetyo", role: "pokja", secret: newTotpSecret() },
    { email: "pokja2@madiun.test", name: "Nur Hidayati", role: "pokja", secret: newTotpSecret() },
    { email: "pokja3@madiun.test", name: "Bambang Sutrisno", role: "pokja", secret: newTotpSecret() },
  ];
  const verifier: Staff = { email: "verifikator@madiun.test", name: "Dewi Lestari", role: "verifikator", secret: newTotpSecret() };
  const vendor = { email: "direktur@karya-manunggal.test", name: "Slamet Riyadi", company: "CV Karya Manunggal", npwp: "01.234.567.8-123.000", password: PASSWORD, vendorId: "" };
  const packageName = "Rehabilitasi Saluran Drainase Jalan Pahlawan Kota Madiun";
  const kak = { name: "KAK Rehabilitasi Saluran Drainase.pdf", mimeType: "application/pdf", buffer: buildPdf("Kerangka Acuan Kerja: rehabilitasi saluran drainase") };

  beforeAll(async () => {
    s = await startTestServer({}, clock);
    const { db } = s.server.runtime.deps.database;
    const now = new Date();
    // Documents up to 1 MB: a refusal for size then takes no large file.
    await updateSettings(db, null, { ...(await getSettings(db)), uploadLimits: { vendorDocumentMegabytes: 1, bidMegabytes: 500 } }, now);
    const dpupr = await createAgency(db, null, { code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", kind: "dinas" }, now);
    await createWorkUnit(db, null, dpupr.id, { code: "DPUPR-BM", name: "Bidang Bina Marga" }, now);
    // The Pokja sits in the UKPBJ, another agency: the assignment list is LPSE-wide.
    const ukpbj = await createAgency(db, null, { code: "SETDA-PBJ", name: "Bagian Pengadaan Barang/Jasa (UKPBJ)", kind: "sekretariat" }, now);
    // An LPSE that has been set up (it has an Admin PPE): only then does the home page invite vendors.
    await createUser(db, null, { name: "Rina Wulandari", email: "admin@madiun.test", role: "admin_ppe", password: PASSWORD }, now);
    for (const staff of [ppk, adminAgency, ...pokja, verifier]) {
      const agencyId = staff.role === "pokja" ? ukpbj.id : staff.role === "verifikator" ? undefined : dpupr.id;
      const created = await createUser(db, null, { name: staff.name, email: staff.email, role: staff.role, agencyId, password: PASSWORD }, now);
      await updateUser(db, created.id, { totp_secret: staff.secret, totp_enrolled_at: now.toISOString() });
      // Two of the three Pokja members made their opening keys earlier; the first makes one in the journey.
      if (staff === pokja[1] || staff === pokja[2]) {
        const actor = { id: created.id, name: staff.name, email: staff.email, role: staff.role, agencyId: agencyId ?? null, vendorId: null, sessionId: "" };
        await setOpeningKey(db, actor, await createOpeningKey(`frasa sandi ${staff.email}`, TEST_ITERATIONS), now);
      }
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await browser?.close();
    await s?.close();
  });

  /** A fresh browser context; each user logs in once, so no TOTP code is ever replayed. */
  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    pages.push(page);
    return page;
  }

  async function logIn(user: { email: string; secret?: string }): Promise<Page> {
    const page = await newPage();
    await page.goto(`${s.url}/login`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    if (user.secret) {
      await page.getByLabel("Kode autentikator").fill(totpCode(user.secret, clock.now()));
      await page.getByRole("button", { name: "Verifikasi" }).click();
    }
    await page.waitForURL(/\/app$/);
    return page;
  }

  async function openPackage(page: Page): Promise<void> {
    await page.getByRole("link", { name: "Paket", exact: true }).click();
    await page.getByRole("link", { name: packageName }).click();
    await page.getByRole("heading", { level: 1, name: packageName }).waitFor();
  }

  it("drafts, assigns, schedules, publishes, and runs the clarification with a vendor", async () => {
    const { db } = s.server.runtime.deps.database;
    const settings = await getSettings(db);
    const holidays = new Set((await db.selectFrom("holidays").select("date").execute()).map((h) => h.date));

    // 0. A company signs up, confirms its email, completes its data and asks for verification; the
    //    Verifikator approves it after checking the originals in person.
    const signUp = await newPage();
    await signUpVendor(signUp, s.url, db, vendor);
    await logInAfterSignUp(signUp, vendor);
    await fillVendorProfile(signUp, { nib: "9120009876543", street: "Jl. Cokroaminoto No. 40", city: "Kota Madiun", province: "Jawa Timur", postalCode: "63122", phone: "0351 451234", contactEmail: "kantor@karya-manunggal.test", website: "karya-manunggal.test" });
    await addLicence(signUp, { kind: "SBU", number: "SBU-BS001-0457/2025", issuer: "LPJK", kbli: "42101", validFrom: "2025-02-03", validUntil: "2028-02-02" });
    await submitForVerification(signUp);
    const registered = await db.selectFrom("vendors").select(["id", "status"]).where("npwp", "=", "012345678123000").executeTakeFirstOrThrow();
    expect(registered.status).toBe("submitted");
    vendor.vendorId = registered.id;
    const verification = await logIn(verifier);
    await openFromQueue(verification, vendor.company, vendor.vendorId);
    await approveInPerson(verification, "NPWP, NIB, akta dan SBU asli diperiksa di kantor LPSE.");
    expect((await db.selectFrom("vendors").select("status").where("id", "=", vendor.vendorId).executeTakeFirstOrThrow()).status).toBe("verified");

    // 1. The PPK drafts the package with two HPS lines; amounts are computed exactly as they are typed.
    const desk = await logIn(ppk);
    await desk.getByRole("link", { name: "Paket", exact: true }).click();
    await desk.getByRole("button", { name: "Buat paket" }).click();
    await desk.getByLabel("Nama paket").fill(packageName);
    await desk.getByLabel("Kode RUP").fill("41230077");
    await desk.getByLabel("Tahun anggaran").fill("2027");
    await desk.getByLabel("Satuan kerja").selectOption({ label: "DPUPR-BM — Bidang Bina Marga" });
    await desk.getByLabel("Sumber dana").selectOption("APBD");
    await desk.getByLabel("Pagu", { exact: true }).fill("750000000");
    await desk.getByLabel("Kategori").selectOption("pekerjaan_konstruksi");
    await desk.getByLabel("Metode pemilihan").selectOption("tender");
    await desk.getByLabel("Metode evaluasi").selectOption("gugur_harga_terendah");
    await desk.getByLabel("Kualifikasi", { exact: true }).selectOption("pasca");
    await desk.getByLabel("Jenis kontrak").selectOption("harga_satuan");
    await desk.getByLabel("Kode KBLI").fill("42101");
    await desk.getByLabel("Persyaratan kualifikasi").fill("SBU BS001 kualifikasi kecil; satu pengalaman pekerjaan sejenis dalam empat tahun terakhir.");
    const line1 = desk.getByRole("group", { name: "Baris 1", exact: true });
    await line1.getByLabel("Uraian").fill("Galian tanah saluran");
    await line1.getByLabel("Satuan", { exact: true }).fill("m3");
    await line1.getByLabel("Volume").fill("1250,5");
    await line1.getByLabel("Harga satuan").fill("85000,50");
    const line2 = desk.getByRole("group", { name: "Baris 2", exact: true });
    await line2.getByLabel("Uraian").fill("Pasangan batu kali");
    await line2.getByLabel("Satuan", { exact: true }).fill("m3");
    await line2.getByLabel("Volume").fill("420");
    await line2.getByLabel("Harga satuan").fill("612500");
    // 1250,5 × Rp85.000,50 = Rp106.293.125,25; plus 420 × Rp612.500 = Rp257.250.000.
    await line1.getByTestId("line-total").filter({ hasText: "Rp106.293.125,25" }).waitFor();
    await line2.getByTestId("line-total").filter({ hasText: "Rp257.250.000" }).waitFor();
    await desk.getByTestId("hps-total").filter({ hasText: "Rp363.543.125,25" }).waitFor();
    await desk.getByRole("button", { name: "Simpan paket" }).click();
    await desk.waitForURL(/\/app\/paket\/[0-9a-f-]{36}$/);
    await desk.getByRole("heading", { level: 1, name: packageName }).waitFor();
    await desk.getByTestId("package-hps").filter({ hasText: "Rp363.543.125,25" }).waitFor();

    const pkg = await db.selectFrom("packages").selectAll().where("rup_code", "=", "41230077").executeTakeFirstOrThrow();
    expect(pkg).toMatchObject({ name: packageName, status: "draft", fiscal_year: 2027, category: "pekerjaan_konstruksi", method: "tender", contract_type: "harga_satuan", tender_code: null });
    expect(BigInt(pkg.pagu_sen)).toBe(75_000_000_000n);
    expect(BigInt(pkg.hps_sen)).toBe(36_354_312_525n);
    const items = await db.selectFrom("package_hps_items").selectAll().where("package_id", "=", pkg.id).orderBy("position").execute();
    expect(items.map((i) => [i.description, i.unit, Number(i.quantity_milli), Number(i.unit_price_sen), Number(i.total_sen)])).toEqual([
      ["Galian tanah saluran", "m3", 1_250_500, 8_500_050, 10_629_312_525],
      ["Pasangan batu kali", "m3", 420_000, 61_250_000, 25_725_000_000],
    ]);

    // The PPK attaches the KAK (the name follows the file); a text file named .pdf is refused for its
    // content, a drawing over the LPSE's limit for its size.
    const packageDocuments = desk.getByTestId("package-documents");
    await packageDocuments.getByLabel("Jenis dokumen").selectOption("kak");
    await packageDocuments.getByLabel("Berkas", { exact: true }).setInputFiles(kak);
    expect(await packageDocuments.getByLabel("Nama dokumen").inputValue()).toBe(kak.name);
    await packageDocuments.getByRole("button", { name: "Unggah" }).click();
    await desk.getByText(`Dokumen ${kak.name} diunggah.`).waitFor();
    const packageFiles = packageDocuments.getByRole("table", { name: "Dokumen paket" });
    await packageFiles.getByRole("cell", { name: kak.name, exact: true }).waitFor();
    await packageFiles.getByRole("link", { name: `Unduh ${kak.name}` }).waitFor();
    await packageDocuments.getByLabel("Jenis dokumen").selectOption("spesifikasi");
    await packageDocuments.getByLabel("Berkas", { exact: true }).setInputFiles({ name: "Spesifikasi teknis.pdf", mimeType: "application/pdf", buffer: Buffer.from("Spesifikasi: beton K-250.\n") });
    await packageDocuments.getByRole("button", { name: "Unggah" }).click();
    await packageDocuments.getByText("Isi berkas bukan PDF, PNG atau JPEG (terdeteksi: tidak dikenal)").waitFor();
    await packageDocuments.getByLabel("Jenis dokumen").selectOption("gambar");
    await packageDocuments.getByLabel("Berkas", { exact: true }).setInputFiles({ name: "Gambar kerja.pdf", mimeType: "application/pdf", buffer: Buffer.concat([buildPdf("Gambar kerja"), Buffer.alloc(1_500_000, 0x20)]) });
    await packageDocuments.getByRole("button", { name: "Unggah" }).click();
    await packageDocuments.getByText("Berkas melebihi batas 1 MB").waitFor();
    const packageDocumentRows = await db.selectFrom("package_documents").selectAll().where("package_id", "=", pkg.id).execute();
    expect(packageDocumentRows).toEqual([
      expect.objectContaining({ kind: "kak", original_name: kak.name, content_type: "application/pdf", size: kak.buffer.length, sha256: sha256(kak.buffer) }),
    ]);

    // 2. The Admin Agency assigns a Pokja of three under a decree.
    const admin = await logIn(adminAgency);
    await openPackage(admin);
    await admin.getByLabel("Jenis penugasan").selectOption("pokja");
    for (const member of pokja) await admin.getByRole("checkbox", { name: member.name }).check();
    await admin.getByLabel("Nomor SK").fill("027/77/401.112/2026");
    await admin.getByRole("button", { name: "Simpan penugasan" }).click();
    await admin.getByText("Penugasan disimpan.").waitFor();
    await admin.getByTestId("committee-members").getByText("Bambang Sutrisno").waitFor();
    const assignment = await db.selectFrom("package_assignments").selectAll().where("package_id", "=", pkg.id).executeTakeFirstOrThrow();
    expect(assignment).toMatchObject({ kind: "pokja", decree_number: "027/77/401.112/2026" });
    const members = await db.selectFrom("package_committee_members").innerJoin("users", "users.id", "package_committee_members.user_id").select("users.email").where("package_id", "=", pkg.id).execute();
    expect(members.map((m) => m.email).sort()).toEqual(pokja.map((p) => p.email).sort());

    // 3. A Pokja member takes the proposal (from tomorrow, the default start date), saves it and publishes.
    const committee = await logIn(pokja[0] as Staff);
    await openPackage(committee);
    const proposalStart = await committee.getByLabel("Tanggal mulai").inputValue();
    await committee.getByRole("button", { name: "Usulkan jadwal" }).click();
    await committee.getByText("Usulan jadwal dimuat").waitFor();
    expect(await committee.getByRole("group", { name: "Pengumuman", exact: true }).getByLabel("Mulai").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T08:00$/);
    await committee.getByRole("button", { name: "Simpan jadwal" }).click();
    await committee.getByText("Jadwal disimpan.").waitFor();
    const expected = proposeSchedule(startOfLocalDate(proposalStart, settings.timeZone), settings, holidays);
    const saved = await db.selectFrom("package_schedules").selectAll().where("package_id", "=", pkg.id).orderBy("position").execute();
    expect(saved.map((w) => [w.stage, new Date(w.starts_at).toISOString(), new Date(w.ends_at).toISOString()])).toEqual(
      expected.map((w) => [w.stage, w.startsAt.toISOString(), w.endsAt.toISOString()]),
    );

    // The tender key is made at publication: it waits for the member's own opening key.
    const holders = committee.getByRole("table", { name: "Kesiapan anggota" });
    await holders.getByRole("row", { name: /Eko Prasetyo \(Anda\)/ }).getByText("Belum dibuat").waitFor();
    await committee.getByText("Tender dapat diumumkan setelah semua pemegang bagian kunci membuat kunci pembukaan.").waitFor();
    expect(await committee.getByRole("button", { name: "Umumkan tender" }).isDisabled()).toBe(true);
    await createOpeningKeyInBrowser(committee, "frasa sandi pembukaan Eko Prasetyo");
    await openPackage(committee);
    await holders.getByRole("row", { name: /Eko Prasetyo/ }).getByText("Siap").waitFor();
    await committee.getByText("Penawaran akan dapat dibuka oleh 2 dari 3 anggota.").waitFor();

    await committee.getByRole("button", { name: "Umumkan tender" }).click();
    await committee.getByRole("dialog").getByRole("button", { name: "Ya, lanjutkan" }).click();
    await committee.getByRole("link", { name: "Lihat pengumuman" }).waitFor();
    const published = await db.selectFrom("packages").selectAll().where("id", "=", pkg.id).executeTakeFirstOrThrow();
    expect(published.status).toBe("published");
    const tenderCode = published.tender_code ?? "";
    expect(tenderCode).toMatch(/^2027\d{5}$/);
    // Published with its key, split 2 of 3 in the member's browser: one sealed share per member, no private key.
    const tenderKey = await db.selectFrom("tender_keys").selectAll().where("package_id", "=", pkg.id).executeTakeFirstOrThrow();
    expect(tenderKey.threshold).toBe(2);
    expect(await db.selectFrom("tender_key_shares").select("user_id").where("package_id", "=", pkg.id).execute()).toHaveLength(3);

    // 4. A visitor finds the tender by searching on the home page and opens the announcement.
    const visitor = await newPage();
    await visitor.goto(s.url);
    await visitor.getByLabel("Cari paket").fill("drainase pahlawan");
    await visitor.getByRole("button", { name: "Cari", exact: true }).click();
    await visitor.getByTestId("search-total").filter({ hasText: "Paket ditemukan: 1" }).waitFor();
    // The Atom feed the home page links to carries the announcement.
    const feedHref = await visitor.getByRole("link", { name: "Umpan Atom" }).getAttribute("href");
    const feed = await visitor.request.get(`${s.url}${feedHref ?? ""}`);
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    expect(await feed.text()).toContain(packageName);
    await visitor.getByRole("link", { name: packageName }).click();
    await visitor.waitForURL(new RegExp(`/tender/${tenderCode}$`));
    await visitor.getByRole("heading", { level: 1, name: packageName }).waitFor();
    await visitor.getByTestId("announcement-hps").filter({ hasText: "Rp363.543.125,25" }).waitFor();
    await visitor.getByTestId("current-stage").filter({ hasText: "Belum dimulai" }).waitFor();
    await visitor.getByTestId("tender-schedule").getByRole("rowheader", { name: "Pemberian Penjelasan" }).waitFor();

    // 5. The vendor tries to join before the announcement stage: the server's message names the stages and dates.
    const early = await logIn({ email: vendor.email });
    await early.goto(`${s.url}/tender/${tenderCode}`);
    await early.getByRole("button", { name: "Ikut tender" }).click();
    const refused = early.getByRole("alert").filter({ hasText: "Mendaftar sebagai peserta hanya pada tahap Pengumuman (" });
    await refused.waitFor();
    await refused.getByText("Tahap sekarang: belum dimulai.").waitFor();
    expect(await db.selectFrom("tender_participants").selectAll().where("package_id", "=", pkg.id).execute()).toEqual([]);

    // 6. The Pokja member extends Pemberian Penjelasan by one working day, with a reason (a stage still to come may move).
    const clarificationBefore = await db.selectFrom("package_schedules").selectAll().where("package_id", "=", pkg.id).where("stage", "=", "penjelasan").executeTakeFirstOrThrow();
    await committee.getByRole("button", { name: "Ubah jadwal" }).click();
    await committee.getByLabel("Alasan perubahan").selectOption("document_change");
    await committee.getByLabel("Keterangan").fill("Pemberian penjelasan diperpanjang sesuai berita acara rapat Pokja nomor 05/BA/2026.");
    await committee.getByRole("button", { name: "Simpan jadwal" }).click();
    // The editor's button is there before and after saving: wait for the saved change itself.
    // (The server's clock stands still until the test moves it, so both versions carry the same time.)
    const reasonedChanges = () => db.selectFrom("schedule_changes").selectAll().where("package_id", "=", pkg.id).where("reason_kind", "=", "document_change").execute();
    await expect.poll(async () => (await reasonedChanges()).length, { timeout: 15_000 }).toBe(1);
    expect((await reasonedChanges())[0]?.reason_text).toBe("Pemberian penjelasan diperpanjang sesuai berita acara rapat Pokja nomor 05/BA/2026.");
    await committee.getByRole("button", { name: "Ubah jadwal" }).waitFor();

    // The server's clock moves into Pemberian Penjelasan; everyone logs in again there.
    const clarification = await db.selectFrom("package_schedules").selectAll().where("package_id", "=", pkg.id).where("stage", "=", "penjelasan").executeTakeFirstOrThrow();
    expect(clarification.starts_at).toBe(clarificationBefore.starts_at);
    clock.set(new Date(Date.parse(clarification.starts_at) + 30 * 60_000));
    const company = await logIn({ email: vendor.email });
    await company.goto(`${s.url}/tender/${tenderCode}`);

    // The public sees the current stage and the change with its reason.
    await visitor.reload();
    await visitor.getByTestId("current-stage").filter({ hasText: "Pemberian Penjelasan" }).waitFor();
    await visitor.getByTestId("schedule-changes").getByText("Perubahan dokumen pemilihan").waitFor();
    await visitor.getByTestId("schedule-changes").getByText("sesuai berita acara rapat Pokja").waitFor();

    // 7. Now the vendor joins and asks during Pemberian Penjelasan.
    await company.reload();
    await company.getByRole("button", { name: "Ikut tender" }).click();
    await company.getByTestId("participant-status").filter({ hasText: "Anda terdaftar sebagai peserta tender ini." }).waitFor();
    await company.getByTestId("participants").getByRole("cell", { name: vendor.company, exact: true }).waitFor();
    const participant = await db.selectFrom("tender_participants").selectAll().where("package_id", "=", pkg.id).executeTakeFirstOrThrow();
    expect(participant.vendor_id).toBe(vendor.vendorId);

    // As a participant the vendor finds the KAK among the tender's files and downloads the bytes the PPK uploaded.
    const tenderFiles = company.getByTestId("documents").getByRole("table", { name: "Berkas dokumen pemilihan" });
    await tenderFiles.getByRole("cell", { name: "Kerangka Acuan Kerja (KAK)", exact: true }).waitFor();
    await tenderFiles.getByRole("cell", { name: kak.name, exact: true }).waitFor();
    const [download] = await Promise.all([company.waitForEvent("download"), tenderFiles.getByRole("link", { name: `Unduh ${kak.name}` }).click()]);
    expect(download.suggestedFilename()).toBe("KAK_Rehabilitasi_Saluran_Drainase.pdf");
    expect(sha256(await readFile(await download.path()))).toBe(sha256(kak.buffer));

    const question = "Apakah pasangan batu kali boleh diganti beton pracetak dengan mutu yang setara?";
    await company.getByLabel("Pertanyaan", { exact: true }).fill(question);
    await company.getByRole("button", { name: "Kirim pertanyaan" }).click();
    const own = company.getByRole("listitem").filter({ hasText: question });
    await own.getByText("Pertanyaan Anda").waitFor();
    const asked = await db.selectFrom("tender_questions").selectAll().where("package_id", "=", pkg.id).executeTakeFirstOrThrow();
    expect(asked).toMatchObject({ vendor_id: vendor.vendorId, question, answer: null });

    // 8. The Pokja member answers on the announcement page and issues an addendum.
    const answer = "Boleh, dengan mutu minimal K-250 dan gambar kerja yang disetujui PPK; lihat Adendum 1.";
    const addendum = { title: "Perubahan spesifikasi pasangan saluran", content: "Pasangan batu kali pada Bab IV dapat diganti saluran beton pracetak mutu K-250 atau lebih." };
    const pokjaLater = await logIn(pokja[0] as Staff);
    await pokjaLater.goto(`${s.url}/tender/${tenderCode}`);
    const open = pokjaLater.getByRole("listitem").filter({ hasText: question });
    await open.getByLabel("Jawaban", { exact: true }).fill(answer);
    await open.getByRole("button", { name: "Kirim jawaban" }).click();
    await open.getByTestId("answer").getByText(answer).waitFor();
    await pokjaLater.getByLabel("Judul adendum").fill(addendum.title);
    await pokjaLater.getByLabel("Isi adendum").fill(addendum.content);
    await pokjaLater.getByRole("button", { name: "Terbitkan adendum" }).click();
    await pokjaLater.getByTestId("documents").getByRole("heading", { name: addendum.title }).waitFor();
    const answered = await db.selectFrom("tender_questions").selectAll().where("id", "=", asked.id).executeTakeFirstOrThrow();
    expect(answered.answer).toBe(answer);
    expect(answered.answered_at).not.toBeNull();
    // Version 0 is the tender document as published (the KAK by its hash); the addendum is version 1.
    const documents = await db.selectFrom("tender_documents").selectAll().where("package_id", "=", pkg.id).orderBy("version").execute();
    expect(documents).toHaveLength(2);
    expect(documents[0]).toMatchObject({ kind: "dokumen_pemilihan", version: 0 });
    expect(documents[0]?.content).toContain(`SHA-256 ${sha256(kak.buffer)}`);
    expect(documents[1]).toMatchObject({ kind: "adendum", version: 1, title: addendum.title, content: addendum.content });

    // The public sees the question and the answer, not who asked.
    await visitor.reload();
    const publicQuestion = visitor.getByRole("listitem").filter({ hasText: question });
    await publicQuestion.getByText(answer).waitFor();
    expect(await publicQuestion.getByText("Pertanyaan Anda").count()).toBe(0);
    expect(await visitor.getByTestId("questions").getByText(vendor.company).count()).toBe(0);

    // 9. The vendor reads both on the announcement page, and finds both notifications in the inbox.
    await company.reload();
    await company.getByRole("listitem").filter({ hasText: question }).getByTestId("answer").getByText(answer).waitFor();
    await company.getByTestId("documents").getByRole("heading", { name: addendum.title }).waitFor();
    await company.getByTestId("documents").getByText(addendum.content).waitFor();
    // Three unread: the approval of the registration, the answer and the addendum.
    await company.getByRole("link", { name: "Kotak masuk, 3 belum dibaca" }).click();
    await company.waitForURL(/\/app\/notifikasi$/);
    await company.getByRole("heading", { name: `Pertanyaan Anda dijawab — ${packageName}` }).waitFor();
    await company.getByRole("heading", { name: `Adendum 1 — ${packageName}` }).waitFor();
    const vendorUser = await db.selectFrom("users").select("id").where("email", "=", vendor.email).executeTakeFirstOrThrow();
    const inbox = await db.selectFrom("notifications").select(["kind", "link"]).where("user_id", "=", vendorUser.id).orderBy("kind").execute();
    expect(inbox).toEqual([
      { kind: "tender.addendum", link: `/tender/${tenderCode}` },
      { kind: "tender.question_answered", link: `/tender/${tenderCode}` },
      { kind: "vendor.verified", link: "/app/penyedia" },
    ]);
    // The inbox links back to the announcement.
    await company.getByRole("link", { name: `Buka: Adendum 1 — ${packageName}` }).click();
    await company.waitForURL(new RegExp(`/tender/${tenderCode}$`));
  }, 240_000);
});
