import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG_V1 } from "./catalog/v1.js";
import { PLATFORM_REGISTERS, registersFor } from "./platform-registers.js";

const ROUTER = fs.readFileSync(path.join(import.meta.dirname, "../../../web/src/router.tsx"), "utf8");
const CRITERIA = CATALOG_V1.standards.flatMap((s) => s.criteria);

describe("platform registers as evidence", () => {
  it("links only to pages the web app has, under the workspace", () => {
    for (const register of PLATFORM_REGISTERS) {
      expect(register.path).toMatch(/^\/app\//);
      expect(ROUTER, register.path).toContain(`path: "${register.path.slice("/app/".length)}"`);
    }
  });

  it("names only criteria of the catalog", () => {
    const codes = new Set(CRITERIA.map((k) => k.code));
    for (const code of PLATFORM_REGISTERS.flatMap((x) => x.criteria)) expect(codes.has(code), code).toBe(true);
  });

  it("offers a register for every criterion that expects one", () => {
    const missing = CRITERIA.filter((k) => k.evidence.includes("register") && registersFor(k.code).length === 0).map((k) => k.code);
    expect(missing).toEqual([]);
  });
});
