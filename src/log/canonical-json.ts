/*
 * The same value must always give the same text, so its hash can be recomputed by anyone, in any
 * language, years later. Object keys are sorted by UTF-16 code units (what Array.prototype.sort
 * does by default, and what RFC 8785 section 3.2.3 asks for), there is no whitespace, and numbers
 * and strings are written the way ECMAScript's JSON.stringify writes them (which RFC 8785 adopts).
 * Values JSON.stringify would silently drop or mangle (NaN, Infinity, bigint, functions, symbols,
 * Map, Set) are refused instead, because a log entry that quietly lost data could never be reproduced.
 */

/** Deterministic JSON in the spirit of RFC 8785 (JCS): sorted keys, no whitespace, lossy values refused. */
export function canonicalJson(value: unknown): string {
  const out = write(value, new Set(), "$");
  if (out === undefined) throw new TypeError("canonicalJson: the value itself is undefined");
  return out;
}

/** Returns undefined only for undefined, so object members can be omitted like JSON.stringify does. */
function write(value: unknown, ancestors: Set<object>, path: string): string | undefined {
  switch (typeof value) {
    case "undefined":
      return undefined;
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${value}, which JSON cannot represent`);
      return JSON.stringify(value);
    case "bigint":
      throw new TypeError(`canonicalJson: ${path} is a bigint; convert it to a string or number first`);
    case "function":
    case "symbol":
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}, which JSON cannot represent`);
    case "object":
      return value === null ? "null" : writeObject(value, ancestors, path);
    default:
      throw new TypeError(`canonicalJson: ${path} has unsupported type ${typeof value}`);
  }
}

function writeObject(value: object, ancestors: Set<object>, path: string): string | undefined {
  // Dates and other objects that define toJSON are logged as JSON.stringify would log them.
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return write((toJSON as () => unknown).call(value), ancestors, path);
  if (value instanceof Map || value instanceof Set) {
    throw new TypeError(`canonicalJson: ${path} is a ${value.constructor.name}, which JSON.stringify would turn into {}`);
  }
  if (ancestors.has(value)) throw new TypeError(`canonicalJson: ${path} refers back to itself`);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      // As in JSON.stringify, an undefined array element keeps its place as null.
      return `[${value.map((v: unknown, i) => write(v, ancestors, `${path}[${i}]`) ?? "null").join(",")}]`;
    }
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const v = write(record[key], ancestors, `${path}.${key}`);
      if (v !== undefined) members.push(`${JSON.stringify(key)}:${v}`);
    }
    return `{${members.join(",")}}`;
  } finally {
    ancestors.delete(value);
  }
}
