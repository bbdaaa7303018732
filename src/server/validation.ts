import type { FieldError, Message } from "./errors.js";

/**
 * Turns schema-validation failures into field errors with Indonesian and English messages.
 * Custom rules put both languages into the Zod message with `bilingual()`.
 */

const SEPARATOR = "\u241e";

/** A Zod message carrying both languages; `describeIssue` splits it again. */
export function bilingual(id: string, en: string): string {
  return `${id}${SEPARATOR}${en}`;
}

interface IssueLike {
  keyword: string;
  instancePath: string;
  message?: string | undefined;
  params?: Record<string, unknown> | undefined;
}

const CONTEXT_PREFIX: Record<string, string> = { querystring: "query", body: "body", params: "params", headers: "headers" };

/** Convert one validation issue from fastify-type-provider-zod (or Fastify's own) to a FieldError. */
export function describeIssue(issue: IssueLike, context: string | undefined): FieldError {
  const prefix = CONTEXT_PREFIX[context ?? "body"] ?? context ?? "body";
  const segments = issue.instancePath.split("/").filter(Boolean);
  const params = issue.params ?? {};
  // Unknown keys are reported on the object; name the key itself so the client sees which one.
  if (issue.keyword === "unrecognized_keys" && Array.isArray(params.keys) && params.keys.length > 0) {
    segments.push(String(params.keys[0]));
  }
  const field = [prefix, ...segments].join(".");
  return { field, message: messageFor(issue) };
}

function messageFor(issue: IssueLike): Message {
  const raw = issue.message ?? "";
  if (raw.includes(SEPARATOR)) {
    const [id = raw, en = raw] = raw.split(SEPARATOR);
    return { id, en };
  }
  const p = issue.params ?? {};
  switch (issue.keyword) {
    case "invalid_type":
      if (p.input === undefined) return { id: "wajib diisi", en: "is required" };
      return { id: `harus bertipe ${typeName(p.expected, "id")}`, en: `must be ${typeName(p.expected, "en")}` };
    case "too_small":
      if (p.origin === "string") return p.minimum === 1 ? { id: "wajib diisi", en: "must not be empty" } : { id: `minimal ${String(p.minimum)} karakter`, en: `must be at least ${String(p.minimum)} characters` };
      if (p.origin === "array") return { id: `minimal ${String(p.minimum)} butir`, en: `must have at least ${String(p.minimum)} items` };
      return { id: `minimal ${String(p.minimum)}`, en: `must be at least ${String(p.minimum)}` };
    case "too_big":
      if (p.origin === "string") return { id: `maksimal ${String(p.maximum)} karakter`, en: `must be at most ${String(p.maximum)} characters` };
      if (p.origin === "array") return { id: `maksimal ${String(p.maximum)} butir`, en: `must have at most ${String(p.maximum)} items` };
      return { id: `maksimal ${String(p.maximum)}`, en: `must be at most ${String(p.maximum)}` };
    case "invalid_format":
      if (p.format === "email") return { id: "bukan alamat email yang valid", en: "is not a valid email address" };
      if (p.format === "uuid") return { id: "bukan pengenal yang valid", en: "is not a valid identifier" };
      return { id: "formatnya tidak valid", en: "has an invalid format" };
    case "invalid_value":
      return Array.isArray(p.values)
        ? { id: `harus salah satu dari: ${p.values.join(", ")}`, en: `must be one of: ${p.values.join(", ")}` }
        : { id: "nilainya tidak valid", en: "has an invalid value" };
    case "unrecognized_keys":
      return { id: "kolom ini tidak dikenal", en: "is not a known field" };
    case "not_multiple_of":
      return { id: `harus kelipatan ${String(p.divisor)}`, en: `must be a multiple of ${String(p.divisor)}` };
    default:
      return { id: `tidak valid (${raw})`, en: `is not valid (${raw})` };
  }
}

function typeName(expected: unknown, language: "id" | "en"): string {
  const names: Record<string, [string, string]> = {
    string: ["teks", "a string"],
    number: ["angka", "a number"],
    int: ["bilangan bulat", "an integer"],
    boolean: ["benar/salah", "true or false"],
    object: ["objek", "an object"],
    array: ["daftar", "an array"],
  };
  const pair = names[String(expected)];
  if (!pair) return String(expected);
  return language === "id" ? pair[0] : pair[1];
}
