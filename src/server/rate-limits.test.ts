import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { buildUser, buildVendor, loginAs } from "../../test/support/factories.js";
import type { Client } from "../../test/support/client.js";
import { expectProblem } from "../../test/support/problems.js";
import type { RateLimitSettings } from "../modules/settings/settings.schemas.js";
import { DEFAULT_RATE_LIMITS } from "../modules/settings/settings.schemas.js";

describe("rate limits as settings", () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, await buildUser(t, "admin_ppe"));
  });
  afterAll(() => t.close());

  /** Change the limits the way an administrator does: through the settings API. */
  async function setLimits(limits: Partial<RateLimitSettings>) {
    const current = (await admin.get<{ security: Record<string, unknown> }>("/api/v1/settings")).body;
    const r = await admin.put("/api/v1/settings", { ...current, security: { ...current.security, rateLimits: { ...DEFAULT_RATE_LIMITS, ...limits } } });
    expect(r.status, r.text).toBe(200);
  }

  async function statuses(client: Client, count: number, send: (c: Client, i: number) => Promise<{ status: number }>) {
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push((await send(client, i)).status);
    return out;
  }

  const wrongLogin = (c: Client, i: number) => c.post("/api/v1/auth/login", { email: `tidak.ada${i}@uji.test`, password: "Salah#Sandi123" });

  it("shows the default limits in the settings", async () => {
    const settings = (await admin.get<{ security: { rateLimits: RateLimitSettings } }>("/api/v1/settings")).body;
    expect(settings.security.rateLimits).toEqual(DEFAULT_RATE_LIMITS);
  });

  it("applies the login limit from the settings, and a 429 is problem+json in Indonesian and English", async () => {
    await setLimits({ login: 2 });
    const client = t.client();
    expect(await statuses(client, 3, wrongLogin)).toEqual([401, 401, 429]);
    const id = expectProblem(await wrongLogin(client, 9), 429, "RATE_LIMITED");
    expect(id.detail).toMatch(/^Terlalu banyak percobaan\. Coba lagi dalam \d+ detik\.$/);
    client.language = "en";
    const en = await wrongLogin(client, 10);
    expect(expectProblem(en, 429, "RATE_LIMITED").detail).toMatch(/^Too many attempts\. Try again in \d+ seconds\.$/);
    expect(en.headers["retry-after"]).toBeDefined();

    // Raising the setting takes effect at once, without a restart, for a new address.
    await setLimits({ login: 4 });
    expect(await statuses(t.client(), 5, wrongLogin)).toEqual([401, 401, 401, 401, 429]);
  });

  it("applies the public search, registration and bid upload limits from the settings", async () => {
    await setLimits({ publicSearch: 3, registration: 1, bidUpload: 2 });
    // Counted per address before anything else is checked, so even refused attempts use up the limit.
    const startUpload = (c: Client) => c.post("/api/v1/tenders/202700001/bid-uploads", { size: 1 });
    expect(await statuses(t.client(), 3, startUpload)).toEqual([401, 401, 429]);
    expect(await statuses(t.client(), 4, (c) => c.get("/api/v1/public/tenders"))).toEqual([200, 200, 200, 429]);
    const register = (c: Client, i: number) => c.post("/api/v1/vendor-registrations", { email: `baru${i}@uji.test` });
    expect(await statuses(t.client(), 2, register)).toEqual([202, 429]);
  });

  it("counts bid uploads per vendor account, so vendors behind one address do not share a budget", async () => {
    await setLimits({ bidUpload: 2 });
    const first = await loginAs(t, await buildVendor(t));
    const second = await loginAs(t, await buildVendor(t));
    second.remoteAddress = first.remoteAddress;
    // No such tender: each attempt is refused after the limit is counted, which is what is measured here.
    const startUpload = (c: Client) => c.post("/api/v1/tenders/202799999/bid-uploads", { size: 1 });
    expect(await statuses(first, 3, startUpload)).toEqual([404, 404, 429]);
    expect(await statuses(second, 3, startUpload)).toEqual([404, 404, 429]);
  });
});
