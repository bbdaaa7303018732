import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup } from "../../src/modules/backups/backup.service.js";
import { runDrill } from "../../src/modules/backups/drill.service.js";
import { newTotpSecret, totpCode } from "../../src/modules/auth/totp.js";
import { getSettings } from "../../src/modules/settings/settings.service.js";
import { updateUser } from "../../src/modules/users/users.repository.js";
import { createUser } from "../../src/modules/users/users.service.js";
import { launchBrowser } from "../support/browser.js";
import { tempDir } from "../support/database.js";
import { startTestServer, type TestServer } from "../support/server.js";

const PASSWORD = "Madiun#Uji2026";

/** The Admin PPE sets the backup schedule and reads the restore drills in the built web app. */
describe("browser: backup schedule and restore drills", () => {
  let s: TestServer;
  let browser: Browser;
  const backupDir = tempDir("openlpse-backups-");
  const admin = { email: "admin.ops@madiun.test", secret: newTotpSecret() };

  beforeAll(async () => {
    s = await startTestServer({ BACKUP_DIR: backupDir });
    const { deps } = s.server.runtime;
    const now = new Date();
    const created = await createUser(deps.database.db, null, { name: "Rina Wulandari", email: admin.email, role: "admin_ppe", password: PASSWORD }, now);
    await updateUser(deps.database.db, created.id, { totp_secret: admin.secret, totp_enrolled_at: now.toISOString() });
    await createBackup(deps.config, { outRoot: backupDir, now });
    const drill = await runDrill(deps);
    expect(drill.row.ok, drill.lines.join("\n")).toBe(1);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
    fs.rmSync(backupDir, { recursive: true, force: true });
  });

  it("shows the drills and saves the schedule", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${s.url}/login`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByLabel("Kode autentikator").fill(totpCode(admin.secret, new Date()));
    await page.getByRole("button", { name: "Verifikasi" }).click();

    await page.getByRole("link", { name: "Uji Pemulihan" }).click();
    await page.getByRole("heading", { name: "Uji Pemulihan Cadangan" }).waitFor();
    await page.getByText("Berhasil").waitFor();
    await page.getByText(/^openlpse-backup-/).waitFor();

    await page.getByRole("link", { name: "Pengaturan" }).click();
    await page.getByLabel("Selang cadangan (jam, 0 = mati)").fill("24");
    await page.getByLabel("Jumlah cadangan yang disimpan").fill("10");
    // The request limits are settings too: tightened here, applied by the server at the next request.
    await page.getByLabel("Pencarian tender publik (per menit)").fill("120");
    await page.getByLabel("Masuk dan atur ulang kata sandi (per menit)").fill("6");
    await page.getByRole("button", { name: "Simpan" }).first().click();
    await page.getByText("Pengaturan disimpan.").waitFor();
    const saved = await getSettings(s.server.runtime.deps.database.db);
    expect(saved.backups).toEqual({ intervalHours: 24, keep: 10 });
    expect(saved.security.rateLimits).toEqual({ login: 6, registration: 5, bidUpload: 30, publicSearch: 120 });
    await page.close();
  }, 120_000);
});
