import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/server/clock.js";
import { buildVendor, TEST_PASSWORD } from "../support/factories.js";
import { HttpSession } from "../support/http-session.js";
import { buildPdf } from "../support/pdf.js";
import { startTestServer, type TestServer } from "../support/server.js";

const TOKEN = "pemantauan-rahasia-0123456789abcdef";

/** The value of one series in an exposition text (0 when absent). */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function scrape(url: string, headers: Record<string, string> = {}): Promise<string> {
  const r = await fetch(`${url}/metrics`, { headers });
  expect(r.status, await r.clone().text()).toBe(200);
  expect(r.headers.get("content-type")).toContain("text/plain; version=0.0.4");
  return r.text();
}

/** /metrics and the health endpoints on a real server over real HTTP. */
describe("monitoring endpoints", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it("answers liveness and readiness, readiness checking the database", async () => {
    expect(await (await fetch(`${s.url}/health/live`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${s.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok", database: true });
  });

  it("counts requests by route and status and their latency, and reads the gauges at each scrape", async () => {
    const before = await scrape(s.url);
    for (let i = 0; i < 3; i++) expect((await fetch(`${s.url}/api/v1/public/lpse`)).status).toBe(200);
    expect((await fetch(`${s.url}/api/v1/tenders/999999999/viewer`)).status).toBe(401);
    const after = await scrape(s.url);
    const ok = 'openlpse_http_requests_total{method="GET",route="/api/v1/public/lpse",status="200"}';
    expect(sample(after, ok) - sample(before, ok)).toBe(3);
    const latency = 'openlpse_http_request_duration_seconds_count{method="GET",route="/api/v1/public/lpse"}';
    expect(sample(after, latency) - sample(before, latency)).toBe(3);
    expect(sample(after, 'openlpse_http_request_duration_seconds_bucket{method="GET",route="/api/v1/public/lpse",le="+Inf"}')).toBe(sample(after, latency));
    expect(after).toContain('route="/api/v1/tenders/:tenderCode/viewer",status="401"');
    expect(sample(after, "openlpse_database_size_bytes")).toBeGreaterThan(0);
    expect(sample(after, "openlpse_data_dir_free_bytes")).toBeGreaterThan(0);
    expect(sample(after, "process_resident_memory_bytes")).toBeGreaterThan(1_000_000);
    expect(sample(after, "openlpse_event_log_size")).toBe(await s.server.runtime.deps.eventLog.size());
  });

  it("shows an upload in progress and the bytes it has sent", async () => {
    const vendor = await buildVendor({ deps: s.server.runtime.deps, clock: new ManualClock(new Date()) });
    const session = new HttpSession(s.url);
    await session.logIn(vendor.email, TEST_PASSWORD);
    await session.csrfToken();
    const pdf = buildPdf();
    const body = Buffer.concat([pdf, Buffer.alloc(2_000_000, 0x20)]);
    const first = 1_000_000;
    const before = await scrape(s.url);
    const done = new Promise<number>((resolve, reject) => {
      const request = http.request(`${s.url}/api/v1/vendors/${vendor.vendorId}/documents?kind=npwp&name=NPWP.pdf`, {
        method: "POST",
        headers: { ...session.headersFor("POST"), "content-type": "application/pdf", "content-length": String(body.length) },
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.write(body.subarray(0, first));
      void (async () => {
        // Poll (bounded) until the server reports the upload under way, then send the rest.
        for (let i = 0; i < 100; i++) {
          const text = await scrape(s.url);
          if (sample(text, "openlpse_uploads_in_progress") === 1 && sample(text, "openlpse_upload_received_bytes_total") - sample(before, "openlpse_upload_received_bytes_total") >= first / 2) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        const during = await scrape(s.url);
        expect(sample(during, "openlpse_uploads_in_progress")).toBe(1);
        request.end(body.subarray(first));
      })().catch(reject);
    });
    expect(await done).toBe(201);
    const after = await scrape(s.url);
    expect(sample(after, "openlpse_uploads_in_progress")).toBe(0);
    expect(sample(after, "openlpse_upload_received_bytes_total") - sample(before, "openlpse_upload_received_bytes_total")).toBe(body.length);
  });

  it("refuses /metrics relayed by a proxy when no token is set", async () => {
    const r = await fetch(`${s.url}/metrics`, { headers: { "x-forwarded-for": "203.0.113.7" } });
    expect(r.status).toBe(403);
    expect(((await r.json()) as { code: string }).code).toBe("FORBIDDEN");
  });
});

describe("monitoring with METRICS_TOKEN", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => s.close());

  it("answers only the bearer token, even on loopback", async () => {
    expect((await fetch(`${s.url}/metrics`)).status).toBe(403);
    expect((await fetch(`${s.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(403);
    expect(await scrape(s.url, { authorization: `Bearer ${TOKEN}` })).toContain("# TYPE openlpse_http_requests_total counter");
  });
});
