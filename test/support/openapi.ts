import type { Client } from "./client.js";

/** A JSON Schema as the OpenAPI document carries it (the subset our Zod schemas produce). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  $ref?: string;
}

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema: JsonSchema;
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One operation of the OpenAPI document. `key` is "METHOD /path" with OpenAPI's `{param}` syntax. */
export interface Operation {
  key: string;
  method: Method;
  path: string;
  hasBody: boolean;
  /** The JSON body's schema, when the operation takes a JSON body. */
  bodySchema: JsonSchema | undefined;
  pathParams: (JsonSchema & { name: string })[];
  queryParams: Parameter[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; parameters?: Parameter[] }>>;
}

/** Every operation the running app documents; routes added later appear here without any test change. */
export async function loadOperations(client: Client): Promise<Operation[]> {
  const r = await client.get<OpenApiDocument>("/api/openapi.json");
  if (r.status !== 200) throw new Error(`the OpenAPI document answered ${r.status}`);
  return Object.entries(r.body.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase() as Method,
      path,
      hasBody: op.requestBody !== undefined,
      bodySchema: op.requestBody?.content?.["application/json"]?.schema,
      pathParams: (op.parameters ?? []).filter((p) => p.in === "path").map((p) => ({ name: p.name, ...p.schema })),
      queryParams: (op.parameters ?? []).filter((p) => p.in === "query"),
    })),
  );
}

/** A traversal attempt, URL-encoded so it reaches the parameter rather than the router. */
export const TRAVERSAL = "%2E%2E%2Fetc%2Fpasswd";

/** A well-formed value for a path parameter that points at nothing: a fresh UUID, an enum value, a date, a code. */
export function placeholderParam(param: JsonSchema | undefined): string {
  if (param?.format === "uuid") return "3f0c8d2e-9a41-4c1b-8e7f-2a5b6c7d8e9f";
  const first = param?.enum?.[0];
  if (typeof first === "string") return first;
  const candidates = ["2026-01-01", "202700001", "ocds-abc123-openlpse-202700001", "nilai"];
  return candidates.find((c) => !param?.pattern || new RegExp(param.pattern).test(c)) ?? "x";
}

/**
 * The operation's URL with its `{param}`s filled: from `values` when given (real resources), otherwise a
 * well-formed placeholder; `bad` names a parameter to replace with a traversal attempt.
 */
export function concretePath(op: Operation, values: (name: string) => string | undefined = () => undefined, bad?: string): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === bad) return TRAVERSAL;
    return encodePathValue(values(name) ?? placeholderParam(op.pathParams.find((p) => p.name === name)));
  });
}

/** encodeURIComponent, with lone surrogates (which it refuses) replaced, so generated text always makes a URL. */
function encodePathValue(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
  }
}
