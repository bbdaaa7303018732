import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgency } from "../../src/modules/orgs/orgs.service.js";
import { startTestServer, type TestServer } from "../support/server.js";

describe("a running server", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ TREE_HEAD_INTERVAL_SECONDS: "1" });
  });
  afterAll(() => s.close());

  it("publishes a signed tree head by itself after the log grows", async () => {
    const { db } = s.server.runtime.deps.database;
    await createAgency(db, null, { code: "DLH", name: "Dinas Lingkungan Hidup", kind: "dinas" }, new Date());
    let treeSize = 0;
    // Poll (bounded) rather than sleep a fixed time: the publisher runs every second.
    for (let attempt = 0; attempt < 50 && treeSize < 1; attempt++) {
      const r = await fetch(`${s.url}/api/v1/log/head`);
      if (r.status === 200) treeSize = ((await r.json()) as { treeSize: number }).treeSize;
      if (treeSize < 1) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(treeSize).toBe(1);
  });

  it("serves the web app with a fallback for client routes, and JSON problems under /api", async () => {
    const home = await fetch(`${s.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toContain("text/html");
    const deep = await fetch(`${s.url}/app/agencies`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    const api = await fetch(`${s.url}/api/v1/nope`);
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
  });
});
