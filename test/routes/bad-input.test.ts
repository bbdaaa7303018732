import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { buildUser, loginAs } from "../support/factories.js";
import type { Client } from "../support/client.js";
import { expectProblem } from "../support/problems.js";

interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
  pathParams: { name: string; format?: string; pattern?: string; enum?: string[] }[];
}

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
    const doc = (await admin.get<{ paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { in: string; name: string; schema?: { format?: string; pattern?: string; enum?: string[] } }[] }>> }>("/api/openapi.json")).body;
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        hasBody: op.requestBody !== undefined,
        pathParams: (op.parameters ?? []).filter((p) => p.in === "path").map((p) => ({ name: p.name, ...p.schema })),
      })),
    );
  });
  afterAll(() => t.close());

  function concretePath(op: Operation, bad?: string): string {
    return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === bad) return "%2E%2E%2Fetc%2Fpasswd";
      const param = op.pathParams.find((p) => p.name === name);
      if (param?.format === "uuid") return "3f0c8d2e-9a41-4c1b-8e7f-2a5b6c7d8e9f";
      if (param?.enum?.[0]) return param.enum[0];
      // A well-formed value for the parameter's pattern: a date, a tender code, or a plain word.
      const candidates = ["2026-01-01", "202700001", "ocds-abc123-openlpse-202700001", "nilai"];
      return candidates.find((c) => !param?.pattern || new RegExp(param.pattern).test(c)) ?? "x";
    });
  }

  it("finds the operations to try", () => {
    expect(operations.filter((o) => o.hasBody).length).toBeGreaterThanOrEqual(8);
  });

  it("refuses malformed JSON, wrong shapes and unknown fields with a 400 naming the field", async () => {
    const before = await t.deps.eventLog.size();
    for (const op of operations.filter((o) => o.hasBody)) {
      const url = concretePath(op);
      const method = op.method as "POST" | "PUT" | "PATCH";
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

  it("refuses malformed path parameters, including traversal attempts", async () => {
    const before = await t.deps.eventLog.size();
    for (const op of operations.filter((o) => o.pathParams.length > 0)) {
      for (const param of op.pathParams) {
        const r = await admin.request(op.method as "GET", concretePath(op, param.name), op.hasBody ? {} : undefined);
        expect(r.status, `${op.method} ${op.path} with a bad ${param.name}`).toBe(400);
        expectProblem(r, 400, "VALIDATION_FAILED", `params.${param.name}`);
      }
    }
    expect(await t.deps.eventLog.size()).toBe(before);
  });
});
