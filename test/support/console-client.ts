/**
 * An HTTP client for the console as a browser would be: a cookie jar, forms posted with the CSRF
 * token of the last page, redirects not followed (so tests see them), Origin set like a browser.
 */
export type ConsoleResponse = { status: number; location: string | null; body: string; cookies: string[] };

export function createConsoleClient(baseUrl: string) {
  const jar = new Map<string, string>();
  let lastBody = "";

  function remember(response: Response): string[] {
    const set = response.headers.getSetCookie();
    for (const line of set) {
      const [pair = ""] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      if (value === "" || /max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return set;
  }

  async function request(path: string, init: RequestInit = {}): Promise<ConsoleResponse> {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(`${baseUrl}${path}`, { ...init, headers, redirect: "manual" });
    const cookies = remember(response);
    const body = await response.text();
    if (response.headers.get("content-type")?.includes("text/html")) lastBody = body;
    return { status: response.status, location: response.headers.get("location"), body, cookies };
  }

  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

  return {
    jar,
    get: (path: string) => request(path),
    /** Posts a form with the CSRF token of the last page (unless `csrf` is given, or false to omit it). */
    post(
      path: string,
      form: Record<string, string>,
      options: { csrf?: string | false; origin?: string } = {},
    ) {
      const token = options.csrf === undefined ? csrfOf(lastBody) : options.csrf;
      const body = new URLSearchParams({ ...form, ...(token === false ? {} : { _csrf: token }) });
      return request(path, {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded", origin: options.origin ?? baseUrl },
      });
    },
    async login(username: string, password: string): Promise<ConsoleResponse> {
      await request("/login");
      return this.post("/login", { username, password });
    },
  };
}

export type ConsoleClient = ReturnType<typeof createConsoleClient>;
