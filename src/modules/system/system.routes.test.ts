import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { expectProblem } from "../../../test/support/problems.js";
import { TEST_DIALECT } from "../../../test/support/database.js";

describe("health, OpenAPI and the HTTP basics", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("reports the database and the log head", async () => {
    await t.deps.eventLog.publishHead(t.clock.now());
    const r = await t.client().get<{ status: string; database: { dialect: string; reachable: boolean }; log: { size: number } }>("/api/health");
    expect(r.status).toBe(200);
    expect(r.body.status).toBe("ok");
    expect(r.body.database).toEqual({ dialect: TEST_DIALECT, reachable: true });
    expect(r.body.log.size).toBe(await t.deps.eventLog.size());
  });

  it("lists every API route in the OpenAPI 3.1 document", async () => {
    const doc = (await t.client().get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>("/api/openapi.json")).body;
    expect(doc.openapi).toBe("3.1.0");
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    const registered = collectApiRoutes(t);
    expect(registered.length).toBeGreaterThan(15);
    for (const route of registered) expect(documented, `${route} is missing from openapi.json`).toContain(route);
    const login = doc.paths["/api/v1/auth/login"]?.post as { requestBody?: unknown; responses?: Record<string, unknown> };
    expect(login.requestBody).toBeDefined();
    expect(Object.keys(login.responses ?? {})).toEqual(expect.arrayContaining(["200", "4XX"]));
  });

  it("answers unknown API paths with a problem, sets security headers and a request id", async () => {
    const r = await t.client().get("/api/v1/tidak-ada");
    expectProblem(r, 404, "NOT_FOUND");
    expect(r.headers["x-request-id"]).toBeTruthy();
    expect(String(r.headers["content-security-policy"])).toContain("script-src 'self'");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["x-frame-options"]).toBe("SAMEORIGIN");
    const echoed = await t.client().raw("GET", "/api/health", { headers: { "x-request-id": "uji-request-0001" } });
    expect(echoed.headers["x-request-id"]).toBe("uji-request-0001");
  });

  it("refuses an unsupported content type with 415", async () => {
    const client = t.client();
    const token = await client.csrfToken();
    expectProblem(
      await client.raw("POST", "/api/v1/auth/login", { payload: "email=a", headers: { "content-type": "application/x-www-form-urlencoded", "x-csrf-token": token } }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
  });
});

/** "METHOD /path" of every /api route, with Fastify's :param turned into OpenAPI's {param}. */
function collectApiRoutes(t: TestApp): string[] {
  const found = new Set<string>();
  for (const r of t.app.registeredRoutes) {
    if (!r.url.startsWith("/api")) continue;
    for (const m of [r.method].flat()) {
      if (m === "HEAD") continue;
      found.add(`${m} ${r.url.replace(/:(\w+)/g, "{$1}")}`);
    }
  }
  return [...found];
}
