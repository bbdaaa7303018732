/**
 * A logged-in user over real HTTP (fetch), for tests that talk to a server in another process: the
 * session cookie and the CSRF token are kept as a browser keeps them.
 */
export class HttpSession {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;

  constructor(private readonly baseUrl: string) {}

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (pair && eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "), ...extra };
  }

  async fetch(method: string, path: string, body?: { json?: unknown; bytes?: Uint8Array }): Promise<Response> {
    const headers: Record<string, string> = {};
    if (method !== "GET") headers["x-csrf-token"] = await this.csrfToken();
    if (body?.json !== undefined) headers["content-type"] = "application/json";
    if (body?.bytes !== undefined) headers["content-type"] = "application/octet-stream";
    const payload = body?.json !== undefined ? JSON.stringify(body.json) : body?.bytes;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers: this.headers(headers), body: payload });
    this.remember(response);
    return response;
  }

  /** The session's CSRF token, fetched once per session. */
  async csrfToken(): Promise<string> {
    if (!this.csrf) {
      const r = await fetch(`${this.baseUrl}/api/v1/auth/csrf`, { headers: this.headers() });
      this.remember(r);
      this.csrf = ((await r.json()) as { token: string }).token;
    }
    return this.csrf;
  }

  /** Cookie and CSRF headers for a request sent by other means (a raw socket that is cut on purpose). */
  headersFor(method: string): Record<string, string> {
    return this.headers(method === "GET" || !this.csrf ? {} : { "x-csrf-token": this.csrf });
  }

  async logIn(email: string, password: string): Promise<void> {
    const r = await this.fetch("POST", "/api/v1/auth/login", { json: { email, password } });
    if (r.status !== 200) throw new Error(`login failed for ${email}: ${r.status} ${await r.text()}`);
    // A new session: the CSRF token is fetched again for it.
    this.csrf = null;
  }
}
