// A small HTTP client for a running server: signs in through the real sign-in form, as a browser
// would, keeps the session cookie, and posts forms (and uploads) with the session's CSRF token.

export interface Session {
  cookie: string;
  csrf: string;
  get(p: string): Promise<Response>;
  post(p: string, body: URLSearchParams | FormData): Promise<Response>;
}

const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Signs in through the sign-in form, as a browser would; the session's token comes from the next page. */
export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const form = await fetch(`${base}/manage/sign-in`);
  keep(form);
  const body = new URLSearchParams({ _csrf: csrfIn(await form.text()), email, password, next: '/manage' });
  const r = await fetch(`${base}/manage/sign-in`, { method: 'POST', body, headers: { cookie: cookie() }, redirect: 'manual' });
  keep(r);
  if (r.status !== 303) throw new Error(`signing in as ${email} answered ${r.status}`);
  const session: Session = {
    cookie: cookie(),
    csrf: '',
    get: (p) => fetch(base + p, { headers: { cookie: cookie() }, redirect: 'manual' }),
    post: (p, b) => {
      if (b instanceof URLSearchParams) b.set('_csrf', session.csrf);
      const sep = p.includes('?') ? '&' : '?';
      return fetch(`${base}${p}${b instanceof FormData ? `${sep}_csrf=${encodeURIComponent(session.csrf)}` : ''}`, { method: 'POST', body: b, headers: { cookie: cookie() }, redirect: 'manual' });
    },
  };
  session.csrf = csrfIn(await (await session.get('/manage')).text());
  if (!session.csrf) throw new Error('no CSRF token on the dashboard after signing in');
  return session;
}
