import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, sha256Hex } from "./canonical.js";

describe("canonicalJson", () => {
  it("sorts object keys and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: 2, c: { z: true, y: null } })).toBe('{"a":2,"b":1,"c":{"y":null,"z":true}}');
  });

  it("sorts nested objects, including those inside arrays, and keeps array order", () => {
    expect(canonicalJson({ list: [{ y: 1, x: 2 }, 3, "s", [{ b: 0, a: 0 }]], a: [] })).toBe('{"a":[],"list":[{"x":2,"y":1},3,"s",[{"a":0,"b":0}]]}');
  });

  it("sorts keys by UTF-16 code units, as RFC 8785 section 3.2.3 does", () => {
    // The RFC's own example; code point order would put the emoji after U+FB33.
    const value = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    const order = ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33"] as const;
    expect(canonicalJson(value)).toBe(`{${order.map((k) => `${JSON.stringify(k)}:${JSON.stringify(value[k])}`).join(",")}}`);
  });

  it("writes numbers and strings the way JSON.stringify does", () => {
    expect(canonicalJson([0, -0, 1.5, 1e21, 1e-7, -12, 0.1 + 0.2])).toBe("[0,0,1.5,1e+21,1e-7,-12,0.30000000000000004]");
    expect(canonicalJson('quote " backslash \\ newline \n tab \t nul \u0000 é')).toBe(JSON.stringify('quote " backslash \\ newline \n tab \t nul \u0000 é'));
  });

  it("omits undefined members, writes undefined array elements as null", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined, 1])).toBe("[null,1]");
  });

  it("serialises dates through toJSON", () => {
    expect(canonicalJson({ at: new Date("2026-11-26T07:15:00.000Z") })).toBe('{"at":"2026-11-26T07:15:00.000Z"}');
  });

  it("rejects values JSON cannot carry faithfully", () => {
    for (const bad of [NaN, Infinity, -Infinity, 1n, () => 1, Symbol("s"), new Map(), new Set([1])]) {
      expect(() => canonicalJson(bad), String(bad)).toThrow(TypeError);
      expect(() => canonicalJson({ nested: [bad] }), String(bad)).toThrow(TypeError);
    }
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ a: { b: NaN } })).toThrow(/\$\.a\.b/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });

  it("rejects cycles but allows the same object twice", () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/refers back to itself/);
  });

  it("is a fixed point and ignores key insertion order (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(canonicalJson(reverseKeys(value))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe("sha256Hex", () => {
  it("hashes strings as UTF-8 and bytes as they are", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex(new TextEncoder().encode("é"))).toBe(sha256Hex("é"));
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
}
