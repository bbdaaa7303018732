import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import type { Client, Response } from "../support/client.js";
import { loadOperations, type Operation } from "../support/openapi.js";
import { ACCESS_TABLE } from "./access-table.js";
import { executionOrder, prepareRequest, send } from "./requests.js";
import { buildWorld, type Principal, type World } from "./world.js";

/**
 * Every operation of the OpenAPI document, called as every role, as anonymous, as the same roles in another
 * agency and as another vendor, against real resources; each answer is checked against ACCESS_TABLE.
 * Allowed: not 401/403 (the request may still be refused for its stage or content). Denied: 401 for
 * anonymous, otherwise 403, or 404 where existence is secret. Never a 5xx; every error is problem+json.
 */
describe("authorization matrix", () => {
  let t: TestApp;
  let world: World;
  let operations: Operation[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    operations = await loadOperations(t.client());
  }, 120_000);
  afterAll(() => t.close());

  it("has an entry for every route, and none for a route that is gone", () => {
    const documented = new Set(operations.map((o) => o.key));
    const missing = [...documented].filter((key) => !(key in ACCESS_TABLE));
    const stale = Object.keys(ACCESS_TABLE).filter((key) => !documented.has(key));
    // "missing": routes without an entry in test/security/access-table.ts (declare who may call them);
    // "stale": entries for routes that no longer exist (remove them).
    expect({ missing, stale }, "test/security/access-table.ts is out of date with the OpenAPI document").toEqual({ missing: [], stale: [] });
    expect(documented.size).toBeGreaterThan(100);
  });

  it("answers every operation as the table says, for every caller", async () => {
    const admin = (world.principals.find((p) => p.name === "admin_ppe") as Principal).client;
    const failures: string[] = [];
    let allowedAnswers = 0;
    let deniedAnswers = 0;
    for (const op of executionOrder(operations)) {
      const rule = ACCESS_TABLE[op.key];
      if (!rule) continue;
      if (op.key === "POST /api/v1/auth/logout") failures.push(...(await deadSessions(world.principals)));
      const request = await prepareRequest(op, world, admin);
      // The refused callers first, so an allowed caller's change (a deletion, a join) cannot decide their answer.
      const ordered = [...world.principals].sort((a, b) => Number(rule.allows(a)) - Number(rule.allows(b)));
      for (const principal of ordered) {
        const r = await send(principal.client, op, request);
        const allowed = rule.allows(principal);
        const problem = judge(r, allowed, principal) ?? (allowed ? unreadable(op, r, world) : undefined);
        if (problem) failures.push(`${op.key} as ${principal.name} (${allowed ? "allowed" : "denied"}: ${rule.describe}): ${problem} — ${detailOf(r)}`);
        if (allowed) allowedAnswers++;
        else deniedAnswers++;
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
    expect(allowedAnswers).toBeGreaterThan(500);
    expect(deniedAnswers).toBeGreaterThan(1000);
  }, 300_000);
});

/** What is wrong with the answer, or undefined when it is as the table says. */
function judge(r: Response, allowed: boolean, principal: Principal): string | undefined {
  if (r.status >= 500) return `server error ${r.status}`;
  if (r.status >= 400 && !String(r.headers["content-type"]).includes("application/problem+json")) return `${r.status} without application/problem+json`;
  // Every client has its own address and calls each operation once, so no limit is reached: a 429 would hide the policy.
  if (r.status === 429) return "rate limited (429): the answer says nothing about the policy";
  if (allowed) return r.status === 401 || r.status === 403 ? `refused with ${r.status}` : undefined;
  const refusals = principal.role === null ? [401, 403, 404] : [403, 404];
  if (refusals.includes(r.status)) return undefined;
  if (r.status === 400) return "400 before the policy: give the operation a body that passes validation in test/security/requests.ts";
  return `answered ${r.status}, expected ${refusals.join("/")}`;
}

function detailOf(r: Response): string {
  const body = r.body as { code?: string; detail?: string } | undefined;
  return typeof body === "object" && body?.code ? `${body.code}: ${body.detail ?? ""}` : r.text.slice(0, 120);
}

/**
 * Reads the fixture has nothing for yet (no signed head, bid, opening key, share, opening, minutes, result,
 * award or contract in Pemberian Penjelasan; the standards cycle is open, so it has no signed summary): an allowed caller gets 404 or a stage refusal there, and that
 * is the right answer.
 */
const NOTHING_TO_READ_YET = new Set([
  "GET /api/v1/tenders/{tenderCode}/minutes/{kind}",
  "GET /api/v1/standards/cycles/{cycleId}/summary",
  "GET /api/v1/log/head",
  "GET /api/v1/me/opening-key",
  "GET /api/v1/public/tenders/{tenderCode}/key",
  "GET /api/v1/tenders/{tenderCode}/key-share",
  "GET /api/v1/tenders/{tenderCode}/bids/mine",
  "GET /api/v1/tenders/{tenderCode}/opening/shares",
  "GET /api/v1/public/tenders/{tenderCode}/opening",
  "GET /api/v1/tenders/{tenderCode}/evaluation",
  "GET /api/v1/public/tenders/{tenderCode}/results",
  "GET /api/v1/public/tenders/{tenderCode}/award",
  "GET /api/v1/public/tenders/{tenderCode}/failure",
  "GET /api/v1/public/tenders/{tenderCode}/contract",
  // A survey link's token exists only in its recipient's mail; the generated one is unknown (404).
  "GET /api/v1/survey-form",
]);

/** An allowed read of real resources must succeed: a policy that hides them from their reader is a bug too. */
function unreadable(op: Operation, r: Response, world: World): string | undefined {
  if (op.method !== "GET" || NOTHING_TO_READ_YET.has(op.key)) return undefined;
  if (!op.pathParams.every((p) => world.param(op, p.name) !== undefined)) return undefined;
  return r.status >= 200 && r.status < 300 ? undefined : `an allowed read of real resources answered ${r.status}`;
}

/** Every logged-in caller must still be logged in, or its refusals would prove nothing. */
async function deadSessions(principals: readonly Principal[]): Promise<string[]> {
  const dead: string[] = [];
  for (const p of principals.filter((q) => q.role !== null)) {
    const me = await (p.client as Client).get("/api/v1/auth/me");
    if (me.status !== 200) dead.push(`the session of ${p.name} ended during the matrix (${me.status})`);
  }
  return dead;
}
