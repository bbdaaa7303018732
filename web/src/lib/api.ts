import { z } from "zod/mini";
import { currentLanguage, type Language } from "../i18n";

/**
 * The one HTTP client for /api/v1: cookie session, CSRF header on writes, Accept-Language, and
 * problem+json errors turned into `ApiError`. Responses are checked with Zod so a contract drift shows
 * up as a clear error instead of `undefined` deep inside a page.
 */

const MessageSchema = z.object({ id: z.string(), en: z.string() });
export type Message = z.infer<typeof MessageSchema>;

const ProblemSchema = z.object({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.number()),
  code: z.optional(z.string()),
  detail: z.optional(z.string()),
  messages: z.optional(MessageSchema),
  errors: z.optional(z.array(z.object({ field: z.string(), message: MessageSchema, detail: z.optional(z.string()) }))),
  requestId: z.optional(z.string()),
});
export type Problem = z.infer<typeof ProblemSchema>;
export type ProblemFieldError = NonNullable<Problem["errors"]>[number];

/** Codes the client itself produces when there is no problem document to show. */
export type ClientErrorCode = "NETWORK" | "BAD_RESPONSE";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem | null;

  constructor(status: number, code: string, problem: Problem | null, message?: string) {
    super(message ?? problem?.detail ?? `${status} ${code}`);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.problem = problem;
  }

  get fieldErrors(): ProblemFieldError[] {
    return this.problem?.errors ?? [];
  }

  /** The user-facing text in the given language (both come with every problem), if the server sent one. */
  messageIn(language: Language): string | null {
    return this.problem?.messages?.[language] ?? this.problem?.detail ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// ---------------------------------------------------------------------------------------------------
// CSRF token: fetched once and reused; dropped when the session changes or the server rejects it.

const CsrfSchema = z.object({ token: z.string() });
let csrfToken: Promise<string> | null = null;

export function resetCsrfToken(): void {
  csrfToken = null;
}

function getCsrfToken(): Promise<string> {
  csrfToken ??= send("GET", "/api/v1/auth/csrf", undefined, null)
    .then((body) => CsrfSchema.parse(body).token)
    .catch((error: unknown) => {
      csrfToken = null;
      throw error;
    });
  return csrfToken;
}

// ---------------------------------------------------------------------------------------------------

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** A file goes as the raw request body, typed as the browser knows it; the server reads the real type from the content. */
const UPLOAD_TYPES = ["application/pdf", "image/png", "image/jpeg"];

function requestHeaders(body: unknown, csrf: string | null): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": currentLanguage() };
  // Only with a body: Fastify rejects an empty body declared as JSON.
  if (body instanceof Blob) headers["content-type"] = UPLOAD_TYPES.includes(body.type) ? body.type : "application/octet-stream";
  else if (body !== undefined) headers["content-type"] = "application/json";
  if (csrf) headers["x-csrf-token"] = csrf;
  return headers;
}

/** An answer as both transports read it: the JSON body of a success, or an `ApiError` from problem+json. */
function interpret(status: number, type: string, text: string): unknown {
  if (status === 204) return undefined;
  const isJson = type.includes("json");
  let parsed: unknown = undefined;
  if (isJson) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ApiError(status, "BAD_RESPONSE", null, "invalid JSON");
    }
  }
  if (status >= 200 && status < 300) {
    if (!isJson) throw new ApiError(status, "BAD_RESPONSE", null, `unexpected content type ${type}`);
    return parsed;
  }
  const problem = ProblemSchema.safeParse(parsed);
  const doc = problem.success ? problem.data : null;
  throw new ApiError(status, doc?.code ?? `HTTP_${status}`, doc);
}

async function send(method: Method, path: string, body: unknown, csrf: string | null): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: requestHeaders(body, csrf),
      body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch (cause) {
    throw new ApiError(0, "NETWORK", null, cause instanceof Error ? cause.message : "network error");
  }
  return interpret(response.status, response.headers.get("content-type") ?? "", response.status === 204 ? "" : await response.text());
}

/** A write with the CSRF token; when its secret cookie has expired or been replaced, a new token and one retry. */
async function withCsrf(write: (csrf: string) => Promise<unknown>): Promise<unknown> {
  try {
    return await write(await getCsrfToken());
  } catch (error) {
    if (isApiError(error) && error.status === 403 && error.code === "CSRF_INVALID") {
      resetCsrfToken();
      return write(await getCsrfToken());
    }
    throw error;
  }
}

async function request(method: Method, path: string, body?: unknown): Promise<unknown> {
  if (method === "GET") return send(method, path, undefined, null);
  return withCsrf((csrf) => send(method, path, body, csrf));
}

/** Bytes sent so far out of the body's size, as the browser reports them while uploading. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/** A Blob sent through XMLHttpRequest: `fetch` reports no upload progress. */
function sendWithProgress(method: "POST" | "PATCH", path: string, body: Blob, csrf: string, onProgress: (progress: UploadProgress) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(requestHeaders(body, csrf))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : body.size });
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", null, "network error"));
    xhr.onabort = () => reject(new ApiError(0, "NETWORK", null, "upload aborted"));
    xhr.onload = () => {
      try {
        resolve(interpret(xhr.status, xhr.getResponseHeader("content-type") ?? "", xhr.responseText));
      } catch (error) {
        reject(error);
      }
    };
    xhr.send(body);
  });
}

function parseWith<S extends z.ZodMiniType>(schema: S, path: string, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    // Logged for developers; users see a short generic message.
    console.error(`Unexpected response from ${path}`, result.error.issues);
    throw new ApiError(200, "BAD_RESPONSE", null, `unexpected response from ${path}`);
  }
  return result.data;
}

export const api = {
  async get<S extends z.ZodMiniType>(path: string, schema: S, query?: Query): Promise<z.infer<S>> {
    const url = withQuery(path, query);
    return parseWith(schema, url, await request("GET", url));
  },
  async post<S extends z.ZodMiniType>(path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    return parseWith(schema, path, await request("POST", path, body));
  },
  async put<S extends z.ZodMiniType>(path: string, schema: S, body: unknown): Promise<z.infer<S>> {
    return parseWith(schema, path, await request("PUT", path, body));
  },
  async delete<S extends z.ZodMiniType>(path: string, schema: S): Promise<z.infer<S>> {
    return parseWith(schema, path, await request("DELETE", path));
  },
  async patch<S extends z.ZodMiniType>(path: string, schema: S, body: unknown): Promise<z.infer<S>> {
    return parseWith(schema, path, await request("PATCH", path, body));
  },
  /** Uploads one file as the raw body (`query` names it: kind, name); never read into memory here. */
  async upload<S extends z.ZodMiniType>(path: string, schema: S, file: Blob, query: Query): Promise<z.infer<S>> {
    const url = withQuery(path, query);
    return parseWith(schema, url, await request("POST", url, file));
  },
  /** Posts a Blob as the raw body, reporting progress: for large uploads the user waits for (a sealed bid). */
  async uploadWithProgress<S extends z.ZodMiniType>(path: string, schema: S, body: Blob, onProgress: (progress: UploadProgress) => void, method: "POST" | "PATCH" = "POST"): Promise<z.infer<S>> {
    return parseWith(schema, path, await withCsrf((csrf) => sendWithProgress(method, path, body, csrf, onProgress)));
  },
  /** For 204 answers and answers whose body the caller does not need. */
  async send(method: Exclude<Method, "GET">, path: string, body?: unknown): Promise<void> {
    await request(method, path, body);
  },
};
