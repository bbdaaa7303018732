import type { LightMyRequestResponse } from "fastify";
import type { OpenLpseApp } from "../../src/server/app.js";

let octet = 0;
function nextOctet(): number {
  octet = (octet + 37) % 254;
  return octet + 1;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Response<T = unknown> {
  status: number;
  headers: LightMyRequestResponse["headers"];
  body: T;
  text: string;
}

/** A browser-like API client: keeps cookies, fetches and sends the CSRF token like the web app. */
export class Client {
  private cookies = new Map<string, string>();
  private csrf: string | undefined;
  language: "id" | "en" = "id";
  /** Each client comes from its own address, as separate users would (rate limits are per address); a test may share one. */
  remoteAddress = `127.${nextOctet()}.${nextOctet()}.${nextOctet()}`;

  /**
   * `now` is the server's clock: a cookie's expiry is set from it, so it is judged by it too (a test clock
   * set to a fixed day must not see its sessions expire as the real day goes on).
   */
  constructor(
    private readonly app: OpenLpseApp,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private remember(response: LightMyRequestResponse): void {
    for (const c of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = (c.expires && c.expires.getTime() < this.now().getTime()) || c.maxAge === 0 || c.value === "";
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  /**
   * A client that starts with this one's cookies and CSRF token but keeps its own jar from then on: a
   * request that would replace the session cookie (logging in again) leaves this client as it was.
   */
  fork(): Client {
    const copy = new Client(this.app, this.now);
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    copy.csrf = this.csrf;
    copy.language = this.language;
    return copy;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async csrfToken(): Promise<string> {
    if (!this.csrf) {
      const r = await this.raw("GET", "/api/v1/auth/csrf");
      this.csrf = (r.body as { token: string }).token;
    }
    return this.csrf;
  }

  /** Send a request as-is: no CSRF header is added (for testing its absence). */
  async raw<T = unknown>(method: Method, url: string, options: { body?: unknown; payload?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Response<T>> {
    const headers: Record<string, string> = { "accept-language": this.language, ...options.headers };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader;
    let payload: string | Buffer | undefined = options.payload;
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await this.app.inject({ method, url, headers, remoteAddress: this.remoteAddress, ...(payload !== undefined && { payload }) });
    this.remember(response);
    const text = response.body;
    let body: unknown = text;
    if ((response.headers["content-type"] ?? "").toString().includes("json") && text.length > 0) body = JSON.parse(text);
    return { status: response.statusCode, headers: response.headers, body: body as T, text };
  }

  async request<T = unknown>(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const extra = method === "GET" ? headers : { "x-csrf-token": await this.csrfToken(), ...headers };
    return this.raw<T>(method, url, { ...(body !== undefined && { body }), headers: extra });
  }

  get<T = unknown>(url: string) {
    return this.request<T>("GET", url);
  }
  post<T = unknown>(url: string, body?: unknown) {
    return this.request<T>("POST", url, body);
  }
  put<T = unknown>(url: string, body?: unknown) {
    return this.request<T>("PUT", url, body);
  }
  patch<T = unknown>(url: string, body?: unknown) {
    return this.request<T>("PATCH", url, body);
  }
  delete<T = unknown>(url: string) {
    return this.request<T>("DELETE", url);
  }
}
