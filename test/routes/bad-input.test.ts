import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { buildUser, loginAs } from "../support/factories.js";
import type { Client } from "../support/client.js";
import { expectProblem } from "../support/problems.js";
import { concretePath, loadOperations, type Operation } from "../support/openapi.js";

/**
 * Every operation in the OpenAPI document, including routes added later, gets malformed JSON, a body
 * of the wrong shape, an unknown field and malformed path parameters: each is a 400 problem naming the
 * field, never a 5xx, and nothing is written (the event log does not grow).
 */
describe("bad input on every route", () => {
  let t: TestApp;
  let admin: Client;
  let operations: Operation[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, await buildUser(t, "admin_ppe"));
    operations = await loadOperations(admin);
  });
  afterAll(() => t.close());

  it("finds the operations to try", () => {
    expect(operations.filter((o) => o.hasBody).length).toBeGreaterThanOrEqual(8);
  });

  it("refuses malformed JSON, wrong shapes and unknown fields with a 400 naming the field", async () => {
    const before = await t.deps.eventLog.size();
    for (const op of operations.filter((o) => o.hasBody)) {
      const url = concretePath(op);
      const method = op.method;
      const token = await admin.csrfToken();
      const label = `${op.method} ${op.path}`;
      const malformed = await admin.raw(method, url, { payload: '{"name": ', headers: { "content-type": "application/json", "x-csrf-token": token } });
      expect(malformed.status, label).toBe(400);
      expectProblem(malformed, 400, "MALFORMED_BODY", "body");

      const wrongShape = await admin.request(method, url, [1, 2, 3]);
      expect(wrongShape.status, `${label} with an array body`).toBe(400);
      expectProblem(wrongShape, 400, "VALIDATION_FAILED");

      const unknown = await admin.request(method, url, { tidakDikenal: true });
      expect(unknown.status, `${label} with an unknown field`).toBe(400);
      const problem = expectProblem(unknown, 400, "VALIDATION_FAILED");
      expect(problem.errors?.every((e) => e.field.startsWith("body")), label).toBe(true);
    }
    expect(await t.deps.eventLog.size()).toBe(before);
  });

  it("answers an over-long or badly encoded path parameter with a problem naming the parameters", async () => {
    const long = `/api/v1/tenders/202700001/evaluation/${"9".repeat(300)}/administrasi`;
    expectProblem(await admin.put(long, { passed: true, reason: "Memenuhi persyaratan" }), 400, "VALIDATION_FAILED", "params");
    expectProblem(await admin.get("/api/v1/vendors/%E0%A4%A"), 400, "VALIDATION_FAILED", "params");
  });

  it("refuses malformed path parameters, including traversal attempts", async () => {
    const before = await t.deps.eventLog.size();
    for (const op of operations.filter((o) => o.pathParams.length > 0)) {
      for (const param of op.pathParams) {
        const r = await admin.request(op.method, concretePath(op, undefined, param.name), op.hasBody ? {} : undefined);
        expect(r.status, `${op.method} ${op.path} with a bad ${param.name}`).toBe(400);
        expectProblem(r, 400, "VALIDATION_FAILED", `params.${param.name}`);
      }
    }
    expect(await t.deps.eventLog.size()).toBe(before);
  });
});
