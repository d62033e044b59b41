/**
 * A minimal browser for the hub's PSU pages: keeps cookies, never follows redirects by itself (tests
 * read each Location), and fills forms by their field names.
 */
export interface Page {
  status: number;
  location?: string;
  html: string;
}

export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly base: string) {}

  async get(url: string): Promise<Page> {
    return this.request(url, { method: "GET" });
  }

  /** Submits the page's form with its hidden fields plus `fields`. */
  async submit(url: string, page: Page, fields: Record<string, string>): Promise<Page> {
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.html)?.[1];
    if (!csrf) throw new Error(`no form on the page: ${page.html.slice(0, 200)}`);
    return this.request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf, ...fields }).toString(),
    });
  }

  /** Follows redirects while they stay on the hub; returns the first page or the first foreign Location. */
  async follow(page: Page): Promise<Page> {
    let current = page;
    while (current.location && new URL(current.location, this.base).origin === new URL(this.base).origin) current = await this.get(current.location);
    return current;
  }

  private async request(url: string, init: RequestInit): Promise<Page> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(new URL(url, this.base), { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = response.headers.get("location") ?? undefined;
    return { status: response.status, location: location && new URL(location, this.base).toString(), html: await response.text() };
  }
}
