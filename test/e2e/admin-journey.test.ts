import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTotpSecret, totpCode } from "../../src/modules/auth/totp.js";
import { updateUser } from "../../src/modules/users/users.repository.js";
import { createUser } from "../../src/modules/users/users.service.js";
import { launchBrowser } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";

const PASSWORD = "Madiun#Uji2026";

/** Journeys through the built web app in headless Chromium against a real server and database. */
describe("browser: admin and vendor journeys", () => {
  let s: TestServer;
  let browser: Browser;
  const admin = { email: "admin@madiun.test", secret: newTotpSecret() };
  const vendor = { email: "vendor@madiun.test" };

  beforeAll(async () => {
    s = await startTestServer();
    const { db } = s.server.runtime.deps.database;
    const now = new Date();
    const created = await createUser(db, null, { name: "Rina Wulandari", email: admin.email, role: "admin_ppe", password: PASSWORD }, now);
    await updateUser(db, created.id, { totp_secret: admin.secret, totp_enrolled_at: now.toISOString() });
    await createUser(db, null, { name: "Slamet Riyadi", email: vendor.email, role: "vendor", password: PASSWORD }, now);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  async function logIn(page: Page, email: string): Promise<void> {
    await page.goto(`${s.url}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
  }

  it("admin logs in with the second factor, creates an agency and a Pokja user, switches language, logs out", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await logIn(page, admin.email);
    await page.getByLabel("Kode autentikator").fill(totpCode(admin.secret, new Date()));
    await page.getByRole("button", { name: "Verifikasi" }).click();

    await page.getByRole("link", { name: "Instansi" }).click();
    await page.getByRole("button", { name: "Tambah instansi" }).click();
    await page.getByLabel("Kode", { exact: true }).fill("DLH");
    await page.getByLabel("Nama instansi").fill("Dinas Lingkungan Hidup");
    await page.getByLabel("Jenis").selectOption("dinas");
    await page.getByRole("button", { name: "Simpan" }).click();
    // Saved: back on the list, with the new agency linking to its page.
    await page.getByRole("link", { name: "Dinas Lingkungan Hidup" }).waitFor();

    const { db } = s.server.runtime.deps.database;
    const agency = await db.selectFrom("agencies").selectAll().where("code", "=", "DLH").executeTakeFirstOrThrow();
    expect(agency.name).toBe("Dinas Lingkungan Hidup");

    await page.getByRole("link", { name: "Pengguna" }).click();
    await page.getByRole("button", { name: "Tambah pengguna" }).click();
    await page.getByLabel("Nama lengkap").fill("Eko Prasetyo");
    await page.getByLabel("Email", { exact: true }).fill("eko.pokja@madiun.test");
    await page.getByLabel("Peran").selectOption("pokja");
    await page.getByLabel("Instansi").selectOption({ label: "Dinas Lingkungan Hidup" });
    await page.getByLabel("Kata sandi awal").fill("Pokja#Madiun2026");
    await page.getByRole("button", { name: "Simpan" }).click();
    await page.getByRole("cell", { name: "eko.pokja@madiun.test" }).waitFor();

    const pokja = await db.selectFrom("users").selectAll().where("email", "=", "eko.pokja@madiun.test").executeTakeFirstOrThrow();
    expect(pokja).toMatchObject({ role: "pokja", agency_id: agency.id, status: "active" });

    await page.getByRole("radio", { name: "EN" }).click();
    await page.getByRole("link", { name: "Agencies" }).waitFor();
    await page.getByRole("button", { name: "Log out" }).click();
    // Logged out: back on the public home page, which offers the login link again.
    await page.getByRole("link", { name: "Log in" }).first().waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    const me = await page.evaluate(async () => (await fetch("/api/v1/auth/me")).status);
    expect(me).toBe(401);
    await page.close();
  }, 120_000);

  it("a vendor logged in through the browser is refused by the admin API", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await logIn(page, vendor.email);
    await page.waitForURL(/\/app/);
    const result = await page.evaluate(async () => {
      const { token } = (await (await fetch("/api/v1/auth/csrf")).json()) as { token: string };
      const me = await fetch("/api/v1/auth/me");
      const users = await fetch("/api/v1/users");
      const create = await fetch("/api/v1/agencies", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": token },
        body: JSON.stringify({ code: "HACK", name: "Instansi Palsu", kind: "dinas" }),
      });
      return { me: me.status, users: users.status, create: create.status, code: ((await create.json()) as { code: string }).code };
    });
    expect(result).toEqual({ me: 200, users: 403, create: 403, code: "FORBIDDEN" });
    const { db } = s.server.runtime.deps.database;
    expect(await db.selectFrom("agencies").select("id").where("code", "=", "HACK").executeTakeFirst()).toBeUndefined();
    await page.close();
  }, 120_000);
});
