// Drives the web app in tests like a browser would: keeps the session cookie, reads the CSRF token
// from the page, and posts forms.

export const BASE = 'http://localhost';

/** Anything with Hono's app.request. */
export interface Requestable {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

export interface Browser {
  cookies: Map<string, string>;
  csrf: string;
  get(path: string): Promise<Response>;
  post(path: string, fields?: Record<string, string | string[]>, options?: { csrf?: string | null; body?: BodyInit; contentType?: string }): Promise<Response>;
}

function keepCookies(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
    if (expired || value === '') jar.delete(name);
    else jar.set(name, value);
  }
}

/** Where a redirect sends the browser ('' when the answer is not a redirect). */
export const locationOf = (r: Response): string => r.headers.get('location') ?? '';

export const csrfOf = (html: string): string => /name="_csrf" value="([^"]*)"/.exec(html)?.[1] ?? '';

export function browser(app: Requestable): Browser {
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const b: Browser = {
    cookies,
    csrf: '',
    async get(path) {
      const res = await app.request(BASE + path, { headers: { cookie: cookieHeader() } });
      keepCookies(cookies, res);
      if ((res.headers.get('content-type') ?? '').includes('text/html')) {
        const html = await res.clone().text();
        const token = csrfOf(html);
        if (token) b.csrf = token;
      }
      return res;
    },
    async post(path, fields = {}, options = {}) {
      const params = new URLSearchParams();
      const csrf = options.csrf === undefined ? b.csrf : options.csrf;
      if (csrf !== null) params.append('_csrf', csrf);
      for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
      const res = await app.request(BASE + path, {
        method: 'POST',
        headers: { cookie: cookieHeader(), 'content-type': options.contentType ?? 'application/x-www-form-urlencoded' },
        body: options.body ?? params,
      });
      keepCookies(cookies, res);
      return res;
    },
  };
  return b;
}

/** A browser signed in as the given user (through the real sign-in form). */
export async function signedIn(app: Requestable, email: string, password: string): Promise<Browser> {
  const b = browser(app);
  await b.get('/manage/sign-in');
  const res = await b.post('/manage/sign-in', { email, password, next: '/manage' });
  if (res.status !== 303) throw new Error(`sign-in as ${email} failed with ${res.status}`);
  await b.get('/manage');
  return b;
}
