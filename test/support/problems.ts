import { expect } from "vitest";
import type { Response } from "./client.js";

interface Problem {
  code: string;
  status: number;
  detail: string;
  messages: { id: string; en: string };
  errors?: { field: string; message: { id: string; en: string } }[];
  requestId: string;
}

/** Assert an RFC 9457 problem with the code, and (when given) an error naming the field. */
export function expectProblem(r: Response, status: number, code: string, field?: string): Problem {
  expect(r.status, r.text).toBe(status);
  expect(String(r.headers["content-type"])).toContain("application/problem+json");
  const problem = r.body as Problem;
  expect(problem.code).toBe(code);
  expect(problem.messages.id.length).toBeGreaterThan(0);
  expect(problem.messages.en.length).toBeGreaterThan(0);
  expect(problem.requestId).toBeTruthy();
  if (field) expect(problem.errors?.map((e) => e.field), JSON.stringify(problem)).toContain(field);
  return problem;
}
