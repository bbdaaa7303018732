import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import type { Client, Response } from "../support/client.js";
import { concretePath, loadOperations, type Operation } from "../support/openapi.js";
import { hostileArbitrary, pathParamArbitrary, queryArbitrary } from "../support/schema-arbitrary.js";
import { ACCESS_TABLE } from "./access-table.js";
import { executionOrder, exampleQuery, prepareRequest, type PreparedRequest, RAW_BODY_OPERATIONS, send } from "./requests.js";
import { buildWorld, type Principal, type World } from "./world.js";

/** Runs per operation and per kind of input; raise it for a deeper local run (OPENLPSE_FUZZ_RUNS=200). */
const RUNS = Number(process.env.OPENLPSE_FUZZ_RUNS ?? 6);
/** A fixed seed by default so CI failures reproduce; OPENLPSE_FUZZ_SEED picks another. */
const SEED = Number(process.env.OPENLPSE_FUZZ_SEED ?? 20261126);

/** The tables that hold procurement state: a refused request must not change how many rows any of them has. */
const STATE_TABLES = [
  "agencies", "work_units", "users", "holidays", "vendors", "vendor_licences", "vendor_verifications", "vendor_records", "vendor_documents",
  "packages", "package_hps_items", "package_assignments", "package_committee_members", "package_schedules", "schedule_changes",
  "tender_participants", "tender_questions", "tender_documents", "ocds_releases", "opening_keys", "tender_keys", "tender_key_shares", "bids",
  "opening_shares", "bid_findings", "tender_results", "objections", "objection_appeals", "awards", "tender_failures", "contracts",
  "direct_procurements", "evaluation_minutes", "winner_proposals", "standard_cycles", "standard_team_members", "standard_coordinators", "criterion_assessments",
  "criterion_evidence", "standard_findings", "lkpp_verifications", "password_resets", "recovery_codes", "helpdesk_tickets", "helpdesk_comments",
  "helpdesk_articles", "register_assets", "register_risks", "register_risk_tasks", "register_changes", "criterion_live_snapshots", "capacity_samples",
  "access_grants", "access_reviews", "access_review_items", "patch_records", "vulnerability_scans", "vulnerability_findings", "lpse_peers",
  "peer_summaries", "standard_templates", "study_visits", "study_visit_actions", "events",
] as const;

/**
 * Property-based requests for every operation, generated from its OpenAPI schema with hostile values mixed
 * in (huge and odd strings, injection payloads, wrong types, extreme numbers, deep nesting), sent as a
 * caller the access table allows: no 5xx; every 4xx is problem+json, validation errors name their field;
 * and a refused request changes nothing (the event log head and the row counts stay as they were).
 */
describe("fuzzing every operation", () => {
  let t: TestApp;
  let world: World;
  let operations: Operation[] = [];
  let admin: Client;
  /** Answers by status class, to show the generated requests reach past validation too. */
  const answers = new Map<string, number>();
  let lastDigest: string | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    operations = executionOrder(await loadOperations(t.client())).filter((op) => ACCESS_TABLE[op.key]);
    admin = (world.principals.find((p) => p.name === "admin_ppe") as Principal).client;
  }, 120_000);
  afterAll(() => t.close());

  /** The first caller the table allows: anonymous for public operations, otherwise a role with the right. */
  function callerOf(op: Operation): Principal {
    const rule = ACCESS_TABLE[op.key];
    const caller = world.principals.find((p) => rule?.allows(p)) ?? world.principals[0];
    return caller as Principal;
  }

  async function stateDigest(): Promise<string> {
    const selects = STATE_TABLES.map((table) => sql`(select count(*) from ${sql.table(table)})`);
    const row = await sql<{ counts: string }>`select ${sql.join(selects, sql` || ',' || `)} as counts`.execute(t.deps.database.db);
    return `${await t.deps.eventLog.size()}|${row.rows[0]?.counts}`;
  }

  /** Send one generated request and check the answer; returns a failure message or undefined. */
  async function check(op: Operation, request: PreparedRequest): Promise<string | undefined> {
    // Only our requests change the state, so the digest after one request is the digest before the next.
    const before = (lastDigest ??= await stateDigest());
    const r = await send(callerOf(op).client, op, request);
    lastDigest = await stateDigest();
    const key = `${String(r.status)[0]}xx`;
    answers.set(key, (answers.get(key) ?? 0) + 1);
    const verdict = judge(r);
    if (verdict) return verdict;
    if (r.status >= 400 && lastDigest !== before) return `refused with ${r.status} but changed the state`;
    return undefined;
  }

  async function fuzz(op: Operation, arbitrary: fc.Arbitrary<PreparedRequest>): Promise<string | undefined> {
    const result = await fc.check(
      fc.asyncProperty(arbitrary, async (request) => {
        const failure = await check(op, request);
        if (failure) throw new Error(failure);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    if (!result.failed) return undefined;
    const example = JSON.stringify(result.counterexample?.[0], (_, v: unknown) => (typeof v === "string" && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v));
    return `${op.key}: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)} with ${example?.slice(0, 600)}`;
  }

  it("finds the operations to fuzz", () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter((o) => o.bodySchema).length).toBeGreaterThan(40);
  });

  it("survives generated and hostile request bodies", async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const base = await prepareRequest(op, world, admin);
      if (op.bodySchema) {
        const failure = await fuzz(op, hostileArbitrary(op.bodySchema).map((body) => ({ ...base, body })));
        if (failure) failures.push(failure);
      } else if (RAW_BODY_OPERATIONS.has(op.key)) {
        const bytes = fc.oneof(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom("%PDF-1.4\n<script>", "\u0000\u0000", "PK\u0003\u0004").map((s) => new TextEncoder().encode(s)));
        const failure = await fuzz(op, bytes.map((b) => ({ ...base, raw: Buffer.from(b) })));
        if (failure) failures.push(failure);
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
  }, 600_000);

  it("survives generated and hostile query strings", async () => {
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.queryParams.length > 0)) {
      const base = await prepareRequest(op, world, admin);
      const path = world.pathOf(op);
      const failure = await fuzz(op, queryArbitrary(op.queryParams, true).map((query) => ({ ...base, url: path + query })));
      if (failure) failures.push(failure);
    }
    expect(failures, failures.join("\n")).toEqual([]);
  }, 600_000);

  it("survives generated and hostile path parameters", async () => {
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.pathParams.length > 0)) {
      const base = await prepareRequest(op, world, admin);
      for (const param of op.pathParams) {
        const arbitrary = pathParamArbitrary(param, true).map((value) => ({
          ...base,
          url: concretePath(op, (name) => (name === param.name ? value : world.param(op, name))) + exampleQuery(op),
        }));
        const failure = await fuzz(op, arbitrary);
        if (failure) failures.push(`${failure} (in ${param.name})`);
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
  }, 600_000);

  it("sent requests that were accepted as well as refused", () => {
    // Every operation got RUNS requests of each kind it takes; some of them must get past validation.
    expect((answers.get("2xx") ?? 0) + (answers.get("4xx") ?? 0)).toBeGreaterThanOrEqual(operations.length * RUNS);
    expect(answers.get("2xx") ?? 0).toBeGreaterThan(RUNS * 10);
  });
});

/** What is wrong with the answer: a 5xx, an error that is not problem+json, a validation error naming no field. */
function judge(r: Response): string | undefined {
  if (r.status >= 500) return `server error ${r.status}: ${r.text.slice(0, 200)}`;
  if (r.status < 400) return undefined;
  if (!String(r.headers["content-type"]).includes("application/problem+json")) return `${r.status} without application/problem+json: ${r.text.slice(0, 200)}`;
  const problem = r.body as { code?: string; status?: number; errors?: { field?: string }[] };
  if (problem.status !== r.status || !problem.code) return `${r.status} with a malformed problem: ${r.text.slice(0, 200)}`;
  if (problem.code === "VALIDATION_FAILED" && !(problem.errors?.length && problem.errors.every((e) => typeof e.field === "string" && e.field.length > 0))) {
    return `a validation error that names no field: ${r.text.slice(0, 200)}`;
  }
  return undefined;
}
