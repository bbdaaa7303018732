import type { Json, JsonObject } from "./ocds.types.js";

/**
 * OCDS merging (compiled releases), for the fields we produce: objects merge field by field, a later
 * value replaces an earlier one, null removes a field, arrays of objects that all have an `id` merge
 * item by item on that id (items a later release omits are kept, new ones are appended), and every
 * other array (tags, roles, submission methods) is replaced whole.
 */

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The key of an identified array item; "1" and 1 stay distinct, as in the reference implementation. */
function idKey(value: Json): string | undefined {
  if (!isObject(value)) return undefined;
  const id = value.id;
  return typeof id === "string" || typeof id === "number" ? `${typeof id}:${id}` : undefined;
}

function isIdentifiedArray(value: Json[]): boolean {
  return value.length > 0 && value.every((item) => idKey(item) !== undefined);
}

function mergeById(earlier: Json[], later: Json[]): Json[] {
  const merged = [...earlier];
  for (const item of later) {
    const at = merged.findIndex((m) => idKey(m) === idKey(item));
    if (at === -1) merged.push(mergeValue(undefined, item) as Json);
    else merged[at] = mergeValue(merged[at], item) as Json;
  }
  return merged;
}

/** The value of a field after a later release sets it; undefined means the field is removed. */
function mergeValue(earlier: Json | undefined, later: Json): Json | undefined {
  if (later === null) return undefined;
  if (isObject(later)) return mergeObjects(isObject(earlier) ? earlier : {}, later);
  if (Array.isArray(later) && Array.isArray(earlier) && isIdentifiedArray(later) && (earlier.length === 0 || isIdentifiedArray(earlier))) {
    return mergeById(earlier, later);
  }
  if (Array.isArray(later)) return later.map((item) => (isObject(item) ? mergeObjects({}, item) : item));
  return later;
}

export function mergeObjects(earlier: JsonObject, later: JsonObject): JsonObject {
  const merged: JsonObject = { ...earlier };
  for (const [key, value] of Object.entries(later)) {
    const next = mergeValue(merged[key], value);
    if (next === undefined) delete merged[key];
    else merged[key] = next;
  }
  return merged;
}

/**
 * The compiled release of an ocid from its releases, oldest first. The release-level `id`, `date` and
 * `tag` are not merged (omitWhenMerged); the compiled release takes the tag "compiled", the date of
 * the newest release and the id `{ocid}-{date}`, as the OCDS reference implementation does.
 */
export function compileReleases<R extends { ocid: string; date: string }>(releases: readonly R[]): Omit<R, "id" | "date" | "tag"> & { id: string; date: string; tag: ["compiled"] } {
  const last = releases.at(-1);
  if (!last) throw new RangeError("a record needs at least one release");
  let merged: JsonObject = {};
  for (const release of releases) {
    const { id: _id, date: _date, tag: _tag, ...rest } = release as unknown as JsonObject;
    merged = mergeObjects(merged, rest);
  }
  const { ocid: _ocid, ...fields } = merged;
  const compiled = { ocid: last.ocid, id: `${last.ocid}-${last.date}`, date: last.date, tag: ["compiled"], ...fields };
  return compiled as unknown as Omit<R, "id" | "date" | "tag"> & { id: string; date: string; tag: ["compiled"] };
}
